/**
 * The life of trafficking organisations: leader arrests (investigation and
 * high-value targeting) that split an organisation into rivals or dissolve it
 * and hand its market to others; confiscation of capital; payouts of profit
 * beyond working capital; exit when broke; exploration of new routes (more
 * likely after losses); and entry of new organisations where margins are high.
 */
import type { World } from './world';
import type { WorldState } from './state';
import { addUsablePathsThrough, relearnRoutes, type TraffickerPlan } from './traffickers';
import { createStream, pickWeighted, type Random } from './rng';
import { exp } from '../math/detmath';
import { shareEachTick, ticksOfMonths, amountEachTick } from './time';
import { maxOriginPrice } from './originPrices';
import type { ActiveCountries } from './shipping';

/** Share of a dissolved organisation's capacity taken over by its largest rival at home. */
const RIVAL_TAKEOVER = 0.5;
/** Share of a dissolved organisation's capital confiscated; the rest is dispersed (paid out). */
const DISSOLUTION_CONFISCATION = 0.5;
/** Share of capital above the working-capital target paid out each month. */
const PAYOUT_PER_MONTH = 0.25;
/** An organisation whose capacity falls below this share of the mean folds. */
const EXIT_SCALE_SHARE = 0.05;
/** A successor keeps each of its parent's routes with this probability. */
const SUCCESSOR_KEEPS_ROUTE = 0.75;
/** Chance that a leader's arrest splits the organisation three ways rather than two. */
const THREE_WAY_SPLIT = 0.3;
/** Chance a tick that an organisation with no usable path looks for a new route (whatever its capital). */
const DESPERATE_EXPLORATION = 0.5;
/** An organisation that has a usable path explores only while its capital is this many times the cost of exploring. */
const EXPLORATION_RESERVE = 2;
/** Highest seizure probability an organisation believes of a route it has just learnt. */
const MAX_NEW_ROUTE_BELIEF = 0.99;
/** A newcomer starts with this share of the mean organisation's capital, capacity and expected sales. */
const ENTRANT_SHARE_OF_MEAN = 0.25;
/** The mean organisation newcomers are sized by while no organisation is alive: capacity (kg a tick), capital, and sales as a share of capacity. */
const EMPTY_MEAN_SCALE_KG = 1000;
const EMPTY_MEAN_CAPITAL_USD = 1e6;
const EMPTY_MEAN_SALES_SHARE = 0.5;

export interface SpawnSpec {
  home: number;
  capitalUsd: number;
  scaleKg: number;
  salesKg: number;
  seed: number;
}

/** Put a new organisation in a free slot; returns the slot or -1 when full. Knows no routes yet. */
export function spawnOrganisation(world: World, state: WorldState, spec: SpawnSpec): number {
  const to = state.traffickers;
  let k = -1;
  for (let i = 0; i < to.capacity; i++) {
    if (!to.alive[i]) {
      k = i;
      break;
    }
  }
  if (k < 0) return -1;
  const nC = world.countries.n;
  const nR = world.routes.n;
  to.alive[k] = 1;
  to.uid[k] = to.nextUid++;
  to.home[k] = spec.home;
  to.capitalUsd[k] = spec.capitalUsd;
  to.scaleKg[k] = spec.scaleKg;
  to.salesKg[k] = spec.salesKg;
  to.stockKg.fill(0, k * nC, (k + 1) * nC);
  to.knows.fill(0, k * nR, (k + 1) * nR);
  for (let l = 0; l < nR; l++) to.belief[k * nR + l] = state.routes.publicRisk[l];
  to.loadsSent.fill(0, k * nR, (k + 1) * nR);
  to.routeKg.fill(0, k * nR, (k + 1) * nR);
  to.routeIdleTicks.fill(0, k * nR, (k + 1) * nR);
  to.loadsSeized.fill(0, k * nR, (k + 1) * nR);
  to.recentLoss[k] = 0;
  to.unitCostUsd[k] = 0;
  to.shippedKg[k] = 0;
  to.usableCount[k] = 0;
  to.rng[k] = createStream(spec.seed, `trafficker:${to.uid[k]}`);
  return k;
}

function kill(world: World, state: WorldState, k: number): void {
  const to = state.traffickers;
  const nC = world.countries.n;
  let stock = 0;
  for (let c = 0; c < nC; c++) {
    stock += to.stockKg[k * nC + c];
    to.stockKg[k * nC + c] = 0;
  }
  state.accounts.lostKg += stock;
  to.payoutsUsd[k] += to.capitalUsd[k];
  to.capitalUsd[k] = 0;
  to.alive[k] = 0;
  to.rng[k] = null;
  to.usableCount[k] = 0;
}

