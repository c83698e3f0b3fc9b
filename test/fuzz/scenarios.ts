/**
 * Random valid scenarios for invariant fuzzing: the small fixture's world,
 * optionally with a second producer and a second consumer, every number drawn
 * within its schema range (edges included), random behaviour parameters, and
 * extreme levers (zero budgets, huge eradication, interdiction on every route).
 */
import fc from 'fast-check';
import { behaviourSchema } from '../../sim/scenario/behaviour';
import { LEVER_KINDS } from '../../sim/scenario/schema';
import { unwrap, type ZodLike } from '../../sim/scenario/describeSchema';
import { fixture } from '../scenario/helpers';

type Json = Record<string, unknown>;

const share = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));
/** Money per year: zero, ordinary or huge. */
const money = fc.oneof(fc.constant(0), fc.double({ min: 1e3, max: 1e10, noNaN: true }), fc.constant(1e13));
const positive = (max: number) => fc.double({ min: max * 1e-6, max, noNaN: true });

/** [min, max] and integer-ness of a zod number schema, read from its checks. */
function numberRange(schema: ZodLike): { min: number; max: number; int: boolean } {
  let min = -1e12;
  let max = 1e12;
  let int = false;
  for (const c of unwrap(schema)._zod.def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'greater_than' && d.value !== undefined) min = d.inclusive ? d.value : d.value + Math.max(1e-9, Math.abs(d.value) * 1e-9);
    if (d.check === 'less_than' && d.value !== undefined) max = d.inclusive ? d.value : d.value - Math.max(1e-9, Math.abs(d.value) * 1e-9);
    if (d.check === 'number_format') int = true;
  }
  return { min, max, int };
}

/** Behaviour overrides: some parameters of each group set to an edge or a random value in range. */
function behaviourArb(): fc.Arbitrary<Json> {
  const groups = unwrap(behaviourSchema as unknown as ZodLike)._zod.def.shape ?? {};
  const entries = Object.entries(groups).map(([group, groupSchema]) => {
    const fields = unwrap(groupSchema)._zod.def.shape ?? {};
    const fieldArbs: Record<string, fc.Arbitrary<number>> = {};
    for (const [key, s] of Object.entries(fields)) {
      const { min, max, int } = numberRange(s);
      fieldArbs[key] = int
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.oneof(fc.constantFrom(min, max), fc.double({ min, max, noNaN: true }));
    }
    return [group, fc.record(fieldArbs, { requiredKeys: [] })] as const;
  });
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] }) as fc.Arbitrary<Json>;
}

const countryNumbers = fc.record({
  governance: share,
  corruption: share,
  licitIncomeUsdPerHa: fc.double({ min: 0, max: 20000, noNaN: true }),
  budgetUsdPerYear: money,
  preventionUsdPerYear: money,
  capability: fc.option(share, { nil: undefined }),
  allocation: fc.record({ interdiction: share, investigation: share, eradication: share }),
  adaptive: fc.boolean(),
});

const regionNumbers = fc.record({
  cultivableHa: fc.double({ min: 1, max: 1e6, noNaN: true }),
  cocaShare: fc.double({ min: 0, max: 1.5, noNaN: true }),
  yieldKgPerHa: positive(100),
  productionCostUsdPerKg: fc.double({ min: 0, max: 5000, noNaN: true }),
  remoteness: share,
  growers: fc.integer({ min: 1, max: 1500 }),
});

const routeNumbers = fc.record({
  distanceKm: positive(40000),
  transitCostUsdPerKg: fc.double({ min: 0, max: 20000, noNaN: true }),
  capacityTonnesPerYear: fc.oneof(positive(1), positive(1e5)),
  baseSeizureProbability: fc.oneof(fc.constantFrom(0, 0.95), fc.double({ min: 0, max: 0.95, noNaN: true })),
});

