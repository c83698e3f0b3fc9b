/**
 * Rates and memories given per month, converted to the scenario's tick length (ticksPerYear ticks a
 * year, so a tick is 12 / ticksPerYear months), so that a run behaves alike whatever the tick.
 */
import { exp, pow } from '../math/detmath';

/** The share of something that is still there after a tick, when `keptPerMonth` of it is still there after a month. */
export function keptEachTick(keptPerMonth: number, ticksPerYear: number): number {
  return pow(keptPerMonth, 12 / ticksPerYear);
}

/** The share that goes (is sold, spoils, is adjusted…) in a tick, when `sharePerMonth` goes in a month, compounded. */
export function shareEachTick(sharePerMonth: number, ticksPerYear: number): number {
  return 1 - pow(1 - sharePerMonth, 12 / ticksPerYear);
}

/**
 * Weight of this tick's value in an exponentially smoothed average that remembers about `memoryMonths`
 * (mean age of what it holds): smoothed += weight * (value - smoothed).
 */
export function smoothingWeight(memoryMonths: number, ticksPerYear: number): number {
  return 1 - exp(-12 / (memoryMonths * ticksPerYear));
}

/** Ticks in `months` months (not rounded). */
export function ticksOfMonths(months: number, ticksPerYear: number): number {
  return (months * ticksPerYear) / 12;
}

/** Ticks in a month (not rounded). */
export function ticksPerMonth(ticksPerYear: number): number {
  return ticksPerYear / 12;
}

/** The amount of something a tick, when it is `amountPerMonth` a month (a plain rate: not compounded). */
export function amountEachTick(amountPerMonth: number, ticksPerYear: number): number {
  return (amountPerMonth * 12) / ticksPerYear;
}
