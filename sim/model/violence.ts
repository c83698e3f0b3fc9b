/**
 * A violence index per country: splits and leader arrests add bursts, and
 * competition between organisations active in the country (the effective
 * number of competitors, 1/HHI of their traffic) sustains a level. The index
 * fades at a fixed rate, so it settles where inflow and fading balance.
 */
import type { World } from './world';
import type { WorldState } from './state';
import type { ActiveCountries } from './shipping';
import { shareEachTick } from './time';

/** The violence phase's working memory, per country: total and sum of squares of organisations' traffic. */
export interface ViolenceScratch {
  total: Float64Array;
  squares: Float64Array;
}

export function createViolenceScratch(world: World): ViolenceScratch {
  return { total: new Float64Array(world.countries.n), squares: new Float64Array(world.countries.n) };
}

export function updateViolence(world: World, state: WorldState, active: ActiveCountries, scratch: ViolenceScratch): void {
  const b = world.behaviour.violence;
  const nC = world.countries.n;
  const to = state.traffickers;
  const police = state.police;
  const violence = state.violence;
  const decay = shareEachTick(b.decayPerMonth, world.ticksPerYear);
  // Each country's total and sum of squares of organisations' traffic, summed organisation by organisation
  // over the countries each is active in (elsewhere the terms are exact zeros: see shipping.ts ActiveCountries).
  const { total, squares: sumSquares } = scratch;
  const { activeCountries, activeCount } = active;
  total.fill(0);
  sumSquares.fill(0);
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    for (let j = k * nC, end = j + activeCount[k]; j < end; j++) {
      const c = activeCountries[j];
      const a = to.activityKg[k * nC + c];
      total[c] += a;
      sumSquares[c] += a * a;
    }
  }
  for (let c = 0; c < nC; c++) {
    const competitors = sumSquares[c] > 0 ? Math.min(to.capacity, (total[c] * total[c]) / sumSquares[c]) : 0;
    const inflow =
      decay * b.competitionWeight * Math.max(0, competitors - 1) +
      b.fragmentationWeight * violence.fragmentations[c] +
      b.arrestWeight * police.arrests[c];
    violence.index[c] = violence.index[c] * (1 - decay) + inflow;
  }
}
