/**
 * The static world: a validated scenario turned into indexed arrays that the
 * tick phases read. Built once per run; never mutated.
 */
import type { Behaviour } from '../scenario/behaviour';
import type { Policy, Scenario } from '../scenario/schema';
import { LIMITS } from '../validation/limits';
import { findPaths, type PathTable } from './paths';
import { CHANNELS, ERADICATION, INTERDICTION, INVESTIGATION } from './state';
import { leverOf } from '../levers/registry';
import { policyId } from '../levers/words';
import type { ResolvedTargets } from '../levers/types';
import { ticksOfMonths, ticksPerMonth } from './time';

export interface Countries {
  n: number;
  id: string[];
  name: string[];
  isoNumeric: number[];
  isProducer: Uint8Array;
  isTransit: Uint8Array;
  isConsumer: Uint8Array;
  population: Float64Array; // people
  gdpUsd: Float64Array; // whole economy, USD per year
  governance: Float64Array;
  corruption0: Float64Array;
  licitIncomeUsdPerHa: Float64Array;
  enforcementBudgetUsd: Float64Array; // per year
  preventionBudgetUsd: Float64Array; // per year
  capability0: Float64Array;
  /** Initial effort shares [interdiction, investigation, eradication] per country, summing to 1. */
  allocation0: Float64Array;
  adaptive: Uint8Array;
}

export interface Regions {
  n: number;
  id: string[];
  name: string[];
  country: Int32Array;
  cultivableHa: Float64Array;
  initialCocaHa: Float64Array;
  yieldKgPerHa: Float64Array; // per year
  productionCostUsdPerKg: Float64Array;
  remoteness: Float64Array;
  growers: Int32Array;
}

export interface Routes {
  n: number;
  id: string[];
  from: Int32Array;
  to: Int32Array;
  mode: string[];
  distanceKm: Float64Array;
  transitCostUsdPerKg: Float64Array;
  capacityKgPerTick: Float64Array;
  baseSeizure: Float64Array;
}

export interface Markets {
  n: number;
  country: Int32Array;
  users0: Float64Array;
  gramsPerUserPerYear: Float64Array;
  elasticity: Float64Array;
  wholesale0: Float64Array; // USD/kg
  /**
   * Per market and tick (index m * totalTicks + t): the market's currency in dollars
   * relative to the year of `start` (1 without an exchange rate). Demand is a function
   * of the local price, so in dollars its reference price is wholesale0 x this factor.
   */
  currencyFactor: Float64Array;
  retailMarkup: Float64Array;
  quitRate: Float64Array; // per year, mean over the initial users
  heavyShare0: Float64Array; // heavy users' share of the initial users
}

/** A scheduled lever with its targets resolved to indices. */
export interface ScheduledPolicy extends ResolvedTargets {
  label: string;
  policy: Policy;
  startTick: number; // inclusive, in simulation ticks (burn-in included)
  endTick: number; // inclusive
}

export interface World {
  scenario: Scenario;
  behaviour: Behaviour;
  ticksPerYear: number;
  startYear: number;
  startMonth: number; // 1..12
  burnInTicks: number;
  horizonTicks: number;
  totalTicks: number;
  countries: Countries;
  regions: Regions;
  routes: Routes;
  markets: Markets;
  /** Market index of each country, -1 if none. */
  marketOfCountry: Int32Array;
  /** Region indices per country. */
  regionsOfCountry: number[][];
  /** Route indices touching each country (as origin or destination). */
  routesOfCountry: number[][];
  paths: PathTable;
  /**
   * Countries where organisations can hold stock, in country order: producers (paths start there, and
   * organisations buy there) and market countries (shipments arrive there). An organisation's stock in
   * any other country is never written, so it stays exactly zero and sums of stock can skip it.
   */
  holdingCountries: Int32Array;
  /** Producer countries, in country order: paths start there, so organisations plan shipments from and buy there only. */
  producerCountries: Int32Array;
  policies: ScheduledPolicy[];
}

const toArray = (values: number[]) => Float64Array.from(values);

/** Police capability where the scenario gives none: this base plus this much per unit of governance (0..1). */
const DEFAULT_CAPABILITY_BASE = 0.15;
const DEFAULT_CAPABILITY_PER_GOVERNANCE = 0.6;

export function parseYearMonth(ym: string): { year: number; month: number } {
  return { year: Number(ym.slice(0, 4)), month: Number(ym.slice(5, 7)) };
}

/** Horizon tick (0 = first recorded tick) of the month `ym`. */
export function horizonTickOf(ym: string, startYear: number, startMonth: number, ticksPerYear: number): number {
  const { year, month } = parseYearMonth(ym);
  const months = (year - startYear) * 12 + (month - startMonth);
  return Math.floor(ticksOfMonths(months, ticksPerYear));
}

