/**
 * Precursor control: a producer country polices the chemicals that turn leaf into cocaine
 * (permanganate, solvents, acids). While it is funded, the production cost per kg in all
 * of the country's regions rises: by at most MAX_COST_RISE (relative), and by half of that
 * at HALF_RISE_BUDGET_USD a year (several policies on one country add their budgets).
 * Growers weigh the higher cost against coca's price and their licit income.
 */
import { z } from 'zod';
import { countryId } from '../validation/fields';
import { budget, checkRegionOfCountry, countryTarget, leverBase } from './common';
import { cultivationTarget } from './displacementTargets';
import { defineLever } from './types';

/** Largest relative rise of the production cost per kg (1 = it doubles). */
export const MAX_COST_RISE = 1;
/** Yearly budget at which the rise is half the largest. */
export const HALF_RISE_BUDGET_USD = 100e6;

/** The relative rise of the production cost per kg that `budgetUsdPerYear` buys. */
export function costRise(budgetUsdPerYear: number): number {
  return budgetUsdPerYear > 0 ? (MAX_COST_RISE * budgetUsdPerYear) / (budgetUsdPerYear + HALF_RISE_BUDGET_USD) : 0;
}

export const precursorControl = defineLever({
  kind: 'precursorControl',
  name: 'Precursor control',
  supply: true,
  schema: z
    .strictObject({
      lever: z.literal('precursorControl'),
      country: countryId.describe('A country with producer regions'),
      budgetUsdPerYear: budget,
      ...leverBase,
    })
    .describe('Control of precursor chemicals in a producer country: raises the production cost per kg in its regions while funded (at most doubles it; half of that at 100 million USD a year)'),
  targets: countryTarget,
  compose: (t, a) => ({ lever: 'precursorControl' as const, country: t.country ?? '', budgetUsdPerYear: a.budgetUsdPerYear }),
  check: checkRegionOfCountry,
  apply(p, at, _world, inputs) {
    inputs.precursorUsd[at.country] += p.budgetUsdPerYear;
    return p.budgetUsdPerYear;
  },
  finish(world, inputs) {
    const funded = inputs.precursorUsd;
    for (let c = 0; c < funded.length; c++) {
      if (funded[c] <= 0) continue;
      const rise = costRise(funded[c]);
      for (const r of world.regionsOfCountry[c]) inputs.productionCostRise[r] = rise;
    }
  },
  displacement: (p, scenario) => cultivationTarget(scenario, p.country, undefined),
});
