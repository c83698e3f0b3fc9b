/** Enforcement vs prevention: a country moves its own drug budget between the two uses. */
import { z } from 'zod';
import { countryId, share } from '../validation/fields';
import { checkCountryOf, countryTarget, leverBase, noDisplacement } from './common';
import { defineLever } from './types';

export const enforcementVsPrevention = defineLever({
  kind: 'enforcementVsPrevention',
  name: 'Enforcement vs prevention',
  supply: false,
  schema: z
    .strictObject({
      lever: z.literal('enforcementVsPrevention'),
      country: countryId,
      preventionShare: share.describe('Share of the country\'s drug budget (enforcement + prevention) spent on prevention'),
      ...leverBase,
    })
    .describe('Reallocate a country\'s drug budget between enforcement and prevention'),
  targets: countryTarget,
  compose: (t, a) => ({ lever: 'enforcementVsPrevention' as const, country: t.country ?? '', preventionShare: a.preventionShare ?? 0 }),
  check: checkCountryOf,
  apply(p, at, world, inputs) {
    inputs.preventionShare[at.country] = p.preventionShare;
    const { enforcementBudgetUsd, preventionBudgetUsd } = world.countries;
    const total = enforcementBudgetUsd[at.country] + preventionBudgetUsd[at.country];
    // The lever costs no new money: its cost is the budget it moves between the two uses.
    return Math.abs(total * p.preventionShare - preventionBudgetUsd[at.country]);
  },
  displacement: noDisplacement,
  amount: (p) => `${Math.round(p.preventionShare * 100)}% to prevention`,
});
