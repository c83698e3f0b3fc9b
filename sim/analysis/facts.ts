/**
 * The stylised facts of docs/specification.md §7, measured on runs of a scenario (normally
 * colombia-2000s) over many seeds. Each fact is a number per seed — a change
 * between the first year and the fact year (2012, or the last year if earlier),
 * a ratio, or an effect against the paired counterfactual without any policy —
 * with its mean, a 90% interval over seeds, and whether the interval lies on the
 * side the fact claims. Nothing here feeds back into the model.
 */
import type { Scenario } from '../scenario/schema';
import { entitiesOf, yearSum, yearValue, type AnnualDigest } from './annual';
import { EUROPE, WEST_AFRICA } from './geography';
import type { Pair } from './paired';
import { meanInterval, ratioOfMeans, type Estimate } from './stats';

export const FACT_YEAR = 2012;

/** What one seed's pair of runs offers a fact. */
export interface FactInput {
  scenario: Scenario;
  /** Run with the scenario's policies. */
  run: AnnualDigest;
  /** Same seed, no policies at all. */
  counterfactual: AnnualDigest;
  /** Year indices: first recorded year and the fact year. */
  first: number;
  last: number;
}

export interface FactDefinition {
  id: string;
  statement: string;
  /** How the number is measured, with its unit. */
  measure: string;
  /** The claim about the interval, in words, e.g. "< 0". */
  expectation: string;
  /** How to show the number: relative changes as percentages, changes of shares as percentage points. */
  format: 'percent' | 'points' | 'number';
  /** Per-seed numerator and (for ratios of means) denominator. */
  value: (f: FactInput) => { num: number; den?: number };
  holds: (e: Estimate) => boolean;
  /** For ratios: the sign the mean denominator must have for the ratio to mean what the fact says. */
  denominatorSign?: 1 | -1;
}

export interface FactResult {
  id: string;
  statement: string;
  measure: string;
  expectation: string;
  format: 'percent' | 'points' | 'number';
  estimate: Estimate;
  holds: boolean;
}

const CULT = 'country/cultivationHa';
const CONS = 'market/consumptionKg';
const relChange = (a: number, b: number) => (a === 0 ? NaN : (b - a) / Math.abs(a));
const below = (x: number) => (e: Estimate) => Number.isFinite(e.hi) ? e.hi < x : e.mean < x;
const above = (x: number) => (e: Estimate) => Number.isFinite(e.lo) ? e.lo > x : e.mean > x;
const within = (lo: number, hi: number) => (e: Estimate) => above(lo)(e) && below(hi)(e);

function european(f: FactInput): string[] {
  return f.scenario.markets.map((m) => m.country).filter((c) => EUROPE.has(c));
}

function cultivationChange(country: string): FactDefinition['value'] {
  return (f) => ({ num: relChange(yearValue(f.run, CULT, country, f.first), yearValue(f.run, CULT, country, f.last)) });
}

/** Share of the flow into European countries that arrives on legs from West Africa, in year y. */
function westAfricanShare(f: FactInput, y: number): number {
  const routes = f.scenario.routes;
  let total = 0;
  let viaWestAfrica = 0;
  for (const r of routes) {
    if (!EUROPE.has(r.to) || EUROPE.has(r.from)) continue;
    const flow = yearValue(f.run, 'route/flowKg', r.id ?? `${r.from}-${r.to}-${r.mode}`, y);
    total += flow;
    if (WEST_AFRICA.has(r.from)) viaWestAfrica += flow;
  }
  return total > 0 ? viaWestAfrica / total : 0;
}

/** Production-weighted mean farmgate price and consumption-weighted mean wholesale price, in year y. */
function markup(f: FactInput, y: number): { wholesale: number; farmgate: number } {
  let fg = 0;
  let fw = 0;
  for (const region of entitiesOf(f.run, 'region/farmgatePriceUsdPerKg')) {
    const w = yearValue(f.run, 'region/productionKg', region, y);
    fg += w * yearValue(f.run, 'region/farmgatePriceUsdPerKg', region, y);
    fw += w;
  }
  let wh = 0;
  let ww = 0;
  for (const market of entitiesOf(f.run, 'market/wholesalePriceUsdPerKg')) {
    const w = yearValue(f.run, CONS, market, y);
    wh += w * yearValue(f.run, 'market/wholesalePriceUsdPerKg', market, y);
    ww += w;
  }
  return { wholesale: ww > 0 ? wh / ww : NaN, farmgate: fw > 0 ? fg / fw : NaN };
}

