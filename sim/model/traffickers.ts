/**
 * Trafficking organisations' decisions: learn route risk from their own losses
 * (and, weakly, from public seizure news), value every path they can use to the
 * markets they serve, decide whether bribes are worth paying on each leg, and
 * choose how much to buy and how to split shipments across paths by a logit of
 * risk-adjusted return. Losses raise believed risk and push flow to other paths:
 * the route balloon comes from here.
 *
 * Risk-adjusted margin per kg bought on path p to market m:
 *   survival * wholesale(m) - farmgate - transport - bribes - riskAversion * sanction * (1 - survival)
 * (the "risks and prices" logic: the price must compensate for the expected
 * cost of seizures, which is what makes enforcement raise prices).
 */
import type { World } from './world';
import type { WorldState } from './state';
import { maxOriginPrice, originPrice } from './originPrices';
import { exp, pow } from '../math/detmath';
import { shareEachTick, ticksOfMonths, ticksPerMonth, amountEachTick } from './time';

/**
 * Share of what an organisation shipped in a tick that must pass along a route for the route to count
 * as used (its path choice gives every path it knows a little; a token load does not keep contacts).
 */
const ROUTE_USE_SHARE = 0.02;
/** Loads a tick on one route whose learning weight is tabulated (more are computed with pow). */
const TABULATED_LOADS = 256;
/** Most an organisation ships relative to the sales it expects (before losses): half of it at the hurdle return. */
const MAX_APPETITE = 2;
/** Most that cheap farmgate prices (expected over current, squared) multiply the buffer an organisation buys. */
const MAX_BUFFER_CHEAPNESS = 4;
/** Longest route memory in ticks: routeIdleTicks is a Uint16 counter. */
const MAX_ROUTE_MEMORY_TICKS = 65534;

/** Least expected survival an organisation plans with (it does not ship twenty times its sales to get them through). */
const MIN_SURVIVAL = 0.05;

/** Scratch space for one tick's plans; allocated once per run. */
export interface TraffickerPlan {
  maxPaths: number;
  pathWeight: Float64Array; // capacity*maxPaths, aligned with usablePaths
  pathCost: Float64Array; // transport + bribes per kg, aligned with usablePaths
  pathSurvival: Float64Array; // believed share of a kg that arrives, aligned with usablePaths
  bribeMask: Uint8Array; // bit i = pay bribes on leg i
  pathOrigin: Int32Array; // origin country of each usable path, aligned with usablePaths
  desiredKg: Float64Array; // capacity*nC: kg to ship from each origin this tick
  ordersKg: Float64Array; // capacity*nC: kg to buy in each producer country
  bestReturn: Float64Array; // per organisation
  originPrice: Float64Array; // per country
  originMaxPrice: Float64Array;
  originExpectedPrice: Float64Array;
  /**
   * Per country: what a kilo there is worth to buyers this tick, the netback of the best path from it at the
   * hurdle return, valued with the routes' current seizure risks (-Infinity where no path starts).
   */
  netback: Float64Array;
  /**
   * Per market: the wholesale price at which a path there just earns the hurdle return, buying at the origin's
   * current farmgate price (what delivering a kilo costs, risk compensation included), averaged over the paths
   * by the kg organisations planned on them last tick (Infinity where none did).
   */
  deliveredCost: Float64Array;
  /** Per market: scratch sums of the flow-weighted delivered cost. */
  deliveredWeight: Float64Array;
  // This tick's terms of path valuation that do not depend on the organisation, computed once:
  // per path (world.paths) and per leg of a path (indexed like world.paths.legs).
  pathValue: Float64Array; // expected wholesale price at the path's market
  pathSanction: Float64Array; // riskAversion x sanction per kg seized
  pathBuy: Float64Array; // farmgate price at the origin
  legCut: Float64Array; // share of the risk a bribe removes
  legBribe: Float64Array; // bribe per kg
  legTransit: Float64Array; // transit cost per kg, congestion included
  /** Weight of n loads' observations, 1 - (1 - beliefLearning)^n, for n below TABULATED_LOADS (computed once per run). */
  learningWeight: Float64Array;
  /**
   * The routes each organisation knows (capacity*nR, the first knownCount[k] of row k, in no
   * particular order), kept with `knows` (see listKnownRoutes): updating beliefs goes over these
   * instead of testing every route (organisations know a small share of them).
   */
  knownRoutes: Int32Array;
  knownCount: Int32Array;
}

