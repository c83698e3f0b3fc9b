/**
 * What buyers read of a producer country's farmgate prices: the stock-weighted mean of its regions'
 * prices, and the highest of them. Read by organisations when they plan and when they enter; the
 * farmgate phase sets the prices.
 */
import type { World } from './world';
import type { WorldState } from './state';

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
