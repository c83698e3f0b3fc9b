/**
 * What a finished run leaves behind (one journal line each) and the wide
 * per-run table made from them: run, point, replicate, seed, every varied
 * parameter by its path, hash, then every outcome of the run summary.
 */
import type { ParameterValue } from './schema';

export interface RunRecord {
  run: number;
  point: number;
  replicate: number;
  seed: number;
  hash: string;
  summary: Record<string, number>;
}

export const RUN_ID_COLUMNS = ['run', 'point', 'replicate', 'seed'] as const;

/** The measure id of a summary key "measure.entity.stat". */
export function measureOfKey(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

/** Keeps the outcomes of the chosen measures (all when `measures` is undefined). */
export function filterSummary(summary: Record<string, number>, measures: readonly string[] | undefined): Record<string, number> {
  if (!measures) return summary;
  const keep = new Set(measures);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(summary)) if (keep.has(measureOfKey(k))) out[k] = v;
  return out;
}

/** Outcome columns: the keys of every record, in first-seen order. */
export function outcomeKeys(records: readonly RunRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.summary)) seen.add(k);
  return [...seen];
}

export interface RunsTable {
  columns: string[];
  /** Parameter columns hold their values; missing outcomes are null. */
  rows: (number | string | boolean | null)[][];
  parameterColumns: string[];
  outcomeColumns: string[];
}

/** The wide table, one row per record, sorted by run index. */
export function runsTable(parameterPaths: readonly string[], points: readonly ParameterValue[][], records: readonly RunRecord[]): RunsTable {
  const sorted = [...records].sort((a, b) => a.run - b.run);
  const parameterColumns = [...parameterPaths];
  const outcomeColumns = outcomeKeys(sorted);
  const columns = [...RUN_ID_COLUMNS, ...parameterColumns, 'hash', ...outcomeColumns];
  const rows = sorted.map((r) => [
    r.run,
    r.point,
    r.replicate,
    r.seed,
    ...points[r.point],
    r.hash,
    ...outcomeColumns.map((k) => (k in r.summary && Number.isFinite(r.summary[k]) ? r.summary[k] : null)),
  ]);
  return { columns, rows, parameterColumns, outcomeColumns };
}