export function createTraffickerPlan(world: World, state: WorldState): TraffickerPlan {
  const nC = world.countries.n;
  const maxPaths = world.paths.n;
  const capacity = state.traffickers.capacity;
  const plan: TraffickerPlan = {
    maxPaths,
    pathWeight: new Float64Array(capacity * maxPaths),
    pathCost: new Float64Array(capacity * maxPaths),
    pathSurvival: new Float64Array(capacity * maxPaths),
    bribeMask: new Uint8Array(capacity * maxPaths),
    pathOrigin: new Int32Array(capacity * maxPaths),
    desiredKg: new Float64Array(capacity * nC),
    ordersKg: new Float64Array(capacity * nC),
    bestReturn: new Float64Array(capacity),
    originPrice: new Float64Array(nC),
    originMaxPrice: new Float64Array(nC),
    originExpectedPrice: new Float64Array(nC),
    netback: new Float64Array(nC),
    deliveredCost: new Float64Array(world.markets.n),
    deliveredWeight: new Float64Array(world.markets.n),
    pathValue: new Float64Array(world.paths.n),
    pathSanction: new Float64Array(world.paths.n),
    pathBuy: new Float64Array(world.paths.n),
    legCut: new Float64Array(world.paths.legs.length),
    legBribe: new Float64Array(world.paths.legs.length),
    legTransit: new Float64Array(world.paths.legs.length),
    learningWeight: Float64Array.from({ length: TABULATED_LOADS }, (_, n) => 1 - pow(1 - world.behaviour.traffickers.beliefLearning, n)),
    knownRoutes: new Int32Array(capacity * world.routes.n),
    knownCount: new Int32Array(capacity),
  };
  for (let k = 0; k < capacity; k++) if (state.traffickers.alive[k]) listKnownRoutes(world, state, plan, k);
  return plan;
}

/** List the routes organisation `k` knows (after its knowledge was set wholesale; see TraffickerPlan.knownRoutes). */
export function listKnownRoutes(world: World, state: WorldState, plan: TraffickerPlan, k: number): void {
  const nR = world.routes.n;
  const knows = state.traffickers.knows;
  let n = 0;
  for (let l = 0; l < nR; l++) if (knows[k * nR + l]) plan.knownRoutes[k * nR + n++] = l;
  plan.knownCount[k] = n;
}

/** Transit costs rise with the square of utilisation beyond a route's capacity. */
function congestion(flow: number, capacity: number): number {
  const u = flow / capacity;
  return u > 1 ? u * u : 1;
}

/** Recompute the paths organisation `k` can use with the routes it knows. */
export function refreshUsablePaths(world: World, state: WorldState, k: number): void {
  const to = state.traffickers;
  const n = world.paths.n;
  let count = 0;
  for (let p = 0; p < n; p++) if (knowsPath(world, state, k, p)) to.usablePaths[k * n + count++] = p;
  to.usableCount[k] = count;
}

/**
 * Organisation `k`'s knowledge of routes was set wholesale (it was founded or split off): recompute its
 * usable paths and its list of known routes.
 */
export function relearnRoutes(world: World, state: WorldState, plan: TraffickerPlan, k: number): void {
  refreshUsablePaths(world, state, k);
  listKnownRoutes(world, state, plan, k);
}

/**
 * Organisation `k` has just learnt route `l`, knowing all the routes it knew when its usable paths were
 * last computed: add the paths that `l` completes, keeping the list in path order. The same list as
 * `refreshUsablePaths` gives (knowledge only grew), without going over every path.
 */
export function addUsablePathsThrough(world: World, state: WorldState, k: number, l: number): void {
  const to = state.traffickers;
  const { paths } = world;
  const { usablePaths } = to;
  const row = k * paths.n;
  const first = paths.pathsOfRouteStart[l];
  const end = paths.pathsOfRouteStart[l + 1];
  let added = 0;
  for (let q = first; q < end; q++) if (knowsPath(world, state, k, paths.pathsOfRoute[q])) added++;
  if (added === 0) return;
  // Merge from the back, in place: the new paths (in path order) into the old list (in path order).
  let old = row + to.usableCount[k] - 1;
  let out = old + added;
  to.usableCount[k] += added;
  for (let q = end - 1; out > old; q--) {
    const p = paths.pathsOfRoute[q];
    if (!knowsPath(world, state, k, p)) continue;
    while (old >= row && usablePaths[old] > p) usablePaths[out--] = usablePaths[old--];
    usablePaths[out--] = p;
  }
}

