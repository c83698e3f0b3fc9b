/**
 * A violence index per country: splits and leader arrests add bursts, and
 * competition between organisations active in the country (the effective
 * number of competitors, 1/HHI of their traffic) sustains a level. The index
 * fades at a fixed rate, so it settles where inflow and fading balance.
 */
import type { World } from './world';
import type { WorldState } from './state';
import { pow } from '../math/detmath';

export function updateViolence(world: World, state: WorldState): void {
  const b = world.behaviour.violence;
  const nC = world.countries.n;
  const to = state.traffickers;
  const police = state.police;
  const decay = 1 - pow(1 - b.decayPerMonth, 12 / world.ticksPerYear);
  for (let c = 0; c < nC; c++) {
    let total = 0;
    let sumSquares = 0;
    for (let k = 0; k < to.capacity; k++) {
      if (!to.alive[k]) continue;
      const a = to.activityKg[k * nC + c];
      total += a;
      sumSquares += a * a;
    }
    const competitors = sumSquares > 0 ? Math.min(to.capacity, (total * total) / sumSquares) : 0;
    const inflow =
      decay * b.competitionWeight * Math.max(0, competitors - 1) +
      b.fragmentationWeight * police.fragmentations[c] +
      b.arrestWeight * police.arrests[c];
    police.violence[c] = police.violence[c] * (1 - decay) + inflow;
  }
}
