/**
 * The tidy long-format table every host writes: one row per seed × tick ×
 * entity × measure. The column order is part of the file format.
 */
import type { TidyRow } from '../results/types';
import { csvLine } from './csv';
import { jsonlLine } from './jsonl';

export const TIDY_COLUMNS = ['seed', 'tick', 'date', 'year', 'kind', 'entity', 'measure', 'unit', 'value'] as const;

export type TableFormat = 'csv' | 'jsonl';

/** The format implied by a file name, or null if the extension is not one we write. */
export function formatOfPath(path: string): TableFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  return null;
}

/**
 * A row filter from measure selectors: "flowKg" keeps that measure for every entity
 * kind, "route/flowKg" only for routes. No selectors keeps everything.
 */
export function measureFilter(selectors: readonly string[] | undefined): (row: TidyRow) => boolean {
  if (!selectors || selectors.length === 0) return () => true;
  const any = new Set(selectors.filter((s) => !s.includes('/')));
  const exact = new Set(selectors.filter((s) => s.includes('/')));
  return (row) => any.has(row.measure) || exact.has(`${row.kind}/${row.measure}`);
}

/** The header line (CSV) or nothing (JSONL). */
export function tidyHeader(format: TableFormat): string {
  return format === 'csv' ? csvLine(TIDY_COLUMNS) : '';
}

/** The rows of one seed's run, as text in `format`. */
export function tidyText(rows: readonly TidyRow[], seed: number, format: TableFormat): string {
  const parts: string[] = [];
  for (const r of rows) {
    if (format === 'csv') {
      parts.push(csvLine([seed, r.tick, r.date, r.year, r.kind, r.entity, r.measure, r.unit, r.value]));
    } else {
      parts.push(
        jsonlLine({ seed, tick: r.tick, date: r.date, year: r.year, kind: r.kind, entity: r.entity, measure: r.measure, unit: r.unit, value: r.value }),
      );
    }
  }
  return parts.join('');
}

/**
 * Run summaries as a wide table: one row per run, columns scenario, seed, hash
 * and then every summary key (the keys of the first run, in its order).
 */
export function summaryText(
  runs: readonly { scenario: string; seed: number; hash: string; summary: Record<string, number> }[],
  format: TableFormat,
): string {
  if (runs.length === 0) return '';
  const keys = Object.keys(runs[0].summary);
  const parts: string[] = [];
  if (format === 'csv') parts.push(csvLine(['scenario', 'seed', 'hash', ...keys]));
  for (const run of runs) {
    if (format === 'csv') parts.push(csvLine([run.scenario, run.seed, run.hash, ...keys.map((k) => run.summary[k])]));
    else parts.push(jsonlLine({ scenario: run.scenario, seed: run.seed, hash: run.hash, ...run.summary }));
  }
  return parts.join('');
}
