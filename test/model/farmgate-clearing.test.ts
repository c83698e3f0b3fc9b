/**
 * The experimental clearing premium on the farmgate price (behaviour.growers.
 * farmgateClearingWeight, docs/model.md section 3): when Plan-Colombia-like
 * pressure makes Colombian paste scarce, organisations keep planning to buy more
 * than is on offer, the premium raises prices where they buy, and growers in
 * Peru and Bolivia answer. With it, far more of Colombia's loss reappears there
 * than under the inventory rule alone (the paired displacement index).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run';
import { loadScenario } from '../../sim/scenario/validate';
import type { RunResult } from '../../sim/results/types';
import { mean, meanBetween, readJson } from './helpers';

const SEEDS = [1, 2, 3, 4];

function scenario(clearingWeight: number, withPolicies: boolean) {
  const input = readJson('scenarios/colombia-2000s.json') as any;
  return loadScenario({
    ...input,
    behaviour: { growers: { farmgateClearingWeight: clearingWeight } },
    policies: withPolicies ? input.policies : [],
  });
}

const cultivation = (r: RunResult, country: string) => meanBetween(r, 'cultivationHa', country, 'country', 2000, 2012);

/** Peru's and Bolivia's extra cultivation over Colombia's reduction, 2000-2012, as a ratio of means over seeds. */
function displacementIndex(clearingWeight: number): number {
  const treated = scenario(clearingWeight, true);
  const control = scenario(clearingWeight, false);
  const others: number[] = [];
  const cut: number[] = [];
  for (const seed of SEEDS) {
    const t = runScenario(treated, { seed });
    const c = runScenario(control, { seed });
    others.push(cultivation(t, 'PER') + cultivation(t, 'BOL') - cultivation(c, 'PER') - cultivation(c, 'BOL'));
    cut.push(cultivation(c, 'COL') - cultivation(t, 'COL'));
  }
  expect(mean(cut)).toBeGreaterThan(0);
  return mean(others) / mean(cut);
}

describe('farmgate clearing premium (experimental)', () => {
  it('displaces much more of Colombia\'s loss to Peru and Bolivia than the inventory rule alone', () => {
    const inventory = displacementIndex(0);
    const clearing = displacementIndex(1);
    expect(clearing).toBeGreaterThan(0.15);
    expect(clearing).toBeGreaterThan(inventory + 0.1);
  });
});