export const FACTS: FactDefinition[] = [
  {
    id: 'colombia-falls',
    format: 'percent',
    statement: 'Colombian cultivation falls',
    measure: 'relative change of COL cultivation, first year to fact year',
    expectation: '< 0',
    value: cultivationChange('COL'),
    holds: below(0),
  },
  {
    id: 'peru-rises',
    format: 'percent',
    statement: 'Peruvian cultivation rises',
    measure: 'relative change of PER cultivation, first year to fact year',
    expectation: '> 0',
    value: cultivationChange('PER'),
    holds: above(0),
  },
  {
    id: 'bolivia-rises',
    format: 'percent',
    statement: 'Bolivian cultivation rises',
    measure: 'relative change of BOL cultivation, first year to fact year',
    expectation: '> 0',
    value: cultivationChange('BOL'),
    holds: above(0),
  },
  {
    id: 'partial-displacement',
    format: 'number',
    statement: "World cultivation falls, less than Colombia's",
    measure: 'change of world cultivation / change of COL cultivation (ha), first year to fact year',
    expectation: 'in (0, 1)',
    value: (f) => {
      const producers = entitiesOf(f.run, CULT);
      return {
        num: yearSum(f.run, CULT, producers, f.last) - yearSum(f.run, CULT, producers, f.first),
        den: yearValue(f.run, CULT, 'COL', f.last) - yearValue(f.run, CULT, 'COL', f.first),
      };
    },
    holds: within(0, 1),
    denominatorSign: -1,
  },
  {
    id: 'displacement-index',
    format: 'number',
    statement: 'A fifth to three fifths of the cut displaced (vs no policy)',
    measure: "displacement index: other producers' extra cultivation / COL's reduction (ha·years) vs the paired run without policies",
    expectation: 'mean in [0.2, 0.6], interval above 0.1',
    value: (f) => {
      const others = entitiesOf(f.run, CULT).filter((c) => c !== 'COL');
      let num = 0;
      let den = 0;
      for (let y = f.first; y <= f.last; y++) {
        num += yearSum(f.run, CULT, others, y) - yearSum(f.counterfactual, CULT, others, y);
        den += yearValue(f.counterfactual, CULT, 'COL', y) - yearValue(f.run, CULT, 'COL', y);
      }
      return { num, den };
    },
    // The record (2000 -> 2012: Colombia -115k ha, Peru + Bolivia +28k ha) puts the raw ratio near 0.25.
    holds: (e) => e.mean >= 0.2 && e.mean <= 0.6 && above(0.1)(e),
    denominatorSign: 1,
  },
  {
    id: 'us-consumption-falls',
    format: 'percent',
    statement: 'US cocaine consumption falls',
    measure: 'relative change of USA consumption, first year to fact year',
    expectation: '< 0',
    value: (f) => ({ num: relChange(yearValue(f.run, CONS, 'USA', f.first), yearValue(f.run, CONS, 'USA', f.last)) }),
    holds: below(0),
  },
  {
    id: 'europe-consumption-rises',
    format: 'percent',
    statement: 'European consumption rises',
    measure: 'relative change of total consumption in European markets, first year to fact year',
    expectation: '> 0',
    value: (f) => ({ num: relChange(yearSum(f.run, CONS, european(f), f.first), yearSum(f.run, CONS, european(f), f.last)) }),
    holds: above(0),
  },
  {
    id: 'europe-rivals-us',
    format: 'number',
    statement: 'Europe gains on the US as a market',
    measure: 'change of (European consumption / US consumption), first year to fact year',
    expectation: '> 0',
    value: (f) => {
      const ratio = (y: number) => yearSum(f.run, CONS, european(f), y) / yearValue(f.run, CONS, 'USA', y);
      return { num: ratio(f.last) - ratio(f.first) };
    },
    holds: above(0),
  },
  {
    id: 'west-africa-route',
    format: 'points',
    statement: 'More European flow via West Africa',
    measure: 'change of the share of flow into Europe arriving from West Africa (percentage points), first year to fact year',
    expectation: '> 0',
    value: (f) => ({ num: westAfricanShare(f, f.last) - westAfricanShare(f, f.first) }),
    holds: above(0),
  },
  {
    id: 'markup',
    format: 'number',
    statement: 'Farmgate-to-wholesale markup 10-100x',
    measure: 'consumption-weighted wholesale price / production-weighted farmgate price, fact year',
    expectation: 'in (10, 100)',
    value: (f) => {
      const m = markup(f, f.last);
      return { num: m.wholesale / m.farmgate };
    },
    holds: within(10, 100),
  },
];

/** Year index of FACT_YEAR in a run starting at `start` (capped to the recorded years). */
export function factYearIndex(start: string, years: number, factYear = FACT_YEAR): number {
  return Math.max(0, Math.min(years - 1, factYear - Number(start.slice(0, 4))));
}

/** Evaluate every fact over paired runs (a = with the scenario's policies, b = without any). */
export function evaluateFacts(scenario: Scenario, pairs: readonly Pair<AnnualDigest>[], level = 0.9, facts: readonly FactDefinition[] = FACTS): FactResult[] {
  return facts.map((fact) => {
    const values = pairs.map((p) => fact.value({ scenario, run: p.a, counterfactual: p.b, first: 0, last: factYearIndex(p.a.start, p.a.years) }));
    const isRatio = values.some((v) => v.den !== undefined);
    const finite = values.filter((v) => Number.isFinite(v.num) && (!isRatio || Number.isFinite(v.den!)));
    const estimate = isRatio
      ? ratioOfMeans(finite.map((v) => v.num), finite.map((v) => v.den!), level, pairs[0]?.seed ?? 1)
      : meanInterval(finite.map((v) => v.num), level);
    const denominator = finite.reduce((sum, v) => sum + (v.den ?? 0), 0);
    const signOk = fact.denominatorSign === undefined || Math.sign(denominator) === fact.denominatorSign;
    return {
      id: fact.id,
      statement: fact.statement,
      measure: fact.measure,
      expectation: fact.expectation,
      format: fact.format,
      estimate,
      holds: finite.length > 0 && signOk && Number.isFinite(estimate.mean) && fact.holds(estimate),
    };
  });
}

/** The scenario with every policy removed: the counterfactual of the facts. */
export function withoutPolicies(scenario: Scenario): Scenario {
  return { ...scenario, name: `${scenario.name} without policies`, policies: [] };
}
