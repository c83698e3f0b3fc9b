/**
 * Rows of the "users by type" chart: light users, heavy users not in treatment and heavy users in
 * treatment, summed over every market, as a stacked area (docs/model.md §6).
 */
import { measureColumns, summariseColumns, tickYears, type PlotRow } from './plotRows';
import type { RunResult } from '../../sim/results/types';

export const USER_TYPES = [
  { key: 'light', label: 'Light users' },
  { key: 'heavy', label: 'Heavy users' },
  { key: 'treated', label: 'Heavy users in treatment' },
] as const;

/** Per run, the sum over markets of a measure's column (scaled). */
function totals(runs: readonly RunResult[], measure: 'lightUsers' | 'heavyUsers' | 'treatedUsers', scale: number): Float64Array[] {
  const byMarket = measureColumns(runs, { measure, kind: 'market', scale });
  return runs.map((run, k) => {
    const sum = new Float64Array(run.ticks);
    for (const columns of byMarket.values()) for (let t = 0; t < sum.length; t++) sum[t] += columns[k]?.[t] ?? 0;
    return sum;
  });
}

/** Stacked rows, in millions of people, of the three user types over all markets (empty when the runs do not record them). */
export function userTypeRows(runs: readonly RunResult[], scale = 1e-6): PlotRow[] {
  if (runs.length === 0) return [];
  const xs = tickYears(runs[0]);
  const light = totals(runs, 'lightUsers', scale);
  const heavyAll = totals(runs, 'heavyUsers', scale);
  const treated = totals(runs, 'treatedUsers', scale);
  if (!light.some((c) => c.some((v) => v !== 0))) return [];
  // heavyUsers counts those in treatment too: the stack shows them apart.
  const heavy = heavyAll.map((c, k) => c.map((v, t) => v - treated[k][t]));
  const columns = { light, heavy, treated };
  return USER_TYPES.flatMap(({ key, label }) => summariseColumns(key, label, xs, columns[key]));
}
