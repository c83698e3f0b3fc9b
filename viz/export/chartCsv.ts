/**
 * One chart's data as a small tidy CSV (what is drawn, not the whole run): one row
 * per series and time point with the mean over seeds and its 5–95% band, and the
 * record's points when the chart shows them.
 */
import { csvLine } from '../../sim/io/csv';
import type { PlotRow } from '../data/plotRows';

export const CHART_CSV_COLUMNS = ['source', 'series', 'label', 'year', 'value', 'lo', 'hi', 'unit'] as const;

export function chartCsv(rows: readonly PlotRow[], unit: string, record: readonly PlotRow[] = []): string {
  let text = csvLine([...CHART_CSV_COLUMNS]);
  for (const r of rows) text += csvLine(['model', r.series, r.label, Number(r.x.toFixed(4)), r.y, r.lo, r.hi, unit]);
  for (const r of record) text += csvLine(['record', r.series, r.label, Math.floor(r.x), r.y, r.lo, r.hi, unit]);
  return text;
}