/** The organisations phase's working memory, allocated once per run. */
export interface OrganisationScratch {
  /** Per country: investigation's sum of organisations' traffic. */
  traffic: Float64Array;
  /** Per country: investigation's arrest hazard (all zero between uses). */
  hazards: Float64Array;
  /** Per country: exploration's places an organisation reaches. */
  exploreReach: Uint8Array;
  /** Per route: exploration's candidate routes. */
  exploreCandidates: Int32Array;
  /** Per country: what a newcomer pays at each origin. */
  entryBuyPrice: Float64Array;
}

export function createOrganisationScratch(world: World): OrganisationScratch {
  const nC = world.countries.n;
  return {
    traffic: new Float64Array(nC),
    hazards: new Float64Array(nC),
    exploreReach: new Uint8Array(nC),
    exploreCandidates: new Int32Array(world.routes.n),
    entryBuyPrice: new Float64Array(nC),
  };
}

/**
 * `plan` keeps its lists of known routes up to date with what organisations learn; `active` is where each
 * organisation moved drugs this tick (shipping's list).
 */
export function updateOrganisations(world: World, state: WorldState, plan: TraffickerPlan, active: ActiveCountries, scratch: OrganisationScratch, seed: number): void {
  investigate(world, state, plan, active, scratch, seed);
  payOutAndExit(world, state);
  explore(world, state, plan, scratch);
  enter(world, state, plan, scratch, seed);
}

/** Arrests and confiscations, shared among organisations by their share of each country's traffic. */
function investigate(world: World, state: WorldState, plan: TraffickerPlan, active: ActiveCountries, scratch: OrganisationScratch, seed: number): void {
  const b = world.behaviour;
  const nC = world.countries.n;
  const tpy = world.ticksPerYear;
  const to = state.traffickers;
  const police = state.police;
  // (Where an organisation is not active, its terms here are exact zeros: see shipping.ts ActiveCountries.)
  const { traffic, hazards } = scratch;
  const { activeCountries, activeCount } = active;
  traffic.fill(0);
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    for (let j = k * nC, end = j + activeCount[k]; j < end; j++) traffic[activeCountries[j]] += to.activityKg[k * nC + activeCountries[j]];
  }
  const capacityAtStart = to.capacity;
  for (let k = 0; k < capacityAtStart; k++) {
    if (!to.alive[k]) continue;
    let arrestHazard = 0;
    let assetHazard = 0;
    const active = k * nC;
    const activeEnd = active + activeCount[k];
    for (let j = active; j < activeEnd; j++) {
      const c = activeCountries[j];
      if (!(traffic[c] > 0)) continue;
      const share = to.activityKg[k * nC + c] / traffic[c];
      hazards[c] = (b.police.arrestHazardPerUsd * police.investigationUsd[c] * share) / tpy;
      arrestHazard += hazards[c];
      assetHazard += (b.police.assetHazardPerUsd * police.assetUsd[c] * share) / tpy;
    }
    if (assetHazard > 0) {
      const confiscated = to.capitalUsd[k] * (1 - exp(-assetHazard));
      to.capitalUsd[k] -= confiscated;
      to.confiscatedUsd[k] += confiscated;
      // Credit the confiscation to the countries by their part of the hazard.
      for (let j = active; j < activeEnd; j++) {
        const c = activeCountries[j];
        if (!(traffic[c] > 0)) continue; // no part there (as above)
        const share = to.activityKg[k * nC + c] / traffic[c];
        const part = (b.police.assetHazardPerUsd * police.assetUsd[c] * share) / tpy / assetHazard;
        police.confiscatedUsd[c] += confiscated * part;
      }
    }
    const rng = to.rng[k]!;
    if (arrestHazard > 0 && rng() < 1 - exp(-arrestHazard)) {
      const c = pickWeighted(rng, hazards, nC); // (zero where the organisation is not active)
      police.arrests[c] += 1;
      if (rng() < b.traffickers.fragmentationProbability) fragment(world, state, plan, k, rng, seed);
      else dissolve(world, state, k, c);
    }
    for (let j = active; j < activeEnd; j++) hazards[activeCountries[j]] = 0;
  }
}

