/** Prevention: extra demand reduction in a consumer country: reaches young people, lowering their initiation after a lag (sim/model/users.ts). */
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
    .describe('Extra prevention spending in a consumer country: reaches young people and lowers their initiation after a lag'),
  targets: countryTarget,
  compose: (t, a) => ({ lever: 'prevention' as const, country: t.country ?? '', budgetUsdPerYear: a.budgetUsdPerYear }),
  check: checkMarketCountry,
  apply(p, at, _world, inputs) {
    inputs.preventionUsd[at.country] += p.budgetUsdPerYear;
    return p.budgetUsdPerYear;
  },
  displacement: noDisplacement,
});
