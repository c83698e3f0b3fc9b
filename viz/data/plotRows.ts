/**
 * Tidy rows for charts: one row per series × time point with the mean over seeds
 * and a 90% interval across seeds. Charts only ever see these rows.
 */
import { quantileSorted } from '../../sim/analysis/stats';
import { measureByTick } from '../../sim/analysis/extract';
import type { EntityKind, RunResult } from '../../sim/results/types';
import type { MeasureId } from '../../sim/results/measures';

/** Series key of the sum of the entities beyond `top`. */
export const OTHER = '__other__';

export interface PlotRow {
  /** Series key: an entity id (country, market, route…) or a scenario id in comparisons. */
  series: string;
  label: string;
  /** Decimal year. */
  x: number;
  /** Mean over seeds. */
  y: number;
  /** 5th and 95th percentile over seeds (equal to y for one seed). */
  lo: number;
  hi: number;
}

export interface MeasureView {
  measure: MeasureId;
  kind: EntityKind;
  /** Multiplier from the recorded unit to the shown one (e.g. 1e-3 for kg → t). */
  scale: number;
  /** Flows are shown as an annual rate: the per-tick value × ticks per year. */
  annualRate?: boolean;
  /** Keep only these entities. */
  entities?: readonly string[];
  /** Keep the `top` entities by mean value (the rest are dropped, or summed as "Other"). */
  top?: number;
  restAsOther?: boolean;
  /** Centred moving average over this many ticks (smooths monthly noise). */
  smooth?: number;
}

/** Decimal year at the start of each tick. */
export function tickYears(result: RunResult): number[] {
  const y0 = Number(result.start.slice(0, 4)) + (Number(result.start.slice(5, 7)) - 1) / 12;
  return Array.from({ length: result.ticks }, (_, t) => y0 + t / result.ticksPerYear);
}

function smoothed(column: Float64Array, window: number): Float64Array {
  if (window <= 1) return column;
  const out = new Float64Array(column.length);
  const half = Math.floor(window / 2);
  for (let t = 0; t < column.length; t++) {
    const from = Math.max(0, t - half);
    const to = Math.min(column.length, t + half + 1);
    let sum = 0;
    for (let i = from; i < to; i++) sum += column[i];
    out[t] = sum / (to - from);
  }
  return out;
}

/** Per entity, the shown columns of every run (same ticks in each). */
export function measureColumns(runs: readonly RunResult[], view: MeasureView): Map<string, Float64Array[]> {
  const out = new Map<string, Float64Array[]>();
  for (const run of runs) {
    const table = measureByTick(run, view.measure, view.kind);
    if (!table) continue;
    const factor = view.scale * (view.annualRate && table.aggregation === 'flow' ? run.ticksPerYear : 1);
    for (const [id, column] of table.values) {
      if (view.entities && !view.entities.includes(id)) continue;
      const shown = smoothed(column.map((v) => v * factor), view.smooth ?? 1);
      const list = out.get(id) ?? [];
      list.push(shown);
      out.set(id, list);
    }
  }
  return out;
}

/** Mean and interval over seeds of aligned columns, as rows of one series. */
export function summariseColumns(series: string, label: string, xs: readonly number[], columns: readonly Float64Array[]): PlotRow[] {
  const rows: PlotRow[] = [];
  const values = new Array<number>(columns.length);
  for (let t = 0; t < xs.length; t++) {
    let sum = 0;
    for (let k = 0; k < columns.length; k++) {
      values[k] = columns[k][t];
      sum += values[k];
    }
    const y = sum / columns.length;
    if (columns.length === 1) {
      rows.push({ series, label, x: xs[t], y, lo: y, hi: y });
      continue;
    }
    const sorted = values.slice().sort((a, b) => a - b);
    rows.push({ series, label, x: xs[t], y, lo: quantileSorted(sorted, 0.05), hi: quantileSorted(sorted, 0.95) });
  }
  return rows;
}

/** Rows of one measure for every (kept) entity of a set of runs of one scenario. */
export function measureRows(runs: readonly RunResult[], view: MeasureView): PlotRow[] {
  if (runs.length === 0) return [];
  const xs = tickYears(runs[0]);
  const labels = new Map(runs[0].series.entities.filter((e) => e.kind === view.kind).map((e) => [e.id, e.label]));
  let entries = [...measureColumns(runs, view)].filter(([, cols]) => cols.some((c) => c.some((v) => v !== 0)));
  const meanOf = (cols: Float64Array[]) => cols.reduce((s, c) => s + c.reduce((a, b) => a + b, 0), 0);
  entries.sort((a, b) => meanOf(b[1]) - meanOf(a[1]));
  const rest = view.top ? entries.slice(view.top) : [];
  if (view.top) entries = entries.slice(0, view.top);
  const rows = entries.flatMap(([id, cols]) => summariseColumns(id, labels.get(id) ?? id, xs, cols));
  if (view.restAsOther && rest.length > 0) {
    const other = runs.map((_, k) => {
      const sum = new Float64Array(xs.length);
      for (const [, cols] of rest) for (let t = 0; t < sum.length; t++) sum[t] += cols[k]?.[t] ?? 0;
      return sum;
    });
    rows.push(...summariseColumns(OTHER, `Other (${rest.length})`, xs, other));
  }
  return rows;
}

/** The largest total over series at one x: the top of a stacked chart of these rows. */
export function stackedMax(rows: readonly PlotRow[]): number {
  const totals = new Map<number, number>();
  for (const r of rows) totals.set(r.x, (totals.get(r.x) ?? 0) + Math.max(0, r.y));
  return Math.max(0, ...totals.values());
}