/** The leader is gone and lieutenants split the organisation into two or three rivals. */
function fragment(world: World, state: WorldState, plan: TraffickerPlan, k: number, rng: Random, seed: number): void {
  const to = state.traffickers;
  const nC = world.countries.n;
  const nR = world.routes.n;
  const parts = rng() < THREE_WAY_SPLIT ? 3 : 2;
  state.violence.fragmentations[to.home[k]] += 1;
  for (let s = 1; s < parts; s++) {
    const share = 1 / (parts - s + 1);
    const child = spawnOrganisation(world, state, {
      home: to.home[k],
      capitalUsd: to.capitalUsd[k] * share,
      scaleKg: to.scaleKg[k] * share,
      salesKg: to.salesKg[k] * share,
      seed,
    });
    if (child < 0) return; // no free slot: the organisation survives whole
    to.capitalUsd[k] -= to.capitalUsd[child];
    to.scaleKg[k] -= to.scaleKg[child];
    to.salesKg[k] -= to.salesKg[child];
    to.unitCostUsd[child] = to.unitCostUsd[k];
    for (let c = 0; c < nC; c++) {
      const kg = to.stockKg[k * nC + c] * share;
      to.stockKg[child * nC + c] = kg;
      to.stockKg[k * nC + c] -= kg;
    }
    for (let l = 0; l < nR; l++) {
      to.belief[child * nR + l] = to.belief[k * nR + l];
      to.knows[child * nR + l] = to.knows[k * nR + l] && rng() < SUCCESSOR_KEEPS_ROUTE ? 1 : 0;
    }
    relearnRoutes(world, state, plan, child);
  }
}

/** The organisation collapses: police take its stock and part of its capital; a rival takes its market. */
function dissolve(world: World, state: WorldState, k: number, arrestingCountry: number): void {
  const to = state.traffickers;
  const nC = world.countries.n;
  let rival = -1;
  for (let i = 0; i < to.capacity; i++) {
    if (i === k || !to.alive[i] || to.home[i] !== to.home[k]) continue;
    if (rival < 0 || to.scaleKg[i] > to.scaleKg[rival]) rival = i;
  }
  if (rival >= 0) {
    to.scaleKg[rival] += RIVAL_TAKEOVER * to.scaleKg[k];
    to.salesKg[rival] += RIVAL_TAKEOVER * to.salesKg[k];
  }
  let stock = 0;
  for (let c = 0; c < nC; c++) {
    stock += to.stockKg[k * nC + c];
    to.stockKg[k * nC + c] = 0;
  }
  state.accounts.seizedKg += stock;
  state.police.seizuresKg[arrestingCountry] += stock;
  const confiscated = to.capitalUsd[k] * DISSOLUTION_CONFISCATION;
  to.capitalUsd[k] -= confiscated;
  to.confiscatedUsd[k] += confiscated;
  state.police.confiscatedUsd[arrestingCountry] += confiscated;
  kill(world, state, k);
}

function payOutAndExit(world: World, state: WorldState): void {
  const b = world.behaviour.traffickers;
  const tpy = world.ticksPerYear;
  const to = state.traffickers;
  const payoutRate = shareEachTick(PAYOUT_PER_MONTH, tpy);
  const meanScale = meanOf(to.scaleKg, to.alive);
  // Below a minimum viable scale (a share of one load a month) an organisation is not a trafficking business.
  const minScale = amountEachTick(b.minViableLoadsPerMonth * b.loadKg, tpy);
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    const target = ticksOfMonths(b.workingCapitalMonths, tpy) * to.unitCostUsd[k] * to.scaleKg[k];
    const excess = to.capitalUsd[k] - target;
    if (excess > 0) {
      const payout = excess * payoutRate;
      to.capitalUsd[k] -= payout;
      to.payoutsUsd[k] += payout;
    }
    // Broke, shrunk to a sliver of the typical organisation or below the viable scale: it folds (what it still holds is abandoned).
    if ((to.capitalUsd[k] < b.exitCapitalUsd && stockOf(world, state, k) < 1) || to.scaleKg[k] < EXIT_SCALE_SHARE * meanScale || to.scaleKg[k] < minScale) kill(world, state, k);
  }
}

/** Organisations open new routes from the places they already reach, more often after losses. */
function explore(world: World, state: WorldState, plan: TraffickerPlan, scratch: OrganisationScratch): void {
  const b = world.behaviour.traffickers;
  const { routes } = world;
  const nR = routes.n;
  const tpy = world.ticksPerYear;
  const to = state.traffickers;
  const { exploreReach: reach, exploreCandidates: candidates } = scratch;
  const { knownRoutes, knownCount } = plan;
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    const rng = to.rng[k]!;
    const desperate = to.usableCount[k] === 0;
    const p = desperate ? DESPERATE_EXPLORATION : (b.explorationPerMonth * 12 * (1 + b.explorationLossBoost * to.recentLoss[k])) / tpy;
    if (rng() >= p) continue;
    if (to.capitalUsd[k] < EXPLORATION_RESERVE * b.explorationCostUsd && !desperate) continue;
    reach.fill(0);
    reach[to.home[k]] = 1;
    for (let j = k * nR, end = j + knownCount[k]; j < end; j++) {
      reach[routes.from[knownRoutes[j]]] = 1;
      reach[routes.to[knownRoutes[j]]] = 1;
    }
    let n = 0;
    for (let l = 0; l < nR; l++) if (!to.knows[k * nR + l] && reach[routes.from[l]]) candidates[n++] = l;
    if (n === 0) continue;
    const l = candidates[Math.floor(rng() * n)];
    to.knows[k * nR + l] = 1;
    to.belief[k * nR + l] = Math.min(MAX_NEW_ROUTE_BELIEF, state.routes.publicRisk[l] + b.newRouteRiskPremium);
    const cost = Math.min(b.explorationCostUsd, to.capitalUsd[k]);
    to.capitalUsd[k] -= cost;
    to.transportUsd[k] += cost;
    addUsablePathsThrough(world, state, k, l);
    knownRoutes[k * nR + knownCount[k]++] = l;
  }
}

