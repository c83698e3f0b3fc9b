/**
 * Tidy rows of Europe's inflow by corridor (sim/analysis/corridors): one series per
 * corridor, the yearly share in per cent, mean and 5–95% band over seeds.
 */
import { corridorShares, CORRIDORS } from '../../sim/analysis/corridors';
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { summariseColumns, type PlotRow } from './plotRows';

export function corridorRows(runs: readonly RunResult[], scenario: Scenario, prefix = ''): PlotRow[] {
  if (runs.length === 0) return [];
  const firstYear = Number(runs[0].start.slice(0, 4));
  const shares = runs.map((run) => corridorShares(run, scenario));
  const years = shares[0].get('direct')?.length ?? 0;
  // Mid-year: a yearly share belongs to the middle of its year on a time axis.
  const xs = Array.from({ length: years }, (_, y) => firstYear + y + 0.5);
  return CORRIDORS.flatMap((c) => {
    const columns = shares.map((s) => Float64Array.from(s.get(c.id) ?? [], (v) => v * 100));
    if (columns.every((col) => col.every((v) => !(v > 0)))) return [];
    return summariseColumns(`${prefix}${c.id}`, c.label, xs, columns);
  });
}
