/**
 * Tidy rows for comparisons: one series per scenario (same measure, summed over
 * the chosen entities), and the paired difference of each scenario against a
 * baseline run on the same seeds.
 */
import type { RunResult } from '../../sim/results/types';
import { measureColumns, summariseColumns, tickYears, type MeasureView, type PlotRow } from './plotRows';

export interface ScenarioRuns {
  id: string;
  name: string;
  runs: readonly RunResult[];
}

/** Per run, the sum over the kept entities of the shown measure. */
function totals(runs: readonly RunResult[], view: MeasureView): Float64Array[] {
  const perEntity = [...measureColumns(runs, view).values()];
  return runs.map((run, k) => {
    const sum = new Float64Array(run.ticks);
    for (const columns of perEntity) {
      const column = columns[k];
      if (column) for (let t = 0; t < sum.length; t++) sum[t] += column[t];
    }
    return sum;
  });
}

/** One series per scenario: the total of the measure over the view's entities. */
export function scenarioRows(scenarios: readonly ScenarioRuns[], view: MeasureView): PlotRow[] {
  return scenarios.flatMap((s) => (s.runs.length === 0 ? [] : summariseColumns(s.id, s.name, tickYears(s.runs[0]), totals(s.runs, view))));
}

/** For each scenario but the baseline: scenario − baseline, paired by seed (runs in the same seed order). */
export function differenceRows(scenarios: readonly ScenarioRuns[], baseline: ScenarioRuns, view: MeasureView): PlotRow[] {
  const base = totals(baseline.runs, view);
  return scenarios
    .filter((s) => s.id !== baseline.id && s.runs.length === baseline.runs.length && s.runs.length > 0)
    .flatMap((s) => {
      const diffs = totals(s.runs, view).map((column, k) => column.map((v, t) => v - (base[k][t] ?? 0)));
      return summariseColumns(s.id, s.name, tickYears(s.runs[0]), diffs);
    });
}
