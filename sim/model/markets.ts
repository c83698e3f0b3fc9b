/**
 * Consumer markets. Demand = users x grams per user x (retail / reference retail)^elasticity,
 * prices taken in the market's own currency: in dollars the reference moves with the currency.
 * Organisations hold stock in the market and offer part of it; the wholesale price
 * moves part of the way towards the reference price times the stock's cover (months
 * of smoothed demand it holds, relative to the usual `stockTargetMonths`) to the
 * power -1/stockPriceElasticity, so the stock absorbs lumpy arrivals (docs/model.md §6);
 * with `stockTargetMonths` 0, towards the price at which demand takes what is offered
 * (the rule before December 2026). Retail = wholesale x markup; sales are the demand at
 * the new price, pro rata to what is offered.
 * Users move slowly between non-use, light use, heavy use and treatment (users.ts); demand
 * at the reference price is their consumption, heavy users consuming several times what
 * light users do.
 */
import type { World } from './world';
import type { WorldState } from './state';
import { exp, log, pow } from '../math/detmath';
import { shareEachTick, smoothingWeight, amountEachTick } from './time';
import { coverPrice, demandSmoothingWeight } from './inventory';
import { GRAMS_PER_KG, referenceDemandByType, stepUsers } from './users';

/** Most that sellers read into a shortage: buyers wanting k times what was offered lets them expect k times their sales (k <= 3). */
const MAX_SHORTAGE = 3;

/** Least reference price as a share of the data's: however cheap delivery becomes, the price does not collapse. */
const MIN_REFERENCE_SHARE = 0.2;

/** Retail price of a gram in market m: the wholesale price of a kilo times the market's retail markup. */
export function retailPriceUsdPerGram(world: World, state: WorldState, m: number): number {
  return (state.markets.wholesalePrice[m] * world.markets.retailMarkup[m]) / GRAMS_PER_KG;
}

/** Demand per tick at the reference price of `users` users with the market's initial mix of light and heavy use (its mean grams per user), in kg. */
export function referenceDemandKg(world: World, users: number, m: number): number {
  return (users * world.markets.gramsPerUserPerYear[m]) / GRAMS_PER_KG / world.ticksPerYear;
}

/** The market's reference wholesale price in dollars this tick (its currency's value moves it). */
export function referencePriceUsd(world: World, state: WorldState, m: number): number {
  const t = Math.min(state.tick, world.totalTicks - 1);
  return world.markets.wholesale0[m] * world.markets.currencyFactor[m * world.totalTicks + t];
}

/** Per-market working memory of `clearMarkets`, allocated once per run. */
export interface MarketScratch {
  stockKg: Float64Array; // organisations' stock in the market
  offeredKg: Float64Array;
  price: Float64Array; // this tick's wholesale price
  fill: Float64Array; // share of what is offered that sells
  shortage: Float64Array; // demand over what is offered, when above 1 (at most MAX_SHORTAGE); 1 otherwise
  consumedKg: Float64Array;
}

export function createMarketScratch(world: World): MarketScratch {
  const n = world.markets.n;
  return { stockKg: new Float64Array(n), offeredKg: new Float64Array(n), price: new Float64Array(n), fill: new Float64Array(n), shortage: new Float64Array(n), consumedKg: new Float64Array(n) };
}

