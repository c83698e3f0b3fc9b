/**
 * The farmgate market of each producer region: trafficking organisations'
 * orders clear against the growers' unsold stock. Orders to a producer
 * country are spread over its regions by availability and price; each region
 * fills pro rata. Prices follow inventories: a region whose stock covers fewer
 * months of demand than usual sees its price rise (and the reverse), so scarcity
 * anywhere raises prices where organisations turn to buy instead.
 */
import type { World } from './world';
import type { WorldState } from './state';
import { exp, log, pow } from '../math/detmath';
import { shareEachTick, smoothingWeight } from './time';
import { demandSmoothingWeight } from './inventory';
import { updateSourceScarcity } from './sourceScarcity';

/** Largest change of log price in one tick. */
const MAX_LOG_PRICE_STEP = 0.3;
/** Least reference price, as a share of the initial one: an origin whose paths are all but closed still sells (to local buyers). */
const MIN_REFERENCE_SHARE = 0.1;
/** Largest relative excess (or shortfall) of planned purchases over the harvest that the price answers. */
const MAX_DEMAND_RATIO = 10;
/** Price elasticity of the markets the scenario does not model (the modelled markets' range, −0.5 to −1). */
const OTHER_MARKETS_ELASTICITY = -0.7;

/** What the farmgate reads of organisations' plans this tick (see traffickers.ts TraffickerPlan). */
export interface FarmgateOrders {
  /** capacity*nC: kg each organisation plans to ship from each origin this tick. */
  readonly desiredKg: Float64Array;
  /** capacity*nC: kg each organisation orders in each producer country. */
  readonly ordersKg: Float64Array;
  /** Per country: what a kilo there is worth to buyers this tick (-Infinity where no path starts). */
  readonly netback: Float64Array;
}

/** The farmgate's working memory, allocated once per run. */
export interface FarmgateScratch {
  /** Per region: its share of its country's orders (by stock and price). */
  regionWeight: Float64Array;
  /** Per region: kg buyers plan to take from it this tick, without stock-building. */
  plannedKg: Float64Array;
  /** Per region: kg the markets the scenario does not model want from it this tick. */
  otherKg: Float64Array;
}

export function createFarmgateScratch(world: World): FarmgateScratch {
  const n = world.regions.n;
  const nC = world.countries.n;
  return { regionWeight: new Float64Array(n), plannedKg: new Float64Array(n), otherKg: new Float64Array(n) };
}

/**
 * On the first tick: the share of the harvest that organisations do not plan to buy goes to the markets the
 * scenario does not model, region by region in proportion to the harvest (none when organisations want more).
 */
function calibrateOtherMarkets(world: World, state: WorldState, plan: FarmgateOrders): void {
  const rg = state.regions;
  let planned = 0;
  for (let i = 0; i < plan.desiredKg.length; i++) planned += plan.desiredKg[i];
  let harvest = 0;
  for (let r = 0; r < world.regions.n; r++) harvest += rg.harvestKg[r];
  const share = harvest > 0 ? Math.max(0, 1 - planned / harvest) : 0;
  for (let r = 0; r < world.regions.n; r++) rg.otherDemand0Kg[r] = share * rg.harvestKg[r];
}

/**
 * Clear organisations' orders (`plan.ordersKg`, capacity*nC, kg per producer country)
 * against regional stocks; move the drug and the money; update prices; spoil stock.
 */
