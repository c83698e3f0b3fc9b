/**
 * Plot rows of the workshop's yearly series: the current plan, the plan before the
 * last move (drawn faint) and the world without levers, as PlotRows for the app's
 * chart modules.
 */
import type { PlotRow } from '../../data/plotRows';

export const NOW = 'now';
export const BEFORE = 'before';
export const NONE = 'none';

/** One yearly series as rows, each year at its middle. */
export function yearRows(series: string, label: string, firstYear: number, values: readonly number[]): PlotRow[] {
  return values.map((y, i) => ({ series, label, x: firstYear + i + 0.5, y, lo: y, hi: y }));
}

/** Is `key` an overlay of the previous state ("before" or "before:COL")? */
export const isBefore = (key: string): boolean => key === BEFORE || key.startsWith(`${BEFORE}:`);