/**
 * Organisation `k` has just forgotten one or more routes, knowing none it did not know when its usable
 * paths were last computed: drop the paths it can no longer complete, keeping the rest in path order.
 * The same list as `refreshUsablePaths` gives (knowledge only shrank), without going over every path.
 */
function dropUnusablePaths(world: World, state: WorldState, k: number): void {
  const to = state.traffickers;
  const { usablePaths } = to;
  const row = k * world.paths.n;
  let kept = row;
  for (let j = row, end = row + to.usableCount[k]; j < end; j++) {
    const p = usablePaths[j];
    if (knowsPath(world, state, k, p)) usablePaths[kept++] = p;
  }
  to.usableCount[k] = kept - row;
}

function knowsPath(world: World, state: WorldState, k: number, p: number): boolean {
  const { legs, legStart, legCount } = world.paths;
  const knows = state.traffickers.knows;
  const base = k * world.routes.n;
  for (let i = legStart[p], end = i + legCount[p]; i < end; i++) if (!knows[base + legs[i]]) return false;
  return true;
}

/**
 * Update beliefs from last tick's observations and public news, and forget the routes an
 * organisation has not used for `routeMemoryMonths` (its contacts there have gone stale; it
 * must explore to use the route again).
 */
export function updateBeliefs(world: World, state: WorldState, plan: TraffickerPlan): void {
  const b = world.behaviour.traffickers;
  const nR = world.routes.n;
  const to = state.traffickers;
  const rs = state.routes;
  const decay = shareEachTick(b.beliefDecay, world.ticksPerYear);
  const unlearnt = 1 - b.beliefLearning;
  const rumour = b.rumourWeight;
  const baseSeizure = world.routes.baseSeizure;
  const weightOfLoads = plan.learningWeight;
  const { belief: beliefs, loadsSent, loadsSeized, routeKg, routeIdleTicks, knows } = to;
  const { knownRoutes, knownCount } = plan;
  // Idle ticks after which a route is forgotten (never when routeMemoryMonths is 0; the counter is a Uint16).
  const memoryTicks = b.routeMemoryMonths > 0 ? Math.min(MAX_ROUTE_MEMORY_TICKS, Math.round(ticksOfMonths(b.routeMemoryMonths, world.ticksPerYear))) : Infinity;
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    const base = k * nR;
    const usedKg = ROUTE_USE_SHARE * to.shippedKg[k];
    // Forgotten routes leave the list of known routes as it is walked (`kept` trails `j`).
    let kept = base;
    // Only beliefs about known routes are kept: one is set afresh when a route is learnt (see state.ts).
    // (Each route's belief is updated from its own values only: the order of the routes does not matter.)
    for (let j = base, end = base + knownCount[k]; j < end; j++) {
      const l = knownRoutes[j];
      let belief = beliefs[base + l];
      const sent = loadsSent[base + l];
      if (sent > 0) {
        // Each load is one observation: more loads, more weight on what happened.
        const weight = sent < weightOfLoads.length && sent === Math.floor(sent) ? weightOfLoads[sent] : 1 - pow(unlearnt, sent);
        belief += weight * (loadsSeized[base + l] / sent - belief);
        // (Counts are zero where no load was sent: only these need clearing.)
        loadsSent[base + l] = 0;
        loadsSeized[base + l] = 0;
      } else {
        belief += decay * (baseSeizure[l] - belief);
      }
      if (routeKg[base + l] >= usedKg && routeKg[base + l] > 0) routeIdleTicks[base + l] = 0;
      else if (++routeIdleTicks[base + l] > memoryTicks) {
        knows[base + l] = 0;
        routeIdleTicks[base + l] = 0;
      }
      if (knows[base + l]) knownRoutes[kept++] = l;
      routeKg[base + l] = 0;
      belief += rumour * (rs.publicRisk[l] - belief);
      beliefs[base + l] = belief;
    }
    if (kept < base + knownCount[k]) {
      knownCount[k] = kept - base;
      dropUnusablePaths(world, state, k);
    }
  }
}

