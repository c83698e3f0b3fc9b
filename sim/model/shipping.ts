/**
 * Shipments: each organisation sends what it holds at each origin along its
 * chosen paths, split into loads. On every leg each load is seized with the
 * leg's probability (less what bribes buy off), a small share is lost, and the
 * rest moves on; what survives the last leg joins the organisation's stock in
 * the market. Organisations see their own seizures (to learn from), police see
 * the seizures they make (to allocate effort), the public sees totals.
 */
import type { World } from './world';
import type { WorldState } from './state';
import type { TraffickerPlan } from './traffickers';
import { log } from '../math/detmath';
import { countBelow } from './rng';

/** Weight of this tick's share of shipments seized in an organisation's smoothed loss (recentLoss), whatever the tick's length. */
const RECENT_LOSS_WEIGHT = 0.2;
/** Weight of this tick's seizure rate on a route in the rate the public sees (publicRisk), whatever the tick's length. */
const PUBLIC_RISK_WEIGHT = 0.3;
/** Share of a bribe the origin country's agency gets when neither end is corrupt. */
const EVEN_BRIBE_SPLIT = 0.5;

/**
 * The countries each organisation moved drugs through this tick (where its activityKg is not zero),
 * listed when it has shipped: capacity*nC, the first activeCount[k] of row k, in country order. Most
 * are active in a few countries; investigation and violence go over these only (elsewhere their terms
 * are exact zeros). Shipping's working memory, allocated once per run.
 */
export interface ActiveCountries {
  activeCountries: Int32Array;
  activeCount: Int32Array;
}

export function createActiveCountries(world: World, state: WorldState): ActiveCountries {
  const capacity = state.traffickers.capacity;
  return { activeCountries: new Int32Array(capacity * world.countries.n), activeCount: new Int32Array(capacity) };
}

/** Ship what organisations planned (`plan`), listing in `active` the countries each moved drugs through. */
export function shipAll(world: World, state: WorldState, plan: TraffickerPlan, active: ActiveCountries): void {
  const { paths, routes } = world;
  const b = world.behaviour.traffickers;
  const nC = world.countries.n;
  const nR = routes.n;
  const to = state.traffickers;
  const rs = state.routes;
  const prices = state.markets.expectedPrice;
  const acc = state.accounts;

  rs.flowKg.fill(0);
  rs.seizedKg.fill(0);
  rs.lostKg.fill(0);
  to.activityKg.fill(0);
  const { activeCountries, activeCount } = active;
  const producers = world.producerCountries;
  activeCount.fill(0);

  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    const rng = to.rng[k]!;
    const row = k * plan.maxPaths;
    const count = to.usableCount[k];
    to.activityKg[k * nC + to.home[k]] += to.scaleKg[k];
    let shipped = 0;
    let seizedTotal = 0;
    let totalDesired = 0;
    // (Desired is zero outside producer countries.)
    for (let i = 0; i < producers.length; i++) totalDesired += plan.desiredKg[k * nC + producers[i]];
    // One pass over the usable paths, origin by origin: paths are sorted by origin (see paths.ts),
    // so this visits them in the order of a loop over origins and, in each, over its paths.
    let c = -1; // origin of the current group of paths
    let desired = 0;
    let available = 0;
    let skip = true; // nothing to ship from this origin
    let sent = 0;
    for (let j = 0; j < count; j++) {
      const p = to.usablePaths[row + j];
      if (paths.origin[p] !== c) {
        if (!skip) {
          to.stockKg[k * nC + c] -= sent;
          shipped += sent;
        }
        c = paths.origin[p];
        desired = plan.desiredKg[k * nC + c];
        available = Math.min(desired, to.stockKg[k * nC + c]);
        skip = desired <= 0 || available <= 0;
        sent = 0;
      }
      if (skip) continue;
      const w = plan.pathWeight[row + j];
      if (w <= 0) continue;
      // Weights are shares of the whole volume: rescale to this origin, then limit to what capital can pay for.
      let kg = (available * w * totalDesired) / desired;
      // (a hair under the capital, so rounding can never leave it negative)
      const affordable = (to.capitalUsd[k] * (1 - 1e-9)) / plan.pathCost[row + j];
      if (kg > affordable) kg = Math.max(0, affordable);
      if (kg <= 0) continue;
      sent += kg;

      // Move kg along path p, leg by leg. (Written here rather than in a function of its own: one that
      // size is not inlined, and a call per shipment cost more than the shipment's arithmetic.)
      const bribeMask = plan.bribeMask[row + j];
      const value = prices[paths.market[p]];
      let loads = Math.min(b.maxLoadsPerShipment, Math.max(1, Math.ceil(kg / b.loadKg)));
      let mass = kg;
      let pathSeized = 0;
      const start = paths.legStart[p];
      for (let i = 0; i < paths.legCount[p] && loads > 0; i++) {
        const l = paths.legs[start + i];
        const from = routes.from[l];
        const dest = routes.to[l];
        rs.flowKg[l] += mass;
        to.activityKg[k * nC + from] += mass;
        to.activityKg[k * nC + dest] += mass;
        const transport = mass * routes.transitCostUsdPerKg[l] * rs.congestion[l];
        to.capitalUsd[k] -= transport;
        to.transportUsd[k] += transport;
        let probability = rs.seizureProbability[l];
        if (bribeMask & (1 << i)) probability *= payBribe(world, state, k, l, mass, value);
        // Each load is seized or not as a unit.
        const seizedLoads = countBelow(rng, loads, probability);
        to.loadsSent[k * nR + l] += loads;
        to.routeKg[k * nR + l] += mass;
        to.loadsSeized[k * nR + l] += seizedLoads;
        const seized = seizedLoads === loads ? mass : seizedLoads * (mass / loads);
        loads -= seizedLoads;
        mass -= seized;
        const lost = mass * b.lossPerLeg;
        mass -= lost;
        rs.seizedKg[l] += seized;
        rs.lostKg[l] += lost;
        acc.seizedKg += seized;
        acc.lostKg += lost;
        pathSeized += seized;
        if (seized > 0) attributeSeizure(state, l, from, dest, seized, routes.baseSeizure[l]);
      }
      if (loads > 0) to.stockKg[k * nC + world.markets.country[paths.market[p]]] += mass;
      seizedTotal += pathSeized;
    }
    if (!skip) {
      to.stockKg[k * nC + c] -= sent;
      shipped += sent;
    }
    let active = 0;
    for (let c = 0; c < nC; c++) if (to.activityKg[k * nC + c] !== 0) activeCountries[k * nC + active++] = c;
    activeCount[k] = active;
    to.shippedKg[k] = shipped;
    if (shipped > 0) to.recentLoss[k] += RECENT_LOSS_WEIGHT * (seizedTotal / shipped - to.recentLoss[k]);
  }
  for (let l = 0; l < nR; l++) {
    rs.lastFlowKg[l] = rs.flowKg[l];
    if (rs.flowKg[l] > 0) rs.publicRisk[l] += PUBLIC_RISK_WEIGHT * (rs.seizedKg[l] / rs.flowKg[l] - rs.publicRisk[l]);
  }
}