export function clearFarmgate(world: World, state: WorldState, plan: FarmgateOrders, scratch: FarmgateScratch): void {
  const { ordersKg, desiredKg } = plan;
  const { regionWeight, plannedKg, otherKg } = scratch;
  const { regions } = world;
  const nC = world.countries.n;
  const rg = state.regions;
  const to = state.traffickers;
  const g = world.behaviour.growers;
  const tpy = world.ticksPerYear;

  // Each country's orders are split over its regions by stock and price.
  for (let c = 0; c < nC; c++) {
    const list = world.regionsOfCountry[c];
    let total = 0;
    for (const r of list) total += rg.stockKg[r] / rg.farmgatePrice[r];
    for (const r of list) regionWeight[r] = total > 0 ? rg.stockKg[r] / rg.farmgatePrice[r] / total : 1 / list.length;
  }
  rg.demandKg.fill(0);
  // Markets the scenario does not model buy at the source too: calibrated on the first tick so that what
  // buyers want equals the harvest, then answering the farmgate price.
  if (state.tick === 0) calibrateOtherMarkets(world, state, plan);
  for (let r = 0; r < regions.n; r++) {
    otherKg[r] = rg.otherDemand0Kg[r] * pow(rg.farmgatePrice[r] / g.initialFarmgatePriceUsdPerKg, OTHER_MARKETS_ELASTICITY);
    rg.demandKg[r] = otherKg[r];
    plannedKg[r] = otherKg[r];
    rg.otherSoldKg[r] = 0;
  }
  // (Plans and orders are zero outside producer countries.)
  const producers = world.producerCountries;
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    for (let i = 0; i < producers.length; i++) {
      const c = producers[i];
      const planned = desiredKg[k * nC + c];
      if (planned > 0) for (const r of world.regionsOfCountry[c]) plannedKg[r] += planned * regionWeight[r];
      const order = ordersKg[k * nC + c];
      if (order <= 0) continue;
      for (const r of world.regionsOfCountry[c]) rg.demandKg[r] += order * regionWeight[r];
    }
  }
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    for (let i = 0; i < producers.length; i++) {
      const c = producers[i];
      const order = ordersKg[k * nC + c];
      if (order <= 0) continue;
      let bought = 0;
      let paid = 0;
      for (const r of world.regionsOfCountry[c]) {
        const demand = rg.demandKg[r];
        if (demand <= 0) continue;
        const fill = Math.min(1, rg.stockKg[r] / demand);
        const kg = order * regionWeight[r] * fill;
        bought += kg;
        paid += kg * rg.farmgatePrice[r];
      }
      to.stockKg[k * nC + c] += bought;
      to.capitalUsd[k] -= paid;
      to.purchasesUsd[k] += paid;
    }
  }
  for (let r = 0; r < regions.n; r++) {
    const demand = rg.demandKg[r];
    if (!(demand > 0) || !(otherKg[r] > 0)) continue;
    const kg = otherKg[r] * Math.min(1, rg.stockKg[r] / demand);
    rg.otherSoldKg[r] = kg;
    state.accounts.consumedKg += kg;
  }
  const adjust = shareEachTick(g.farmgatePriceAdjustment, tpy);
  const spoil = shareEachTick(g.stockLossPerMonth, tpy);
  const demandWeight = demandSmoothingWeight(tpy);
  // What a kilo is worth to buyers at each origin (the netback of its best path), smoothed and indexed to the first tick.
  const netbackWeight = smoothingWeight(g.priceMemoryMonths, tpy);
  for (let r = 0; r < regions.n; r++) {
    const c = regions.country[r];
    const bid = plan.netback[c];
    if (bid === -Infinity) continue;
    if (state.tick === 0) rg.netbackUsdPerKg[r] = rg.netbackReference[r] = bid;
    else rg.netbackUsdPerKg[r] += netbackWeight * (bid - rg.netbackUsdPerKg[r]);
  }
  // A shortfall anywhere raises the price everywhere buyers reach (sourceScarcity.ts).
  const scarcity = pow(updateSourceScarcity(world, state), g.sourceScarcityResponse);
  for (let r = 0; r < regions.n; r++) {
    // Additive along the chain: the reference moves by the change in what a kilo is worth to buyers.
    const reference = Math.max(MIN_REFERENCE_SHARE * g.initialFarmgatePriceUsdPerKg, g.initialFarmgatePriceUsdPerKg + g.netbackPassThrough * (rg.netbackUsdPerKg[r] - rg.netbackReference[r]));
    const demand = rg.demandKg[r];
    const supply = rg.stockKg[r];
    const sold = Math.min(demand, supply);
    rg.soldKg[r] = sold;
    rg.stockKg[r] = supply - sold;
    const spoiled = rg.stockKg[r] * spoil;
    rg.stockKg[r] -= spoiled;
    rg.spoiledKg[r] = spoiled;
    state.accounts.lostKg += spoiled;
    // The price answers how far buyers' planned purchases (smoothed) exceed the harvest, relative to the first tick.
    if (state.tick === 0) rg.smoothedDemandKg[r] = plannedKg[r];
    else rg.smoothedDemandKg[r] += demandWeight * (plannedKg[r] - rg.smoothedDemandKg[r]);
    const ratio = (rg.smoothedDemandKg[r] + 1e-9) / (rg.harvestKg[r] + 1e-9);
    if (state.tick === 0) rg.demandRatioReference[r] = ratio;
    const relative = Math.min(MAX_DEMAND_RATIO, Math.max(1 / MAX_DEMAND_RATIO, ratio / rg.demandRatioReference[r]));
    const target = reference * scarcity * pow(relative, g.shortagePriceResponse);
    const step = adjust * log(target / rg.farmgatePrice[r]);
    rg.farmgatePrice[r] *= exp(Math.max(-MAX_LOG_PRICE_STEP, Math.min(MAX_LOG_PRICE_STEP, step)));
  }
}