/** Every organisation values its paths and decides what to buy and where to ship. */
export function planShipments(world: World, state: WorldState, plan: TraffickerPlan): void {
  const { paths, routes, countries } = world;
  const b = world.behaviour.traffickers;
  const nC = countries.n;
  const nR = routes.n;
  const to = state.traffickers;
  const rs = state.routes;
  const prices = state.markets.expectedPrice;
  if (!state.markets.sanctionCalibrated) calibrateSanctions(world, state);
  const sanctions = state.markets.sanctionUsdPerKg;
  const growth = amountEachTick(b.growthPerMonth, world.ticksPerYear);

  for (let l = 0; l < nR; l++) rs.congestion[l] = congestion(rs.lastFlowKg[l], routes.capacityKgPerTick[l]);
  for (let c = 0; c < nC; c++) {
    plan.originPrice[c] = countries.isProducer[c] ? originPrice(world, state, c) : 0;
    plan.originMaxPrice[c] = countries.isProducer[c] ? maxOriginPrice(world, state, c) : 0;
    plan.originExpectedPrice[c] = countries.isProducer[c] ? originPrice(world, state, c, state.regions.expectedPrice) : 0;
  }
  plan.desiredKg.fill(0);
  plan.ordersKg.fill(0);
  const { pathValue, pathSanction, pathBuy, legCut, legBribe, legTransit } = plan;
  for (let p = 0; p < paths.n; p++) {
    const value = prices[paths.market[p]];
    pathValue[p] = value;
    pathSanction[p] = b.riskAversion * sanctions[paths.market[p]];
    pathBuy[p] = plan.originPrice[paths.origin[p]];
    for (let i = paths.legStart[p], end = i + paths.legCount[p]; i < end; i++) {
      const l = paths.legs[i];
      const corr = rs.corruption[l];
      legCut[i] = b.bribeEfficacy * corr;
      legBribe[i] = b.bribeShareOfValue * corr * value;
      legTransit[i] = routes.transitCostUsdPerKg[l] * rs.congestion[l];
    }
  }
  const keepPerLeg = 1 - b.lossPerLeg;
  originNetbacks(world, state, plan);
  const { pathWeight, pathCost, pathSurvival, bribeMask, pathOrigin } = plan;
  const { usablePaths, belief } = to;
  const { legs, legStart, legCount } = paths;
  const producers = world.producerCountries;

  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    const count = to.usableCount[k];
    const row = k * plan.maxPaths;
    const beliefRow = k * nR;
    let best = -Infinity;
    for (let j = 0; j < count; j++) {
      const p = usablePaths[row + j];
      pathOrigin[row + j] = paths.origin[p];
      const value = pathValue[p];
      const sanction = pathSanction[p];
      const buy = pathBuy[p];
      let survival = 1;
      let cost = 0;
      let mask = 0;
      const start = legStart[p];
      for (let i = 0, n = legCount[p]; i < n; i++) {
        const leg = start + i;
        let risk = belief[beliefRow + legs[leg]];
        const cut = legCut[leg];
        const bribe = legBribe[leg];
        if (bribePays(risk, cut, bribe, value + sanction)) {
          risk *= 1 - cut;
          cost += bribe;
          mask |= 1 << i;
        }
        survival *= (1 - risk) * keepPerLeg;
        cost += legTransit[leg];
      }
      const netOfCosts = survival * value - cost - sanction * (1 - survival);
      const margin = netOfCosts - buy;
      const ret = margin / (buy + cost);

      pathWeight[row + j] = ret;
      pathCost[row + j] = cost;
      pathSurvival[row + j] = survival;
      bribeMask[row + j] = mask;
      if (ret > best) best = ret;
    }
    plan.bestReturn[k] = count > 0 ? best : -1;
    if (count === 0 || best <= 0) {
      to.scaleKg[k] *= Math.max(0, 1 - growth);
      for (let j = 0; j < count; j++) pathWeight[row + j] = 0;
      to.unitCostUsd[k] = 0;
      continue;
    }
    // Logit split over paths with a positive return.
    let total = 0;
    let unitCost = 0;
    let survival = 0;
    for (let j = 0; j < count; j++) {
      const ret = pathWeight[row + j];
      // Paths from an origin that has been leaving orders unfilled get less of the plan (buyers go where the drug is).
      const w = ret > 0 ? exp((ret - best) / b.choiceTemperature) : 0;
      pathWeight[row + j] = w;
      total += w;
      unitCost += w * (plan.originMaxPrice[pathOrigin[row + j]] + pathCost[row + j]);
      survival += w * pathSurvival[row + j];
    }
    unitCost /= total;
    survival /= total;
    to.unitCostUsd[k] = unitCost;
    // It ships for the sales it expects, grossed up for what it expects to lose on the way: more when the best
    // return beats the hurdle (to win market share), less when it falls short; never more than capital can finance.
    const appetite = MAX_APPETITE / (1 + exp(-(best - b.hurdleReturn) / b.volumeResponse));
    const volume = Math.min((to.salesKg[k] * appetite) / Math.max(survival, MIN_SURVIVAL), to.capitalUsd[k] / unitCost);
    for (let j = 0; j < count; j++) {
      const w = pathWeight[row + j] / total;
      pathWeight[row + j] = w;
      plan.desiredKg[k * nC + pathOrigin[row + j]] += volume * w;
      to.pathKg[usablePaths[row + j]] += volume * w;
    }
    // What it already holds at each origin is shipped first; the rest is bought, plus a buffer
    // that is larger when the farmgate price is below what the market expects (buy cheap, hold).
    let budget = to.capitalUsd[k] * (1 - 1e-9);
    for (let i = 0; i < producers.length; i++) {
      const c = producers[i]; // (desired is zero elsewhere)
      const desired = plan.desiredKg[k * nC + c];
      if (desired <= 0) continue;
      const cheapness = plan.originExpectedPrice[c] / plan.originPrice[c];
      const buffer = b.bufferMonths * ticksPerMonth(world.ticksPerYear) * Math.min(MAX_BUFFER_CHEAPNESS, cheapness * cheapness);
      const want = desired * (1 + buffer) - to.stockKg[k * nC + c];
      if (want <= 0) continue;
      const affordable = Math.min(want, budget / plan.originMaxPrice[c]);
      plan.ordersKg[k * nC + c] = affordable;
      budget -= affordable * plan.originMaxPrice[c];
    }
    // Its capacity follows what it ships.
    to.scaleKg[k] += Math.min(1, growth) * (volume - to.scaleKg[k]);
  }
}

