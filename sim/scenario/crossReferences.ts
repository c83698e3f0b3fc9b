/**
 * Checks that need the whole scenario, run after the schema has passed: ids are
 * unique, references point at things that exist and have the right role,
 * dates are in order and inside the horizon, sizes stay within LIMITS, and
 * every market can be supplied. Each problem names the path that holds it.
 */
import { LIMITS } from '../validation/limits';
import type { Policy, Scenario } from './schema';
import { renderFound, type PathSegment, type PendingError } from '../validation/errors';
import { legsFromProducers } from './reachability';
import { monthIndex, totalTicks } from './time';
import { leverOf } from '../levers/registry';
import type { CheckTools } from '../levers/types';

/** The id a route gets when it has none: FROM-TO-mode. */
export function routeId(r: { id?: string; from: string; to: string; mode: string }): string {
  return r.id ?? `${r.from}-${r.to}-${r.mode}`;
}

interface Context {
  s: Scenario;
  errors: PendingError[];
  countryRoles: Map<string, Set<string>>;
  regionCountry: Map<string, string>;
  routeEnds: Map<string, { from: string; to: string }>;
  marketCountries: Set<string>;
  producerCountries: Set<string>;
}

function add(ctx: Context, segments: PathSegment[], expected: string, found: string): void {
  ctx.errors.push({ segments, expected, found });
}

function checkUnique<T>(ctx: Context, list: readonly T[], idOf: (item: T) => string, field: string, what: string, pathOf: (i: number) => PathSegment[]): void {
  const first = new Map<string, number>();
  list.forEach((item, i) => {
    const id = idOf(item);
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else add(ctx, pathOf(i), `a unique ${what}`, `${JSON.stringify(id)} again (also at ${field}[${earlier}])`);
  });
}

function checkCountry(ctx: Context, path: PathSegment[], id: string, role?: 'producer' | 'consumer'): boolean {
  const roles = ctx.countryRoles.get(id);
  if (!roles) {
    add(ctx, path, 'the id of a country listed in countries', `${JSON.stringify(id)} (no such country)`);
    return false;
  }
  if (role && !roles.has(role)) {
    add(ctx, path, `a country with role "${role}"`, `${JSON.stringify(id)} (roles: ${[...roles].join(', ')})`);
    return false;
  }
  return true;
}

function checkIds(ctx: Context): void {
  const { s } = ctx;
  checkUnique(ctx, s.countries, (c) => c.id, 'countries', 'country id', (i) => ['countries', i, 'id']);
  checkUnique(ctx, s.regions, (r) => r.id, 'regions', 'region id', (i) => ['regions', i, 'id']);
  checkUnique(ctx, s.routes, routeId, 'routes', 'route id (the default id is FROM-TO-mode)', (i) => (s.routes[i].id === undefined ? ['routes', i] : ['routes', i, 'id']));
  checkUnique(ctx, s.markets, (m) => m.country, 'markets', 'market country (one market per country)', (i) => ['markets', i, 'country']);
}

function checkPlaces(ctx: Context): void {
  const { s } = ctx;
  s.countries.forEach((c, i) =>
    c.roles.forEach((role, j) => {
      if (c.roles.indexOf(role) < j) add(ctx, ['countries', i, 'roles', j], 'each role once', `${JSON.stringify(role)} again`);
    }),
  );
  s.regions.forEach((r, i) => checkCountry(ctx, ['regions', i, 'country'], r.country, 'producer'));
  s.routes.forEach((r, i) => {
    const fromOk = checkCountry(ctx, ['routes', i, 'from'], r.from);
    const toOk = checkCountry(ctx, ['routes', i, 'to'], r.to);
    if (fromOk && toOk && r.from === r.to) add(ctx, ['routes', i, 'to'], `a country other than "from" (${JSON.stringify(r.from)})`, JSON.stringify(r.to));
  });
  s.markets.forEach((m, i) => checkCountry(ctx, ['markets', i, 'country'], m.country, 'consumer'));
  const growers = s.regions.reduce((sum, r) => sum + r.growers, 0);
  if (growers > LIMITS.growersTotal) add(ctx, ['regions'], `at most ${LIMITS.growersTotal} growers over all regions`, `${growers} growers`);
}

function checkTraffickers(ctx: Context): void {
  const t = ctx.s.traffickers;
  let sum = 0;
  for (const [id, share] of Object.entries(t.homeShares)) {
    checkCountry(ctx, ['traffickers', 'homeShares', id], id);
    sum += share;
  }
  if (!(sum > 0)) add(ctx, ['traffickers', 'homeShares'], 'at least one country with a share above 0', renderFound(t.homeShares));
  if (t.maxCount !== undefined && t.maxCount < t.count) add(ctx, ['traffickers', 'maxCount'], `an integer ≥ count (${t.count})`, String(t.maxCount));
}

