/** Eradication: spraying and manual eradication of coca in a producer country or one of its regions. */
import { z } from 'zod';
import { countryId } from '../validation/fields';
import { budget, checkRegionOfCountry, leverBase } from './common';
import { cultivationTarget } from './displacementTargets';
import { defineLever } from './types';

export const eradication = defineLever({
  kind: 'eradication',
  name: 'Eradication',
  supply: true,
  schema: z.strictObject({
    lever: z.literal('eradication'),
    country: countryId,
    region: z.string().optional().describe('Target one region (default: all regions of the country, weighted by coca area)'),
    budgetUsdPerYear: budget,
    ...leverBase,
  }),
  targets: (p) => ({ country: p.country, region: p.region }),
  compose: (t, a) => ({ lever: 'eradication' as const, country: t.country ?? '', ...(t.region ? { region: t.region } : {}), budgetUsdPerYear: a.budgetUsdPerYear }),
  check: checkRegionOfCountry,
  apply(p, at, _world, inputs) {
    if (at.region >= 0) inputs.eradicationRegionUsd[at.region] += p.budgetUsdPerYear;
    else inputs.eradicationUsd[at.country] += p.budgetUsdPerYear;
    return p.budgetUsdPerYear;
  },
  displacement: (p, scenario) => cultivationTarget(scenario, p.country, p.region),
});