/**
 * The netback of each origin: over every path from it, the farmgate price at which the path just earns the
 * hurdle return (expected wholesale value times survival, less transport, bribes where they pay and the
 * sanction on what is seized), with the routes' current seizure risks rather than any organisation's beliefs:
 * what the kilo is worth to a buyer who knows the trade. Closing an origin's export routes lowers it; scarcity
 * downstream raises it everywhere.
 */
function originNetbacks(world: World, state: WorldState, plan: TraffickerPlan): void {
  const { paths } = world;
  const b = world.behaviour.traffickers;
  const risk = state.routes.seizureProbability;
  const { pathKg } = state.traffickers;
  const { netback, deliveredCost, deliveredWeight, pathValue, pathSanction, pathBuy, legCut, legBribe, legTransit } = plan;
  netback.fill(-Infinity);
  deliveredCost.fill(0);
  deliveredWeight.fill(0);
  for (let p = 0; p < paths.n; p++) {
    const value = pathValue[p];
    const sanction = pathSanction[p];
    let survival = 1;
    let cost = 0;
    for (let i = paths.legStart[p], end = i + paths.legCount[p]; i < end; i++) {
      let r = risk[paths.legs[i]];
      if (bribePays(r, legCut[i], legBribe[i], value + sanction)) {
        r *= 1 - legCut[i];
        cost += legBribe[i];
      }
      survival *= (1 - r) * (1 - b.lossPerLeg);
      cost += legTransit[i];
    }
    const bid = (survival * value - cost - sanction * (1 - survival) - b.hurdleReturn * cost) / (1 + b.hurdleReturn);
    const c = paths.origin[p];
    if (bid > netback[c]) netback[c] = bid;
    if (survival > 0 && pathKg[p] > 0) {
      const delivered = ((1 + b.hurdleReturn) * (pathBuy[p] + cost) + sanction * (1 - survival)) / survival;
      const m = paths.market[p];
      deliveredCost[m] += pathKg[p] * delivered;
      deliveredWeight[m] += pathKg[p];
    }
  }
  for (let m = 0; m < world.markets.n; m++) deliveredCost[m] = deliveredWeight[m] > 0 ? deliveredCost[m] / deliveredWeight[m] : Infinity;
  pathKg.fill(0);
}

