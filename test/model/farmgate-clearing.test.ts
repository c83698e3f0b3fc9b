/**
 * The experimental clearing term of the farmgate price (behaviour.growers.
 * farmgateClearingWeight): when eradication makes Colombian paste scarce,
 * organisations plan to buy more elsewhere than is on offer there, and with
 * clearing the Peruvian and Bolivian price answers that far more strongly than
 * under the inventory rule alone (docs/model.md, section 3).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run';
import { loadScenario } from '../../sim/scenario/validate';
import type { RunResult } from '../../sim/results/types';
import { mean, meanFrom, readJson } from './helpers';

const SEEDS = [1, 2, 3, 4];
const eradication = { lever: 'eradication', country: 'COL', budgetUsdPerYear: 2e8, start: '2002-01' };

function scenario(clearingWeight: number, policies: unknown[]) {
  const input = readJson('scenarios/baseline.json') as any;
  return loadScenario({ ...input, behaviour: { growers: { farmgateClearingWeight: clearingWeight } }, policies });
}

/** Mean farmgate price of the Peruvian and Bolivian regions from 2004. */
function otherProducersPrice(r: RunResult): number {
  const regions = r.series.entities.filter((e) => e.kind === 'region' && (e.id.startsWith('PER') || e.id.startsWith('BOL')));
  return mean(regions.map((e) => meanFrom(r, 'farmgatePriceUsdPerKg', e.id, 'region', 2004)));
}

/** Per seed, the relative change of that price when Colombia is eradicated. */
function priceResponse(clearingWeight: number): number[] {
  const control = scenario(clearingWeight, []);
  const treated = scenario(clearingWeight, [eradication]);
  return SEEDS.map((seed) => otherProducersPrice(runScenario(treated, { seed })) / otherProducersPrice(runScenario(control, { seed })) - 1);
}

describe('farmgate clearing term (experimental)', () => {
  it('makes the other producers\' price answer Colombian scarcity more than the inventory rule does', () => {
    const inventory = mean(priceResponse(0));
    const clearing = mean(priceResponse(1));
    expect(clearing).toBeGreaterThan(0.05);
    expect(clearing).toBeGreaterThan(inventory + 0.03);
  });
});
