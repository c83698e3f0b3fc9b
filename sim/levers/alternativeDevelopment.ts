/** Alternative development: raises the licit income of growers in a producer country or region, with a lag. */
import { z } from 'zod';
import { countryId } from '../validation/fields';
import { budget, checkRegionOfCountry, leverBase } from './common';
import { cultivationTarget } from './displacementTargets';
import { defineLever } from './types';

export const alternativeDevelopment = defineLever({
  kind: 'alternativeDevelopment',
  name: 'Alternative development',
  supply: true,
  schema: z
    .strictObject({
      lever: z.literal('alternativeDevelopment'),
      country: countryId,
      region: z.string().optional(),
      budgetUsdPerYear: budget,
      ...leverBase,
    })
    .describe('Raises licit income of growers with a lag'),
  targets: (p) => ({ country: p.country, region: p.region }),
  compose: (t, a) => ({ lever: 'alternativeDevelopment' as const, country: t.country ?? '', ...(t.region ? { region: t.region } : {}), budgetUsdPerYear: a.budgetUsdPerYear }),
  check: checkRegionOfCountry,
  apply(p, at, world, inputs) {
    if (at.region >= 0) inputs.altDevUsd[at.region] += p.budgetUsdPerYear;
    else {
      // A whole country: spread by cultivable land.
      const list = world.regionsOfCountry[at.country];
      const cultivable = world.regions.cultivableHa;
      let land = 0;
      for (const r of list) land += cultivable[r];
      for (const r of list) inputs.altDevUsd[r] += (p.budgetUsdPerYear * cultivable[r]) / (land || 1);
    }
    return p.budgetUsdPerYear;
  },
  displacement: (p, scenario) => cultivationTarget(scenario, p.country, p.region),
});
