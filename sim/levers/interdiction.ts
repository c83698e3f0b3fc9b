/** Interdiction: seizing loads on the routes through a country, or on one route. */
import { z } from 'zod';
import { countryId } from '../validation/fields';
import { budget, leverBase } from './common';
import { routeTarget, transitTarget } from './displacementTargets';
import { defineLever } from './types';

export const interdiction = defineLever({
  kind: 'interdiction',
  name: 'Interdiction',
  supply: true,
  schema: z.strictObject({
    lever: z.literal('interdiction'),
    country: countryId.describe('The country whose agency interdicts (its in- and outgoing routes)'),
    route: z.string().optional().describe('Target one route id (default: all routes through the country, weighted by observed flow)'),
    budgetUsdPerYear: budget,
    ...leverBase,
  }),
  targets: (p) => ({ country: p.country, route: p.route }),
  compose: (t, a) => ({ lever: 'interdiction' as const, country: t.country ?? '', ...(t.route ? { route: t.route } : {}), budgetUsdPerYear: a.budgetUsdPerYear }),
  check(p, tools) {
    if (!tools.country(['country'], p.country) || p.route === undefined) return;
    const ends = tools.routeEnds.get(p.route);
    if (!ends) tools.add(['route'], 'the id of a route listed in routes (default id FROM-TO-mode)', `${JSON.stringify(p.route)} (no such route)`);
    else if (ends.from !== p.country && ends.to !== p.country) {
      tools.add(['route'], `a route from or to ${JSON.stringify(p.country)}`, `${JSON.stringify(p.route)} (${ends.from} to ${ends.to})`);
    }
  },
  apply(p, at, world, inputs) {
    if (at.route >= 0) {
      const side = world.routes.from[at.route] === at.country ? 0 : 1;
      inputs.interdictionRouteUsd[at.route * 2 + side] += p.budgetUsdPerYear;
    } else inputs.interdictionUsd[at.country] += p.budgetUsdPerYear;
    return p.budgetUsdPerYear;
  },
  displacement: (p, scenario) => (p.route ? routeTarget(scenario, p.route) : transitTarget(scenario, p.country)),
});