/** New organisations form along profitable paths, at a rate rising with the market's public margin. */
function enter(world: World, state: WorldState, plan: TraffickerPlan, scratch: OrganisationScratch, seed: number): void {
  const b = world.behaviour.traffickers;
  const { paths, routes } = world;
  const tpy = world.ticksPerYear;
  const rng = state.streams.entry;
  const to = state.traffickers;
  let aliveCount = 0;
  let scaleTotal = 0;
  let capitalTotal = 0;
  let salesTotal = 0;
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    aliveCount++;
    scaleTotal += to.scaleKg[k];
    salesTotal += to.salesKg[k];
    capitalTotal += to.capitalUsd[k];
  }
  const meanScale = aliveCount > 0 ? scaleTotal / aliveCount : EMPTY_MEAN_SCALE_KG;
  const meanCapital = aliveCount > 0 ? capitalTotal / aliveCount : EMPTY_MEAN_CAPITAL_USD;
  const meanSales = aliveCount > 0 ? salesTotal / aliveCount : EMPTY_MEAN_SALES_SHARE * meanScale;
  // What a newcomer pays at each origin: its highest regional price.
  const buyAt = scratch.entryBuyPrice;
  for (const c of world.producerCountries) buyAt[c] = maxOriginPrice(world, state, c);
  for (let m = 0; m < world.markets.n; m++) {
    // The best return on any path to m, valued with public information only.
    let best = -Infinity;
    let bestPath = -1;
    for (let p = 0; p < paths.n; p++) {
      if (paths.market[p] !== m) continue;
      const value = state.markets.wholesalePrice[m];
      const sanction = b.riskAversion * state.markets.sanctionUsdPerKg[m];
      let survival = 1;
      let cost = 0;
      for (let i = 0; i < paths.legCount[p]; i++) {
        const l = paths.legs[paths.legStart[p] + i];
        survival *= 1 - state.routes.publicRisk[l];
        cost += routes.transitCostUsdPerKg[l];
      }
      const buy = buyAt[paths.origin[p]];
      const ret = (survival * value - buy - cost - sanction * (1 - survival)) / (buy + cost);
      if (ret > best) {
        best = ret;
        bestPath = p;
      }
    }
    const rate = (b.entryPerMonth * 12 * Math.max(0, best - b.hurdleReturn)) / tpy;
    if (bestPath < 0 || rng() >= 1 - exp(-rate)) continue;
    // The newcomer is based somewhere along the path and knows it.
    const legs = paths.legCount[bestPath];
    const leg = paths.legs[paths.legStart[bestPath] + Math.floor(rng() * legs)];
    const home = rng() < 0.5 ? routes.from[leg] : routes.to[leg];
    const capital = ENTRANT_SHARE_OF_MEAN * meanCapital;
    const k = spawnOrganisation(world, state, { home, capitalUsd: capital, scaleKg: ENTRANT_SHARE_OF_MEAN * meanScale, salesKg: ENTRANT_SHARE_OF_MEAN * meanSales, seed });
    if (k < 0) continue;
    state.accounts.entryCapitalUsd += capital;
    for (let i = 0; i < legs; i++) to.knows[k * routes.n + paths.legs[paths.legStart[bestPath] + i]] = 1;
    relearnRoutes(world, state, plan, k);
  }
}

/** All that organisation `k` holds, kg (summed in country order; elsewhere than world.holdingCountries stocks are exact zeros). */
function stockOf(world: World, state: WorldState, k: number): number {
  const nC = world.countries.n;
  const holding = world.holdingCountries;
  let stock = 0;
  for (let i = 0; i < holding.length; i++) stock += state.traffickers.stockKg[k * nC + holding[i]];
  return stock;
}

function meanOf(values: Float64Array, alive: Uint8Array): number {
  let sum = 0;
  let n = 0;
  for (let k = 0; k < alive.length; k++) if (alive[k]) (sum += values[k]), n++;
  return n > 0 ? sum / n : 0;
}
