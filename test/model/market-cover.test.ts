/**
 * Inventory pricing of consumer markets (`behaviour.markets.stockTargetMonths` > 0, 3 by default):
 * the wholesale price follows the months of demand that organisations' stock in the market covers,
 * instead of clearing what is offered each month (`stockTargetMonths` 0, the rule before December
 * 2026). Small markets served by a few large, partly seized loads then stop jumping from month to month.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim/scenario/validate';
import { createState } from '../../sim/model/init';
import { buildWorld } from '../../sim/model/world';
import { runScenario } from '../../sim/run';
import { measureByTick } from '../../sim/analysis/extract';
import { meanAbsLogChange } from '../../sim/analysis/stats';
import { readJson } from './helpers';

const EUROPE = ['ESP', 'GBR', 'NLD', 'DEU', 'ITA', 'FRA'];

function baselineWith(markets: Record<string, number>) {
  const input = readJson('scenarios/baseline.json') as Record<string, unknown>;
  return loadScenario({ ...input, behaviour: { markets } });
}

/** Mean over European markets and seeds of each one's mean absolute monthly change of the log wholesale price, after five years. */
function europeanMonthlyMoves(markets: Record<string, number>, seeds: number[]): number {
  const scenario = baselineWith(markets);
  let sum = 0;
  let n = 0;
  for (const seed of seeds) {
    const prices = measureByTick(runScenario(scenario, { seed }), 'wholesalePriceUsdPerKg', 'market');
    if (!prices) throw new Error('no wholesale prices recorded');
    for (const id of EUROPE) {
      const column = prices.values.get(id);
      if (!column) throw new Error(`no wholesale price for ${id}`);
      sum += meanAbsLogChange(column, 60);
      n++;
    }
  }
  return sum / n;
}

describe('inventory pricing of consumer markets', () => {
  it('starts every market with its usual months of cover', () => {
    const scenario = baselineWith({ stockTargetMonths: 3 });
    const world = buildWorld(scenario);
    const state = createState(world, 7);
    const to = state.traffickers;
    const nC = world.countries.n;
    let stocked = 0;
    for (let m = 0; m < world.markets.n; m++) {
      let held = 0;
      for (let k = 0; k < to.capacity; k++) if (to.alive[k]) held += to.stockKg[k * nC + world.markets.country[m]];
      const monthlyDemand = (world.markets.users0[m] * world.markets.gramsPerUserPerYear[m]) / 1000 / 12;
      if (held > 0) {
        expect(held / monthlyDemand).toBeCloseTo(3, 9);
        stocked++;
      }
    }
    // (A market no organisation starts in has nothing to scale; the baseline's largest ones all have stock.)
    expect(stocked).toBeGreaterThanOrEqual(6);
  });

  it('calms European wholesale prices from month to month', () => {
    const seeds = [1, 2];
    const clearing = europeanMonthlyMoves({ stockTargetMonths: 0 }, seeds);
    const cover = europeanMonthlyMoves({}, seeds);
    // Measured: about 25 % a month when prices clear what is offered, 1-4 % with three months of cover.
    expect(clearing).toBeGreaterThan(0.12);
    expect(cover).toBeLessThan(clearing / 3);
  });
});
