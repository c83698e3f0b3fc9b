/// <reference types="vite/client" />
/**
 * The record: observed series bundled from data/observed/*.csv (tidy columns
 * year,kind,entity,measure,value,unit,source; no quoting, no missing cells), as plot
 * rows for the charts of the matching measure and entity kind. A yearly figure sits at
 * mid-year, where the model's yearly mean of the same year sits.
 */
import type { PlotRow } from './plotRows';

const files = import.meta.glob('../../data/observed/*.csv', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

export interface Observation {
  year: number;
  kind: string;
  entity: string;
  measure: string;
  value: number;
  unit: string;
  source: string;
  file: string;
}

/** Rows of one CSV text; lines that do not read as a figure are skipped. */
export function parseObserved(text: string, file: string): Observation[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = lines[0]?.split(',') ?? [];
  const at = (name: string) => head.indexOf(name);
  const cols = { year: at('year'), kind: at('kind'), entity: at('entity'), measure: at('measure'), value: at('value'), unit: at('unit'), source: at('source') };
  if (Object.values(cols).some((i) => i < 0)) return [];
  return lines.slice(1).flatMap((line) => {
    const cells = line.split(',');
    const year = Number(cells[cols.year]);
    const value = Number(cells[cols.value]);
    if (!Number.isInteger(year) || !Number.isFinite(value)) return [];
    return [{ year, kind: cells[cols.kind], entity: cells[cols.entity], measure: cells[cols.measure], value, unit: cells[cols.unit], source: cells.slice(cols.source).join(','), file }];
  });
}

export const OBSERVED: Observation[] = Object.entries(files).flatMap(([path, text]) => parseObserved(text, path.replace(/^.*\//, '')));

export interface RecordSeries {
  rows: PlotRow[];
  /** Publishers of the figures shown, e.g. "UNODC World Drug Report". */
  sources: string[];
}

/** The record of `measure` for `kind` entities (only `entities` when given), scaled as the chart's unit; null when there is none. */
export function recordRows(measure: string, kind: string, scale: number, entities?: readonly string[], observed: readonly Observation[] = OBSERVED): RecordSeries | null {
  const kept = observed.filter((o) => o.measure === measure && o.kind === kind && (!entities || entities.includes(o.entity)));
  if (kept.length === 0) return null;
  const rows = kept.map((o) => ({ series: o.entity, label: o.entity, x: o.year + 0.5, y: o.value * scale, lo: o.value * scale, hi: o.value * scale }));
  const sources = [...new Set(kept.map((o) => o.source.split(/[;(]/)[0].trim()))];
  return { rows, sources };
}