/**
 * Organisation `k` bribes its way across leg `l` with `mass` kg worth `value` per kg: the bribe is paid
 * to the two agencies by their corruption. Returns the factor by which the bribe cuts the seizure risk.
 */
function payBribe(world: World, state: WorldState, k: number, l: number, mass: number, value: number): number {
  const b = world.behaviour.traffickers;
  const to = state.traffickers;
  const police = state.police;
  const from = world.routes.from[l];
  const dest = world.routes.to[l];
  const corr = state.routes.corruption[l];
  const bribe = mass * b.bribeShareOfValue * corr * value;
  to.capitalUsd[k] -= bribe;
  to.bribesUsd[k] += bribe;
  const cf = police.corruption[from];
  const ct = police.corruption[dest];
  const shareFrom = cf + ct > 0 ? cf / (cf + ct) : EVEN_BRIBE_SPLIT;
  police.bribesUsd[from] += bribe * shareFrom;
  police.bribesUsd[dest] += bribe * (1 - shareFrom);
  return 1 - b.bribeEfficacy * corr;
}

/** Seizures on a leg are credited to the two agencies by their share of the hazard (base risk to the destination). */
function attributeSeizure(state: WorldState, l: number, from: number, dest: number, kg: number, base: number): void {
  const rs = state.routes;
  const police = state.police;
  const baseHazard = -log(1 - base);
  const total = rs.hazardFrom[l] + rs.hazardTo[l] + baseHazard;
  const shareFrom = total > 0 ? rs.hazardFrom[l] / total : 0;
  police.seizuresKg[from] += kg * shareFrom;
  police.seizuresKg[dest] += kg * (1 - shareFrom);
  police.seizuresSeen[l * 2] += kg * shareFrom;
  police.seizuresSeen[l * 2 + 1] += kg * (1 - shareFrom);
}
