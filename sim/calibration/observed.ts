/**
 * Observed series files (data/observed/ format): CSV with a header naming at least
 * `year`, `entity`, `measure` and `value`; `kind`, `unit` and `source` are optional.
 */
import { parseCsv } from '../io/csv';

export interface ObservedRow {
  year: number;
  kind?: string;
  entity: string;
  measure: string;
  value: number;
  unit?: string;
}

export class ObservedFileError extends Error {}

const REQUIRED = ['year', 'entity', 'measure', 'value'] as const;

export function parseObserved(text: string): ObservedRow[] {
  const records = parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => !(r.length === 1 && r[0].trim() === ''));
  if (records.length === 0) throw new ObservedFileError('expected a header with columns year,entity,measure,value, got an empty file');
  const header = records[0].map((h) => h.trim());
  for (const c of REQUIRED) {
    if (!header.includes(c)) throw new ObservedFileError(`expected a column "${c}" (columns year,kind,entity,measure,value,unit,source), got columns ${header.join(',')}`);
  }
  const col = (name: string) => header.indexOf(name);
  return records.slice(1).map((r, i) => {
    const line = i + 2;
    if (r.length !== header.length) throw new ObservedFileError(`line ${line}: expected ${header.length} fields, got ${r.length}`);
    const year = Number(r[col('year')]);
    const value = Number(r[col('value')]);
    if (!Number.isInteger(year)) throw new ObservedFileError(`line ${line}, column "year": expected a whole year, got ${JSON.stringify(r[col('year')])}`);
    if (r[col('value')].trim() === '' || !Number.isFinite(value)) throw new ObservedFileError(`line ${line}, column "value": expected a number, got ${JSON.stringify(r[col('value')])}`);
    const row: ObservedRow = { year, entity: r[col('entity')].trim(), measure: r[col('measure')].trim(), value };
    if (col('kind') >= 0) row.kind = r[col('kind')].trim();
    if (col('unit') >= 0) row.unit = r[col('unit')].trim();
    return row;
  });
}
