/**
 * Police budget: a government adds to its own police's budget for drug enforcement (as Colombia did for its
 * share of Plan Colombia). The money is operations at once, spent by the agency's own allocation and at its
 * capability and corruption; unlike capacity funding it buys no training stock, so it ends when the money does.
 */
import { z } from 'zod';
import { countryId } from '../validation/fields';
import { budget, checkCountryOf, countryTarget, leverBase } from './common';
import { policeTarget } from './displacementTargets';
import { defineLever } from './types';

export const policeBudget = defineLever({
  kind: 'policeBudget',
  name: 'Police budget',
  supply: true,
  schema: z
    .strictObject({
      lever: z.literal('policeBudget'),
      country: countryId,
      budgetUsdPerYear: budget,
      ...leverBase,
    })
    .describe("A government adds to its own police's budget for drug enforcement: more field effort at once, spent by the agency's own allocation (no training lag, unlike capacity funding)"),
  targets: countryTarget,
  compose: (t, a) => ({ lever: 'policeBudget' as const, country: t.country ?? '', budgetUsdPerYear: a.budgetUsdPerYear }),
  check: checkCountryOf,
  apply(p, at, _world, inputs) {
    inputs.policeBudgetUsd[at.country] += p.budgetUsdPerYear;
    return p.budgetUsdPerYear;
  },
  displacement: (p, scenario) => policeTarget(scenario, p.country),
});
