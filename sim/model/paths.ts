/**
 * Trafficking paths: sequences of routes from a producer country to a consumer
 * market. Found once per run by depth-first search; for each (origin, market)
 * pair only the cheapest few are kept, which bounds the work of route choice.
 */
import { log } from '../math/detmath';

export interface PathTable {
  n: number;
  origin: Int32Array; // producer country
  market: Int32Array; // market index
  legStart: Int32Array; // offset into legs
  legCount: Int32Array;
  legs: Int32Array; // route indices
  /** The paths through each route, in path order: pathsOfRoute[pathsOfRouteStart[l] .. pathsOfRouteStart[l + 1]). */
  pathsOfRouteStart: Int32Array; // routes.n + 1
  pathsOfRoute: Int32Array;
}

/** What the path search reads of the countries (world.ts Countries has these and more). */
export interface PathCountries {
  readonly n: number;
  readonly isProducer: Uint8Array;
}

/** What the path search reads of the routes (world.ts Routes has these and more). */
export interface PathRoutes {
  readonly n: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly transitCostUsdPerKg: Float64Array;
  readonly baseSeizure: Float64Array;
}

/** Paths kept per (origin, market) pair. */
const PATHS_PER_PAIR = 8;
/** Value used to weigh base seizure risk against transit cost when ranking paths, USD/kg. */
const RANKING_VALUE_USD_PER_KG = 20000;

export function findPaths(countries: PathCountries, routes: PathRoutes, marketOfCountry: Int32Array, maxLegs: number): PathTable {
  const out: number[][] = Array.from({ length: routes.n }, () => []);
  for (let l = 0; l < routes.n; l++) out[routes.from[l]].push(l);
  const found: { origin: number; market: number; legs: number[]; cost: number }[] = [];
  const visited = new Uint8Array(countries.n);
  const stack: number[] = [];

  const visit = (origin: number, node: number, cost: number) => {
    if (stack.length > 0 && marketOfCountry[node] >= 0) {
      found.push({ origin, market: marketOfCountry[node], legs: stack.slice(), cost });
    }
    if (stack.length === maxLegs) return;
    for (const l of out[node]) {
      const next = routes.to[l];
      if (visited[next]) continue;
      visited[next] = 1;
      stack.push(l);
      const legCost = routes.transitCostUsdPerKg[l] - log(1 - routes.baseSeizure[l]) * RANKING_VALUE_USD_PER_KG;
      visit(origin, next, cost + legCost);
      stack.pop();
      visited[next] = 0;
    }
  };
  for (let c = 0; c < countries.n; c++) {
    if (!countries.isProducer[c]) continue;
    visited[c] = 1;
    visit(c, c, 0);
    visited[c] = 0;
  }

  // Keep the cheapest few per pair; ties broken by discovery order (deterministic).
  const byPair = new Map<string, typeof found>();
  for (const p of found) {
    const key = `${p.origin}:${p.market}`;
    const list = byPair.get(key) ?? [];
    list.push(p);
    byPair.set(key, list);
  }
  const kept: typeof found = [];
  for (const list of byPair.values()) {
    const sorted = list.map((p, i) => ({ p, i })).sort((a, b) => a.p.cost - b.p.cost || a.i - b.i);
    for (const { p } of sorted.slice(0, PATHS_PER_PAIR)) kept.push(p);
  }
  kept.sort((a, b) => a.origin - b.origin || a.market - b.market || a.cost - b.cost);

  const n = kept.length;
  const legStart = new Int32Array(n);
  const legCount = new Int32Array(n);
  const legs: number[] = [];
  kept.forEach((p, i) => {
    legStart[i] = legs.length;
    legCount[i] = p.legs.length;
    legs.push(...p.legs);
  });
  // (A path never uses a route twice: it never revisits a country.)
  const pathsOfRouteStart = new Int32Array(routes.n + 1);
  for (const l of legs) pathsOfRouteStart[l + 1]++;
  for (let l = 0; l < routes.n; l++) pathsOfRouteStart[l + 1] += pathsOfRouteStart[l];
  const pathsOfRoute = new Int32Array(legs.length);
  const filled = pathsOfRouteStart.slice(0, routes.n);
  for (let p = 0; p < n; p++) for (let i = legStart[p]; i < legStart[p] + legCount[p]; i++) pathsOfRoute[filled[legs[i]]++] = p;
  return {
    n,
    pathsOfRouteStart,
    pathsOfRoute,
    origin: Int32Array.from(kept.map((p) => p.origin)),
    market: Int32Array.from(kept.map((p) => p.market)),
    legStart,
    legCount,
    legs: Int32Array.from(legs),
  };
}
