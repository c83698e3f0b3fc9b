/** Treatment: spending in a consumer country that buys treatment episodes for heavy users (sim/model/users.ts). */
import { z } from 'zod';
import { countryId } from '../validation/fields';
import { budget, checkMarketCountry, countryTarget, leverBase, noDisplacement } from './common';
import { defineLever } from './types';

export const treatment = defineLever({
  kind: 'treatment',
  name: 'Treatment',
  supply: false,
  schema: z
    .strictObject({
      lever: z.literal('treatment'),
      country: countryId,
      budgetUsdPerYear: budget,
      ...leverBase,
    })
    .describe('Treatment spending in a consumer country: buys treatment episodes for heavy users (less use while treated, more quitting after)'),
  targets: countryTarget,
  compose: (t, a) => ({ lever: 'treatment' as const, country: t.country ?? '', budgetUsdPerYear: a.budgetUsdPerYear }),
  check: checkMarketCountry,
  apply(p, at, _world, inputs) {
    inputs.treatmentUsd[at.country] += p.budgetUsdPerYear;
    return p.budgetUsdPerYear;
  },
  displacement: noDisplacement,
});
