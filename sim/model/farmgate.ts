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
import type { TraffickerPlan } from './traffickers';
import { exp, log, pow } from '../math/detmath';
import { coverPrice, demandSmoothingWeight } from './inventory';

/** Largest change of log price in one tick. */
const MAX_LOG_PRICE_STEP = 0.3;
/** Largest clearing premium (log): prices at most e^3 times the inventory rule's, or 1/e^3 of it. */
const MAX_PREMIUM = 3;

/** Price in country `c` as seen by a buyer: stock-weighted mean of its regions' prices (current, or another price array). */
export function originPrice(world: World, state: WorldState, c: number, prices: Float64Array = state.regions.farmgatePrice): number {
  const list = world.regionsOfCountry[c];
  let weight = 0;
  let sum = 0;
  let fallback = 0;
  for (const r of list) {
    const w = state.regions.stockKg[r] + 1e-9;
    weight += w;
    sum += w * prices[r];
    fallback = Math.max(fallback, prices[r]);
  }
  return weight > 0 ? sum / weight : fallback;
}

/** Highest regional price in country `c`: what an order must be able to pay. */
export function maxOriginPrice(world: World, state: WorldState, c: number): number {
  let max = 0;
  for (const r of world.regionsOfCountry[c]) max = Math.max(max, state.regions.farmgatePrice[r]);
  return max;
}

/**
 * Clear organisations' orders (`plan.ordersKg`, capacity*nC, kg per producer country)
 * against regional stocks; move the drug and the money; update prices; spoil stock.
 */
export function clearFarmgate(world: World, state: WorldState, plan: TraffickerPlan): void {
  const { ordersKg, desiredKg, regionWeight, flowDemandKg } = plan;
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
  flowDemandKg.fill(0);
  const clearing = g.farmgateClearingWeight;
  // (Plans and orders are zero outside producer countries.)
  const producers = world.producerCountries;
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    for (let i = 0; i < producers.length; i++) {
      const c = producers[i];
      // What it plans to ship from c this tick (orders add buffers on top): the demand a clearing price answers.
      const planned = desiredKg[k * nC + c];
      if (clearing > 0 && planned > 0) for (const r of world.regionsOfCountry[c]) flowDemandKg[r] += planned * regionWeight[r];
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
  const adjust = 1 - pow(1 - g.farmgatePriceAdjustment, 12 / tpy);
  const spoil = 1 - pow(1 - g.stockLossPerMonth, 12 / tpy);
  const demandWeight = demandSmoothingWeight(tpy);
  const reference = g.initialFarmgatePriceUsdPerKg;
  for (let r = 0; r < regions.n; r++) {
    const demand = rg.demandKg[r];
    const supply = rg.stockKg[r];
    const sold = Math.min(demand, supply);
    rg.soldKg[r] = sold;
    rg.stockKg[r] = supply - sold;
    const spoiled = rg.stockKg[r] * spoil;
    rg.stockKg[r] -= spoiled;
    rg.spoiledKg[r] = spoiled;
    state.accounts.lostKg += spoiled;
    // Inventory pricing: the price is high when stock is short of the usual months of demand, low when it piles up.
    rg.smoothedDemandKg[r] += demandWeight * (demand - rg.smoothedDemandKg[r]);
    let target = coverPrice(reference, supply, rg.smoothedDemandKg[r], g.stockTargetMonths, tpy, g.stockPriceElasticity);
    if (clearing > 0) {
      // Experimental clearing term: a premium that integrates how far organisations' planned purchases
      // exceed the stock on offer, relative to that excess at the first clearing (taken as equilibrium).
      const excess = log((flowDemandKg[r] + 1) / (supply + 1));
      if (state.tick === 0) rg.clearingReference[r] = excess;
      const premium = rg.clearingPremium[r] + (adjust * (excess - rg.clearingReference[r])) / g.farmgateClearingElasticity;
      rg.clearingPremium[r] = Math.max(-MAX_PREMIUM, Math.min(MAX_PREMIUM, premium));
      target *= exp(clearing * rg.clearingPremium[r]);
    }
    const step = adjust * log(target / rg.farmgatePrice[r]);
    rg.farmgatePrice[r] *= exp(Math.max(-MAX_LOG_PRICE_STEP, Math.min(MAX_LOG_PRICE_STEP, step)));
  }
}
