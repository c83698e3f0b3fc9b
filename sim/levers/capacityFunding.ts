/** Capacity funding: a donor pays for training and equipment of another country's police. */
import { z } from 'zod';
import { countryId } from '../validation/fields';
import { budget, leverBase } from './common';
import { policeTarget } from './displacementTargets';
import { defineLever } from './types';

export const capacityFunding = defineLever({
  kind: 'capacityFunding',
  name: 'Capacity funding',
  supply: true,
  schema: z
    .strictObject({
      lever: z.literal('capacityFunding'),
      donor: countryId,
      recipient: countryId,
      budgetUsdPerYear: budget,
      ...leverBase,
    })
    .describe('A donor funds training and equipment of the recipient police; capability grows with a lag, limited by governance'),
  targets: (p) => ({ country: p.recipient, donor: p.donor }),
  compose: (t, a) => ({ lever: 'capacityFunding' as const, donor: t.donor ?? t.country ?? '', recipient: t.country ?? '', budgetUsdPerYear: a.budgetUsdPerYear }),
  check(p, tools) {
    const donorOk = tools.country(['donor'], p.donor);
    const recipientOk = tools.country(['recipient'], p.recipient);
    if (donorOk && recipientOk && p.donor === p.recipient) tools.add(['recipient'], `a country other than the donor (${JSON.stringify(p.donor)})`, JSON.stringify(p.recipient));
  },
  apply(p, at, _world, inputs) {
    inputs.aidUsd[at.country] += p.budgetUsdPerYear;
    return p.budgetUsdPerYear;
  },
  displacement: (p, scenario) => policeTarget(scenario, p.recipient),
});
