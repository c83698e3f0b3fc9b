/** Intelligence sharing: partners' interdiction on routes between them gains efficiency as trust grows (model/cooperation.ts). */
import { z } from 'zod';
import { countryId } from '../validation/fields';
import { LIMITS } from '../validation/limits';
import { budget, leverBase, noDisplacement } from './common';
import { routeId } from './displacementTargets';
import { defineLever } from './types';

export const intelligenceSharing = defineLever({
  kind: 'intelligenceSharing',
  name: 'Intelligence sharing',
  supply: true,
  schema: z
    .strictObject({
      lever: z.literal('intelligenceSharing'),
      countries: z.array(countryId).min(2).max(LIMITS.countries),
      budgetUsdPerYear: budget,
      ...leverBase,
    })
    .describe('Partners share intelligence: interdiction on routes between members gains efficiency as trust grows'),
  targets: (p) => ({ members: p.countries }),
  compose: (t, a) => ((t.members ?? []).length < 2 ? null : { lever: 'intelligenceSharing' as const, countries: [...(t.members ?? [])], budgetUsdPerYear: a.budgetUsdPerYear }),
  check(p, tools) {
    const seen = new Set<string>();
    p.countries.forEach((c, j) => {
      if (seen.has(c)) tools.add(['countries', j], 'each country once', `${JSON.stringify(c)} again`);
      seen.add(c);
      tools.country(['countries', j], c);
    });
  },
  apply(p, at, _world, inputs) {
    inputs.intelligenceUsd[at.index] = p.budgetUsdPerYear;
    return p.budgetUsdPerYear;
  },
  displacement: noDisplacement,
  // In a package of supply levers: flow on the routes between partners vs the other routes leaving the partner countries.
  packageTarget(p, scenario) {
    const partners = new Set(p.countries);
    const target = scenario.routes.filter((r) => partners.has(r.from) && partners.has(r.to)).map(routeId);
    if (target.length === 0) return null;
    const elsewhere = scenario.routes.filter((r) => partners.has(r.from) && !partners.has(r.to)).map(routeId);
    return { measure: 'flowKg', kind: 'route', target, elsewhere, description: `flow on the routes between ${p.countries.join(', ')} vs their other routes` };
  },
});
