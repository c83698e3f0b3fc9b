/** Tick index of a year-month ("YYYY-MM") in a run starting at `start`; may be negative or past the horizon. */
export function tickOf(yearMonth: string, start: string, ticksPerYear: number): number {
  const months = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
  return Math.floor(((months(yearMonth) - months(start)) * ticksPerYear) / 12);
}
