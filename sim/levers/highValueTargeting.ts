/** High-value targeting: arrests of organisation leaders, which fragment organisations. */
import { z } from 'zod';
import { countryId } from '../validation/fields';
import { budget, checkCountryOf, countryTarget, leverBase, noDisplacement } from './common';
import { defineLever } from './types';

export const highValueTargeting = defineLever({
  kind: 'highValueTargeting',
  name: 'High-value targeting',
  supply: false,
  schema: z
    .strictObject({
      lever: z.literal('highValueTargeting'),
      country: countryId,
      budgetUsdPerYear: budget,
      ...leverBase,
    })
    .describe('Targets leaders of trafficking organisations: arrests fragment organisations'),
  targets: countryTarget,
  compose: (t, a) => ({ lever: 'highValueTargeting' as const, country: t.country ?? '', budgetUsdPerYear: a.budgetUsdPerYear }),
  check: checkCountryOf,
  apply(p, at, _world, inputs) {
    inputs.targetingUsd[at.country] += p.budgetUsdPerYear;
    return p.budgetUsdPerYear;
  },
  displacement: noDisplacement,
});