function checkTime(ctx: Context): void {
  const { s } = ctx;
  const start = monthIndex(s.start);
  const end = monthIndex(s.end);
  if (end < start) {
    add(ctx, ['end'], `a month not before start (${s.start})`, JSON.stringify(s.end));
    return;
  }
  const years = (end - start + 1) / 12;
  if (years > LIMITS.years) add(ctx, ['end'], `a horizon of at most ${LIMITS.years} years`, `${Math.ceil(years)} years`);
  const ticks = totalTicks(s);
  if (ticks > LIMITS.ticksTotal) {
    add(ctx, ['end'], `a run of at most ${LIMITS.ticksTotal} ticks (burn-in plus horizon)`, `${ticks} ticks`);
  }
}

function checkPolicyTime(ctx: Context, p: Policy, i: number): void {
  const { s } = ctx;
  const first = monthIndex(s.start);
  const last = monthIndex(s.end);
  const start = monthIndex(p.start);
  const inside = `a month from ${s.start} to ${s.end} (the horizon)`;
  if (start < first || start > last) add(ctx, ['policies', i, 'start'], inside, JSON.stringify(p.start));
  if (p.end === undefined) return;
  const end = monthIndex(p.end);
  if (end < start) add(ctx, ['policies', i, 'end'], `a month not before the policy's start (${p.start})`, JSON.stringify(p.end));
  else if (end > last) add(ctx, ['policies', i, 'end'], inside, JSON.stringify(p.end));
}

function checkRegionOf(ctx: Context, policy: number, region: string | undefined, country: string): void {
  const path: PathSegment[] = ['policies', policy, 'region'];
  if (region === undefined) {
    if (!ctx.producerCountries.has(country)) add(ctx, ['policies', policy, 'country'], 'a country with producer regions', JSON.stringify(country));
    return;
  }
  const owner = ctx.regionCountry.get(region);
  if (owner === undefined) add(ctx, path, 'the id of a region listed in regions', `${JSON.stringify(region)} (no such region)`);
  else if (owner !== country) add(ctx, path, `a region of ${JSON.stringify(country)}`, `${JSON.stringify(region)} (a region of ${JSON.stringify(owner)})`);
}

/** The lever's own checks of what policies[i] names (sim/levers/<kind>.ts). */
function checkPolicyTargets(ctx: Context, p: Policy, i: number): void {
  const at = (rest: PathSegment[]): PathSegment[] => ['policies', i, ...rest];
  const tools: CheckTools = {
    add: (path, expected, found) => add(ctx, at(path), expected, found),
    country: (path, id, role) => checkCountry(ctx, at(path), id, role),
    regionOf: (region, country) => checkRegionOf(ctx, i, region, country),
    routeEnds: ctx.routeEnds,
    marketCountries: ctx.marketCountries,
  };
  leverOf(p.lever).check(p, tools);
}

function checkReachability(ctx: Context): void {
  const { s } = ctx;
  const legs = s.routes.filter((r) => ctx.countryRoles.has(r.from) && ctx.countryRoles.has(r.to));
  s.markets.forEach((m, i) => {
    if (!ctx.countryRoles.has(m.country)) return; // reported already
    if (legsFromProducers(m.country, ctx.producerCountries, legs, LIMITS.pathLegs) === Infinity) {
      add(
        ctx,
        ['markets', i, 'country'],
        `a market that routes connect to another country with producer regions in at most ${LIMITS.pathLegs} legs`,
        `${JSON.stringify(m.country)} (unreachable)`,
      );
    }
  });
}

/** All cross-reference problems of a schema-valid scenario (empty when it is consistent). */
export function checkCrossReferences(s: Scenario): PendingError[] {
  const ctx: Context = {
    s,
    errors: [],
    countryRoles: new Map(s.countries.map((c) => [c.id, new Set<string>(c.roles)])),
    regionCountry: new Map(s.regions.map((r) => [r.id, r.country])),
    routeEnds: new Map(s.routes.map((r) => [routeId(r), { from: r.from, to: r.to }])),
    marketCountries: new Set(s.markets.map((m) => m.country)),
    producerCountries: new Set(s.regions.map((r) => r.country)),
  };
  checkIds(ctx);
  checkPlaces(ctx);
  checkTraffickers(ctx);
  checkTime(ctx);
  s.policies.forEach((p, i) => {
    checkPolicyTime(ctx, p, i);
    checkPolicyTargets(ctx, p, i);
  });
  checkReachability(ctx);
  return ctx.errors;
}
