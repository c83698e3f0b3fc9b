/**
 * Calendar arithmetic of scenarios, shared by the checks: months are counted
 * from year 0, and the run length follows the model's rule (the horizon from
 * `start` to the first tick of the `end` month, plus that tick, plus burn-in).
 */

/** "2000-03" → 2000 * 12 + 2. */
export function monthIndex(yearMonth: string): number {
  return Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;
}

/** Ticks of the recorded horizon from `start` to `end` (both months included). */
export function horizonTicks(start: string, end: string, ticksPerYear: number): number {
  return Math.floor(((monthIndex(end) - monthIndex(start)) * ticksPerYear) / 12) + 1;
}

/** Ticks simulated in total: burn-in plus horizon. */
export function totalTicks(s: { start: string; end: string; ticksPerYear: number; burnInYears: number }): number {
  return s.burnInYears * s.ticksPerYear + horizonTicks(s.start, s.end, s.ticksPerYear);
}