export function clearMarkets(world: World, state: WorldState, scratch: MarketScratch, deliveredCost: Float64Array): void {
  const { markets } = world;
  const b = world.behaviour.markets;
  const tb = world.behaviour.traffickers;
  const tpy = world.ticksPerYear;
  const nC = world.countries.n;
  const nM = markets.n;
  const ms = state.markets;
  const to = state.traffickers;
  const offer = shareEachTick(b.offerSharePerMonth, tpy);
  const adjust = shareEachTick(tb.priceAdjustment, tpy);
  const expectation = smoothingWeight(tb.priceMemoryMonths, tpy);
  // Largest log step of the wholesale price in a tick.
  const maxStep = amountEachTick(b.maxPriceStepPerMonth, tpy);
  const demandWeight = demandSmoothingWeight(tpy);
  const { offeredKg, stockKg, price: nextPrice, fill: fillOf, shortage: shortageOf, consumedKg } = scratch;
  const coverMonths = b.stockTargetMonths;

  // One pass over the organisations for every market at once (one market per country, so markets'
  // sales touch different stocks): each market's sums still run organisation by organisation.
  offeredKg.fill(0);
  stockKg.fill(0);
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    for (let m = 0; m < nM; m++) {
      const held = to.stockKg[k * nC + markets.country[m]];
      stockKg[m] += held;
      offeredKg[m] += held * offer;
    }
  }
  for (let m = 0; m < nM; m++) {
    // Demand at the reference price (light and heavy users'); the price that would sell what is offered follows from the elasticity.
    const byType = referenceDemandByType(world, ms, m);
    const demandAtReference = byType.light + byType.heavy;
    ms.heavyDemandShare[m] = demandAtReference > 0 ? byType.heavy / demandAtReference : 0;
    const offered = offeredKg[m];
    const price = ms.wholesalePrice[m];
    // Additive along the chain: the reference moves by the change in what delivering a kilo costs.
    if (Number.isFinite(deliveredCost[m])) {
      // (The first tick with a delivered cost sets the reference: the starting world is the equilibrium.)
      if (ms.deliveredCostReference[m] === 0) ms.deliveredCostUsd[m] = ms.deliveredCostReference[m] = deliveredCost[m];
      else ms.deliveredCostUsd[m] += expectation * (deliveredCost[m] - ms.deliveredCostUsd[m]);
    }
    const base = referencePriceUsd(world, state, m);
    const reference = Math.max(MIN_REFERENCE_SHARE * base, base + b.costPassThrough * (ms.deliveredCostUsd[m] - ms.deliveredCostReference[m]));
    let clearing: number;
    if (coverMonths > 0) {
      // Inventory pricing, as at the farmgate: the reference price when the market's stock covers its usual
      // months of demand, higher when it covers fewer, lower when more.
      clearing = coverPrice(reference, stockKg[m], ms.smoothedDemandKg[m], coverMonths, tpy, b.stockPriceElasticity);
    } else {
      clearing = offered > 0 ? reference * pow(offered / demandAtReference, 1 / markets.elasticity[m]) : Infinity;
    }
    // Prices move part of the way to the clearing price each month, by at most maxPriceStepPerMonth in log.
    // Nothing offered: the price rises by the most it can in a tick (if it moves at all).
    const gap = offered > 0 ? log(clearing / price) : maxStep;
    // (With a zero elasticity the clearing price is 0 or infinite: the clamp turns that into the largest step.)
    const raw = adjust > 0 && !Number.isNaN(gap) ? adjust * gap : 0;
    const step = Math.max(-maxStep, Math.min(maxStep, raw));
    const next = price * exp(step);
    ms.wholesalePrice[m] = next;
    nextPrice[m] = next;
    const demand = demandAtReference * pow(next / reference, markets.elasticity[m]);
    fillOf[m] = offered > 0 ? Math.min(1, demand / offered) : 0;
    shortageOf[m] = offered > 0 ? Math.min(MAX_SHORTAGE, Math.max(1, demand / offered)) : 1;
    ms.smoothedDemandKg[m] += demandWeight * (demand - ms.smoothedDemandKg[m]);
    ms.demandKg[m] = demand;
    ms.offeredKg[m] = offered;
  }
  consumedKg.fill(0);
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    // What it could have sold: its sales, scaled up where buyers wanted more than was offered.
    let couldSell = 0;
    for (let m = 0; m < nM; m++) {
      const fill = fillOf[m];
      if (!(fill > 0)) continue;
      const c = markets.country[m];
      const kg = to.stockKg[k * nC + c] * offer * fill;
      if (kg <= 0) continue;
      to.stockKg[k * nC + c] -= kg;
      const revenue = kg * nextPrice[m];
      to.capitalUsd[k] += revenue;
      to.revenueUsd[k] += revenue;
      consumedKg[m] += kg;
      couldSell += kg * shortageOf[m];
    }
    to.salesKg[k] += demandWeight * (couldSell - to.salesKg[k]);
  }
  for (let m = 0; m < nM; m++) {
    ms.consumedKg[m] = consumedKg[m];
    ms.heavyConsumedKg[m] = consumedKg[m] * ms.heavyDemandShare[m];
    state.accounts.consumedKg += consumedKg[m];
    ms.expectedPrice[m] += expectation * (nextPrice[m] - ms.expectedPrice[m]);
  }
  stepUsers(world, state, (m) => referencePriceUsd(world, state, m));
}
