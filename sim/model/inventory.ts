/**
 * Inventory pricing, shared by the farmgate stores of producer regions (farmgate.ts) and the
 * consumer markets (markets.ts): the price a store is heading for is its reference price times its
 * stock's cover — the months of usual demand the stock would last, relative to the months it
 * usually holds — to the power −1/elasticity. Usual demand is the demand smoothed over three months.
 */
import { pow } from '../math/detmath';
import { smoothingWeight, ticksPerMonth } from './time';

/** Bounds of the relative cover: an empty or overflowing store moves the price a lot, but not without limit. */
const MIN_COVER = 0.01;
const MAX_COVER = 10;

/** Months of demand that usual demand remembers. */
const DEMAND_MEMORY_MONTHS = 3;

/** Weight of this tick's demand in the three-month smoothed demand. */
export function demandSmoothingWeight(ticksPerYear: number): number {
  return smoothingWeight(DEMAND_MEMORY_MONTHS, ticksPerYear);
}

/** The price a store holding `stockKg` heads for, with usual demand `smoothedDemandKg` a tick and `targetMonths` of it usually held. */
export function coverPrice(reference: number, stockKg: number, smoothedDemandKg: number, targetMonths: number, ticksPerYear: number, elasticity: number): number {
  const cover = (stockKg + 1e-9) / (smoothedDemandKg * targetMonths * ticksPerMonth(ticksPerYear) + 1e-9);
  return reference * pow(Math.min(MAX_COVER, Math.max(MIN_COVER, cover)), -1 / elasticity);
}
