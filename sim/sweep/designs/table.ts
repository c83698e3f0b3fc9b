/**
 * A design given as a table: CSV with a header of parameter paths (every swept
 * parameter once, any order) and one row per point. Cells are numbers unless the
 * parameter's value list holds strings or booleans.
 */
import { parseCsv } from '../../io/csv';
import { isRange, type Parameter, type ParameterValue } from '../schema';

export class DesignTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DesignTableError';
  }
}

function cell(p: Parameter, text: string, where: string): ParameterValue {
  const t = text.trim();
  const n = t === '' ? NaN : Number(t);
  if (isRange(p)) {
    if (!Number.isFinite(n)) throw new DesignTableError(`${where}: expected a number, got ${JSON.stringify(text)}`);
    if (n < p.min || n > p.max) throw new DesignTableError(`${where}: expected a number in [${p.min},${p.max}], got ${t}`);
    return n;
  }
  const match = p.values.find((v) => (typeof v === 'number' ? v === n : String(v) === t));
  if (match === undefined) {
    throw new DesignTableError(`${where}: expected one of ${p.values.slice(0, 10).map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(text)}`);
  }
  return match;
}

export function tableDesign(parameters: readonly Parameter[], csvText: string, file = 'design table'): ParameterValue[][] {
  const records = parseCsv(csvText.replace(/^\uFEFF/, '')).filter((r) => !(r.length === 1 && r[0].trim() === ''));
  if (records.length < 2) throw new DesignTableError(`${file}: expected a header of parameter paths and at least one row, got ${records.length} line${records.length === 1 ? '' : 's'}`);
  const header = records[0].map((h) => h.trim());
  const columns = parameters.map((p) => {
    const c = header.indexOf(p.path);
    if (c < 0) throw new DesignTableError(`${file}: expected a column "${p.path}" (a swept parameter), got columns ${header.map((h) => JSON.stringify(h)).join(', ')}`);
    return c;
  });
  const unknown = header.find((h) => !parameters.some((p) => p.path === h));
  if (unknown !== undefined) throw new DesignTableError(`${file}: expected only the swept parameters' paths as columns, got ${JSON.stringify(unknown)}`);
  return records.slice(1).map((r, i) => {
    if (r.length !== header.length) throw new DesignTableError(`${file}: line ${i + 2}: expected ${header.length} fields, got ${r.length}`);
    return parameters.map((p, d) => cell(p, r[columns[d]], `${file}: line ${i + 2}, column "${p.path}"`));
  });
}
