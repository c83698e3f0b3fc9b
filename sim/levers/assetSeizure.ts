/** Asset seizure: financial investigation that confiscates organisations' capital. */
import { z } from 'zod';
import { countryId } from '../validation/fields';
import { budget, checkCountryOf, countryTarget, leverBase, noDisplacement } from './common';
import { defineLever } from './types';

export const assetSeizure = defineLever({
  kind: 'assetSeizure',
  name: 'Asset seizure',
  supply: false,
  schema: z
    .strictObject({
      lever: z.literal('assetSeizure'),
      country: countryId,
      budgetUsdPerYear: budget,
      ...leverBase,
    })
    .describe('Financial investigation that confiscates trafficking organisations\' capital'),
  targets: countryTarget,
  compose: (t, a) => ({ lever: 'assetSeizure' as const, country: t.country ?? '', budgetUsdPerYear: a.budgetUsdPerYear }),
  check: checkCountryOf,
  apply(p, at, _world, inputs) {
    inputs.assetUsd[at.country] += p.budgetUsdPerYear;
    return p.budgetUsdPerYear;
  },
  displacement: noDisplacement,
});