export function routeId(r: { id?: string; from: string; to: string; mode: string }): string {
  return r.id ?? `${r.from}-${r.to}-${r.mode}`;
}

export function policyLabel(p: Policy, index: number): string {
  return p.label ? p.label : policyId(p, index);
}

export function buildWorld(s: Scenario): World {
  const tpy = s.ticksPerYear;
  const { year: startYear, month: startMonth } = parseYearMonth(s.start);
  const horizonTicks = horizonTickOf(s.end, startYear, startMonth, tpy) + 1;
  const burnInTicks = s.burnInYears * tpy;
  const cIndex = new Map(s.countries.map((c, i) => [c.id, i]));
  const ci = (id: string) => {
    const i = cIndex.get(id);
    if (i === undefined) throw new Error(`unknown country ${id}`);
    return i;
  };

  const nC = s.countries.length;
  const allocation0 = new Float64Array(nC * CHANNELS);
  s.countries.forEach((c, i) => {
    const hasRegions = s.regions.some((r) => r.country === c.id);
    const a = c.police.allocation;
    const erad = hasRegions ? a.eradication : 0;
    const sum = a.interdiction + a.investigation + erad || 1;
    allocation0[i * CHANNELS + INTERDICTION] = a.interdiction / sum;
    allocation0[i * CHANNELS + INVESTIGATION] = a.investigation / sum;
    allocation0[i * CHANNELS + ERADICATION] = erad / sum;
    if (a.interdiction + a.investigation + erad === 0) allocation0[i * CHANNELS + INTERDICTION] = 1;
  });
  const countries: Countries = {
    n: nC,
    id: s.countries.map((c) => c.id),
    name: s.countries.map((c) => c.name),
    isoNumeric: s.countries.map((c) => c.isoNumeric ?? -1),
    isProducer: Uint8Array.from(s.countries.map((c) => (c.roles.includes('producer') ? 1 : 0))),
    isTransit: Uint8Array.from(s.countries.map((c) => (c.roles.includes('transit') ? 1 : 0))),
    isConsumer: Uint8Array.from(s.countries.map((c) => (c.roles.includes('consumer') ? 1 : 0))),
    population: toArray(s.countries.map((c) => c.populationMillions * 1e6)),
    gdpUsd: toArray(s.countries.map((c) => c.populationMillions * 1e6 * c.gdpPerCapitaUsd)),
    governance: toArray(s.countries.map((c) => c.governance)),
    corruption0: toArray(s.countries.map((c) => c.corruption)),
    licitIncomeUsdPerHa: toArray(s.countries.map((c) => c.licitIncomeUsdPerHa)),
    enforcementBudgetUsd: toArray(s.countries.map((c) => c.police.budgetUsdPerYear)),
    preventionBudgetUsd: toArray(s.countries.map((c) => c.police.preventionUsdPerYear)),
    capability0: toArray(s.countries.map((c) => c.police.capability ?? DEFAULT_CAPABILITY_BASE + DEFAULT_CAPABILITY_PER_GOVERNANCE * c.governance)),
    allocation0,
    adaptive: Uint8Array.from(s.countries.map((c) => (c.police.adaptive ? 1 : 0))),
  };

  const regions: Regions = {
    n: s.regions.length,
    id: s.regions.map((r) => r.id),
    name: s.regions.map((r) => r.name),
    country: Int32Array.from(s.regions.map((r) => ci(r.country))),
    cultivableHa: toArray(s.regions.map((r) => r.cultivableHa)),
    initialCocaHa: toArray(s.regions.map((r) => Math.min(r.initialCocaHa, r.cultivableHa))),
    yieldKgPerHa: toArray(s.regions.map((r) => r.yieldKgPerHa)),
    productionCostUsdPerKg: toArray(s.regions.map((r) => r.productionCostUsdPerKg)),
    remoteness: toArray(s.regions.map((r) => r.remoteness)),
    growers: Int32Array.from(s.regions.map((r) => r.growers)),
  };

  const routes: Routes = {
    n: s.routes.length,
    id: s.routes.map(routeId),
    from: Int32Array.from(s.routes.map((r) => ci(r.from))),
    to: Int32Array.from(s.routes.map((r) => ci(r.to))),
    mode: s.routes.map((r) => r.mode),
    distanceKm: toArray(s.routes.map((r) => r.distanceKm)),
    transitCostUsdPerKg: toArray(s.routes.map((r) => r.transitCostUsdPerKg)),
    capacityKgPerTick: toArray(s.routes.map((r) => (r.capacityTonnesPerYear * 1000) / tpy)),
    baseSeizure: toArray(s.routes.map((r) => r.baseSeizureProbability)),
  };

  const markets: Markets = {
    n: s.markets.length,
    country: Int32Array.from(s.markets.map((m) => ci(m.country))),
    users0: toArray(s.markets.map((m) => m.users)),
    gramsPerUserPerYear: toArray(s.markets.map((m) => m.gramsPerUserPerYear)),
    elasticity: toArray(s.markets.map((m) => m.elasticity)),
    wholesale0: toArray(s.markets.map((m) => m.wholesalePriceUsdPerKg)),
    currencyFactor: currencyFactors(s, burnInTicks, burnInTicks + horizonTicks, startYear, startMonth),
    retailMarkup: toArray(s.markets.map((m) => m.retailMarkup)),
    quitRate: toArray(s.markets.map((m) => m.quitRatePerYear)),
    heavyShare0: toArray(s.markets.map((m) => m.heavyUserShare)),
  };
  const marketOfCountry = new Int32Array(nC).fill(-1);
  for (let m = 0; m < markets.n; m++) marketOfCountry[markets.country[m]] = m;

  const regionsOfCountry: number[][] = Array.from({ length: nC }, () => []);
  for (let r = 0; r < regions.n; r++) regionsOfCountry[regions.country[r]].push(r);
  const routesOfCountry: number[][] = Array.from({ length: nC }, () => []);
  for (let l = 0; l < routes.n; l++) {
    routesOfCountry[routes.from[l]].push(l);
    routesOfCountry[routes.to[l]].push(l);
  }

  const regionIndex = new Map(regions.id.map((id, i) => [id, i]));
  const routeIndex = new Map(routes.id.map((id, i) => [id, i]));
  const tickOf = (ym: string) => burnInTicks + horizonTickOf(ym, startYear, startMonth, tpy);
  const lastTick = burnInTicks + horizonTicks - 1;
  const policies: ScheduledPolicy[] = s.policies.map((p, index) => {
    const scheduled: ScheduledPolicy = {
      index,
      label: policyLabel(p, index),
      policy: p,
      startTick: Math.max(burnInTicks, tickOf(p.start)),
      endTick: p.end ? Math.min(lastTick, tickOf(p.end) + Math.max(0, Math.ceil(ticksPerMonth(tpy)) - 1)) : lastTick,
      country: -1,
      donor: -1,
      region: -1,
      route: -1,
      members: [],
    };
    const t = leverOf(p.lever).targets(p);
    if (t.country !== undefined) scheduled.country = ci(t.country);
    if (t.donor !== undefined) scheduled.donor = ci(t.donor);
    if (t.members) scheduled.members = t.members.map(ci);
    if (t.region !== undefined) scheduled.region = regionIndex.get(t.region) ?? -1;
    if (t.route !== undefined) scheduled.route = routeIndex.get(t.route) ?? -1;
    return scheduled;
  });

  return {
    scenario: s,
    behaviour: s.behaviour,
    ticksPerYear: tpy,
    startYear,
    startMonth,
    burnInTicks,
    horizonTicks,
    totalTicks: burnInTicks + horizonTicks,
    countries,
    regions,
    routes,
    markets,
    marketOfCountry,
    regionsOfCountry,
    routesOfCountry,
    paths: findPaths(countries, routes, marketOfCountry, LIMITS.pathLegs),
    holdingCountries: Int32Array.from({ length: nC }, (_, c) => c).filter((c) => countries.isProducer[c] === 1 || marketOfCountry[c] >= 0),
    producerCountries: Int32Array.from({ length: nC }, (_, c) => c).filter((c) => countries.isProducer[c] === 1),
    policies,
  };
}

/**
 * The dollar value of each market's currency per tick, relative to the calendar year of
 * `start` (burn-in ticks fall in the years before it). Yearly values, held through the year.
 */
function currencyFactors(s: Scenario, burnInTicks: number, totalTicks: number, startYear: number, startMonth: number): Float64Array {
  const tpy = s.ticksPerYear;
  const out = new Float64Array(s.markets.length * totalTicks).fill(1);
  s.markets.forEach((market, m) => {
    const rate = market.exchangeRate;
    if (!rate) return;
    const valueIn = (year: number) => rate.usdPerUnit[Math.max(0, Math.min(rate.usdPerUnit.length - 1, year - rate.firstYear))];
    const reference = valueIn(startYear);
    const firstTickOfYear = ticksOfMonths(startMonth - 1, tpy);
    for (let t = 0; t < totalTicks; t++) {
      const year = startYear + Math.floor((firstTickOfYear + t - burnInTicks) / tpy);
      out[m * totalTicks + t] = valueIn(year) / reference;
    }
  });
  return out;
}