const marketNumbers = fc.record(
  {
    users: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 2e7, noNaN: true })),
    gramsPerUserPerYear: positive(2000),
    elasticity: fc.double({ min: -3, max: 0, noNaN: true }),
    wholesalePriceUsdPerKg: positive(1e6),
    retailMarkup: fc.double({ min: 1, max: 20, noNaN: true }),
    quitRatePerYear: share,
    // A currency whose dollar value moves year by year, around or away from the horizon.
    exchangeRate: fc.record({
      currency: fc.constantFrom('EUR', 'GBP', 'XOF'),
      firstYear: fc.integer({ min: 1995, max: 2005 }),
      usdPerUnit: fc.array(fc.oneof(positive(1e6), fc.double({ min: 1e-4, max: 10, noNaN: true })), { minLength: 1, maxLength: 12 }),
    }),
  },
  { requiredKeys: ['users', 'gramsPerUserPerYear', 'elasticity', 'wholesalePriceUsdPerKg', 'retailMarkup', 'quitRatePerYear'] },
);

const shape = fc.record({
  secondProducer: fc.boolean(),
  secondConsumer: fc.boolean(),
  ticksPerYear: fc.constantFrom(1, 4, 12, 12, 12, 52),
  years: fc.integer({ min: 1, max: 3 }),
  burnInYears: fc.integer({ min: 0, max: 2 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  traffickers: fc.record({
    count: fc.integer({ min: 1, max: 40 }),
    extraMax: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    capital: fc.oneof(positive(1e3), positive(1e9)),
    knownRouteShare: share,
  }),
});

interface World {
  countries: Json[];
  regions: Json[];
  routes: Json[];
  markets: Json[];
}

function buildWorld(secondProducer: boolean, secondConsumer: boolean): World {
  const f = fixture();
  const w: World = { countries: f.countries, regions: f.regions, routes: f.routes, markets: f.markets };
  if (secondProducer) {
    w.countries.push({ ...f.countries[0], id: 'PER', name: 'Peru', isoNumeric: 604 });
    w.regions.push({ ...f.regions[0], id: 'PER-HUA', name: 'Huallaga', country: 'PER' });
    w.routes.push({ ...f.routes[0], from: 'PER', to: 'PAN' }, { ...f.routes[0], from: 'PER', to: 'COL', mode: 'land' });
  }
  if (secondConsumer) {
    w.countries.push({ ...f.countries[2], id: 'ESP', name: 'Spain', isoNumeric: 724, roles: ['consumer', 'transit'] });
    w.markets.push({ ...f.markets[0], country: 'ESP' });
    w.routes.push({ ...f.routes[2], to: 'ESP', mode: 'sea' }, { ...f.routes[1], to: 'ESP' });
  }
  return w;
}

function routeIdOf(r: Json): string {
  return `${r.from}-${r.to}-${r.mode}`;
}

/** One policy of any lever kind, aimed at things that exist. */
function policyArb(w: World, start: string, end: string): fc.Arbitrary<Json> {
  const ids = w.countries.map((c) => c.id as string);
  const producers = [...new Set(w.regions.map((r) => r.country as string))];
  const consumers = w.markets.map((m) => m.country as string);
  const when = fc.record({ start: fc.constant(start), end: fc.option(fc.constant(end), { nil: undefined }) });
  const base = (lever: string, rest: fc.Arbitrary<Json>) => fc.tuple(rest, when, money).map(([r, t, budgetUsdPerYear]) => ({ lever, budgetUsdPerYear, ...r, ...t }));
  const one = fc.constantFrom(...ids);
  const arbs: Record<string, fc.Arbitrary<Json>> = {
    capacityFunding: base('capacityFunding', fc.uniqueArray(one, { minLength: 2, maxLength: 2 }).map(([donor, recipient]) => ({ donor, recipient }))),
    enforcementVsPrevention: fc.tuple(one, share, when).map(([country, preventionShare, t]) => ({ lever: 'enforcementVsPrevention', country, preventionShare, ...t })),
    eradication: base('eradication', fc.constantFrom(...producers).map((country) => ({ country }))),
    interdiction: base(
      'interdiction',
      fc.constantFrom(...w.routes).chain((r) => fc.constantFrom({ country: r.from, route: routeIdOf(r) }, { country: r.to, route: routeIdOf(r) }, { country: r.from })),
    ),
    intelligenceSharing: base('intelligenceSharing', fc.uniqueArray(one, { minLength: 2, maxLength: ids.length }).map((countries) => ({ countries }))),
    alternativeDevelopment: base('alternativeDevelopment', fc.constantFrom(...producers).map((country) => ({ country }))),
    assetSeizure: base('assetSeizure', one.map((country) => ({ country }))),
    highValueTargeting: base('highValueTargeting', one.map((country) => ({ country }))),
    prevention: base('prevention', fc.constantFrom(...consumers).map((country) => ({ country }))),
    treatment: base('treatment', fc.constantFrom(...consumers).map((country) => ({ country }))),
    policeBudget: base('policeBudget', one.map((country) => ({ country }))),
    precursorControl: base('precursorControl', fc.constantFrom(...producers).map((country) => ({ country }))),
  };
  return fc.constantFrom(...LEVER_KINDS).chain((kind) => arbs[kind]);
}

/** The extreme settings the issue asks for, as whole policy sets. */
function extremeArb(w: World, start: string): fc.Arbitrary<Json[]> {
  return fc.constantFrom<Json[]>(
    [], // no policies
    w.routes.flatMap((r) => [r.from, r.to].map((country) => ({ lever: 'interdiction', country, route: routeIdOf(r), budgetUsdPerYear: 1e12, start }))),
    [...new Set(w.regions.map((r) => r.country))].map((country) => ({ lever: 'eradication', country, budgetUsdPerYear: 1e13, start })),
    w.countries.map((c) => ({ lever: 'enforcementVsPrevention', country: c.id, preventionShare: 1, start })),
    w.countries.map((c) => ({ lever: 'assetSeizure', country: c.id, budgetUsdPerYear: 1e12, start })),
    w.countries.map((c) => ({ lever: 'highValueTargeting', country: c.id, budgetUsdPerYear: 1e12, start })),
  );
}

/** A random scenario that passes validation (the test checks that it does). */
export const validScenarioArb: fc.Arbitrary<Json> = shape.chain((sh) => {
  const w = buildWorld(sh.secondProducer, sh.secondConsumer);
  const start = '2000-01';
  const end = `${2000 + sh.years - 1}-12`;
  return fc
    .record({
      countries: fc.tuple(...w.countries.map(() => countryNumbers)),
      regions: fc.tuple(...w.regions.map(() => regionNumbers)),
      routes: fc.tuple(...w.routes.map(() => routeNumbers)),
      markets: fc.tuple(...w.markets.map(() => marketNumbers)),
      homeShares: fc.tuple(...w.countries.map(() => share)),
      policies: fc.array(policyArb(w, start, end), { maxLength: 6 }),
      extreme: extremeArb(w, start),
      zeroBudgets: fc.boolean(),
      behaviour: behaviourArb(),
    })
    .map((n) => {
      const countries = w.countries.map((c, i) => {
        const x = n.countries[i];
        return {
          ...c,
          governance: x.governance,
          corruption: x.corruption,
          licitIncomeUsdPerHa: x.licitIncomeUsdPerHa,
          police: {
            budgetUsdPerYear: n.zeroBudgets ? 0 : x.budgetUsdPerYear,
            preventionUsdPerYear: n.zeroBudgets ? 0 : x.preventionUsdPerYear,
            ...(x.capability === undefined ? {} : { capability: x.capability }),
            allocation: x.allocation,
            adaptive: x.adaptive,
          },
        };
      });
      const regions = w.regions.map((r, i) => {
        const { cocaShare, ...x } = n.regions[i];
        return { ...r, ...x, initialCocaHa: x.cultivableHa * cocaShare };
      });
      const homeShares: Record<string, number> = {};
      w.countries.forEach((c, i) => (homeShares[c.id as string] = n.homeShares[i]));
      homeShares.COL = Math.max(homeShares.COL, 0.01); // at least one share above 0
      const t = sh.traffickers;
      return {
        name: 'fuzz',
        start,
        end,
        ticksPerYear: sh.ticksPerYear,
        burnInYears: sh.burnInYears,
        seed: sh.seed,
        countries,
        regions,
        routes: w.routes.map((r, i) => ({ ...r, ...n.routes[i] })),
        markets: w.markets.map((m, i) => ({ ...m, ...n.markets[i] })),
        traffickers: {
          count: t.count,
          ...(t.extraMax === undefined ? {} : { maxCount: t.count + t.extraMax }),
          homeShares,
          initialCapitalUsd: t.capital,
          knownRouteShare: t.knownRouteShare,
        },
        policies: [...n.extreme, ...n.policies],
        behaviour: n.behaviour,
      };
    });
});
