/** Prevention: extra demand reduction in a consumer country (fewer new users, with a lag). */
import { z } from 'zod';
import { countryId } from '../validation/fields';
import { budget, checkMarketCountry, countryTarget, leverBase, noDisplacement } from './common';
import { defineLever } from './types';

export const prevention = defineLever({
  kind: 'prevention',
  name: 'Prevention',
  supply: false,
  schema: z
    .strictObject({
      lever: z.literal('prevention'),
      country: countryId,
      budgetUsdPerYear: budget,
      ...leverBase,
    })
    .describe('Extra demand-reduction spending in a consumer country: lowers initiation with a lag'),
  targets: countryTarget,
  compose: (t, a) => ({ lever: 'prevention' as const, country: t.country ?? '', budgetUsdPerYear: a.budgetUsdPerYear }),
  check: checkMarketCountry,
  apply(p, at, _world, inputs) {
    inputs.preventionUsd[at.country] += p.budgetUsdPerYear;
    return p.budgetUsdPerYear;
  },
  displacement: noDisplacement,
});
