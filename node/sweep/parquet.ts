/**
 * The per-run table as Parquet (through hyparquet-writer, pure JavaScript with no dependency
 * beyond its reader, so it installs cleanly on every Node version the project supports),
 * written to a temporary file then renamed into place.
 */
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import type { RunsTable } from '../../sim/sweep/records';
import { writeFileAtomic } from './atomic';

type FieldType = 'INT64' | 'DOUBLE' | 'STRING' | 'BOOLEAN';

/** run, point, replicate and seed are integers; hash is text; the rest numbers, flags, or text when mixed. */
function columnType(table: RunsTable, c: number): FieldType {
  const name = table.columns[c];
  if (name === 'run' || name === 'point' || name === 'replicate' || name === 'seed') return 'INT64';
  if (name === 'hash') return 'STRING';
  let sawString = false;
  let sawBoolean = false;
  let sawNumber = false;
  for (const row of table.rows) {
    const v = row[c];
    if (typeof v === 'string') sawString = true;
    else if (typeof v === 'boolean') sawBoolean = true;
    else if (typeof v === 'number') sawNumber = true;
  }
  if (sawString || (sawBoolean && sawNumber)) return 'STRING';
  return sawBoolean ? 'BOOLEAN' : 'DOUBLE';
}

function cell(type: FieldType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'INT64') return BigInt(v as number);
  if (type === 'STRING') return String(v);
  return v;
}

/** The table's columns in Parquet form; the first four (run, point, replicate, seed) are required, the rest nullable. */
export function runsParquetBytes(table: RunsTable): Uint8Array {
  const columnData: ColumnSource[] = table.columns.map((name, c) => {
    const type = columnType(table, c);
    return { name, type, nullable: c > 3, data: table.rows.map((row) => cell(type, row[c])) as ColumnSource['data'] };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'balloon' }));
}

export async function writeRunsParquet(path: string, table: RunsTable): Promise<void> {
  writeFileAtomic(path, runsParquetBytes(table));
}