/**
 * Calibrate, once, the sanction cost per kg seized that organisations weigh for
 * each market (first setting every belief to the true risks of the first tick). For each organisation that can reach a market, the sanction at
 * which its best known path there just earns the hurdle return at the market's
 * initial price (valued with the first tick's risks, bribing as it would); the
 * market's value is the capacity-weighted mean over those organisations. So
 * the typical incumbent is in equilibrium at the initial prices, better-placed
 * ones expand, worse-placed ones shrink, and routes nobody uses yet (a cheap,
 * safe path to a high-priced market) are opportunities that exploration and
 * entry can discover. Markets nobody reaches use the best path of all.
 * Floored at the scenario's `sanctionUsdPerKgSeized`.
 */
export function calibrateSanctions(world: World, state: WorldState): void {
  const { paths, markets } = world;
  const b = world.behaviour.traffickers;
  const to = state.traffickers;
  const out = state.markets.sanctionUsdPerKg;
  const floor = b.sanctionUsdPerKgSeized;
  // The starting world is one organisations have long known: beliefs and public news start at the true risks.
  state.routes.publicRisk.set(state.routes.seizureProbability);
  for (let k = 0; k < to.capacity; k++) {
    if (to.alive[k]) to.belief.set(state.routes.seizureProbability, k * world.routes.n);
  }
  const weighted = new Float64Array(markets.n);
  const weights = new Float64Array(markets.n);
  const best = new Float64Array(markets.n);
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    best.fill(-Infinity);
    for (let j = 0; j < to.usableCount[k]; j++) {
      const p = to.usablePaths[k * paths.n + j];
      const m = paths.market[p];
      best[m] = Math.max(best[m], requiredSanction(world, state, p, (l) => to.belief[k * world.routes.n + l]));
    }
    for (let m = 0; m < markets.n; m++) {
      if (best[m] === -Infinity) continue;
      weighted[m] += to.scaleKg[k] * Math.max(floor, best[m]);
      weights[m] += to.scaleKg[k];
    }
  }
  for (let m = 0; m < markets.n; m++) {
    if (weights[m] > 0) {
      out[m] = weighted[m] / weights[m];
      continue;
    }
    out[m] = floor;
    for (let p = 0; p < paths.n; p++) {
      if (paths.market[p] === m) out[m] = Math.max(out[m], requiredSanction(world, state, p, (l) => state.routes.seizureProbability[l]));
    }
  }
  state.markets.sanctionCalibrated = true;
}

/**
 * The one bribe rule: a bribe on a leg is paid when the loss it is expected to avoid, the seizure risk it cuts
 * (`risk · cut`) times what a seizure costs per kg (`atStakeUsdPerKg`: the drug's value, plus the sanction on
 * seized kilos where that is known), exceeds the bribe per kg.
 */
export function bribePays(risk: number, cut: number, bribeUsdPerKg: number, atStakeUsdPerKg: number): boolean {
  return bribeUsdPerKg > 0 && risk * cut * atStakeUsdPerKg > bribeUsdPerKg;
}

/** The sanction per kg seized at which path `p` earns exactly the hurdle return at its market's initial price. */
function requiredSanction(world: World, state: WorldState, p: number, riskOf: (route: number) => number): number {
  const { paths, routes, markets } = world;
  const b = world.behaviour.traffickers;
  const rs = state.routes;
  const m = paths.market[p];
  const value = markets.wholesale0[m];
  const buy = maxOriginPrice(world, state, paths.origin[p]);
  let survival = 1;
  let cost = 0;
  for (let i = 0; i < paths.legCount[p]; i++) {
    const l = paths.legs[paths.legStart[p] + i];
    let risk = riskOf(l);
    // As organisations do: pay the bribe where it saves more than it costs. What a seizure loses here is the
    // drug's value alone: the sanction on seized kilos is what this function solves for.
    const cut = b.bribeEfficacy * rs.corruption[l];
    const bribe = b.bribeShareOfValue * rs.corruption[l] * value;
    if (bribePays(risk, cut, bribe, value)) {
      risk *= 1 - cut;
      cost += bribe;
    }
    survival *= (1 - risk) * (1 - b.lossPerLeg);
    cost += routes.transitCostUsdPerKg[l];
  }
  if (survival >= 1) return -Infinity;
  return (survival * value - (1 + b.hurdleReturn) * (buy + cost)) / ((1 - survival) * Math.max(b.riskAversion, 1e-9));
}
