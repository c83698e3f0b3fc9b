/** The per-run table as Parquet (through @dsnp/parquetjs), written to a temporary file then renamed into place. */
import { existsSync, rmSync } from 'node:fs';
import parquet from '@dsnp/parquetjs';
import type { RunsTable } from '../../sweep/records';
import { commitFile } from './atomic';

type FieldType = 'INT64' | 'DOUBLE' | 'UTF8' | 'BOOLEAN';

function columnType(table: RunsTable, c: number): FieldType {
  const name = table.columns[c];
  if (name === 'run' || name === 'point' || name === 'replicate' || name === 'seed') return 'INT64';
  if (name === 'hash') return 'UTF8';
  let sawString = false;
  let sawBoolean = false;
  for (const row of table.rows) {
    const v = row[c];
    if (typeof v === 'string') sawString = true;
    else if (typeof v === 'boolean') sawBoolean = true;
  }
  if (sawString || (sawBoolean && table.rows.some((r) => typeof r[c] === 'number'))) return 'UTF8';
  return sawBoolean ? 'BOOLEAN' : 'DOUBLE';
}

export async function writeRunsParquet(path: string, table: RunsTable): Promise<void> {
  const types = table.columns.map((_, c) => columnType(table, c));
  const fields: Record<string, { type: FieldType; optional?: boolean }> = {};
  table.columns.forEach((name, c) => {
    fields[name] = { type: types[c], optional: c > 3 };
  });
  const schema = new parquet.ParquetSchema(fields);
  const temporary = `${path}.tmp-${process.pid}`;
  if (existsSync(temporary)) rmSync(temporary);
  const writer = await parquet.ParquetWriter.openFile(schema, temporary);
  for (const row of table.rows) {
    const record: Record<string, unknown> = {};
    table.columns.forEach((name, c) => {
      const v = row[c];
      if (v === null || v === undefined) return;
      if (types[c] === 'INT64') record[name] = BigInt(v as number);
      else if (types[c] === 'UTF8') record[name] = String(v);
      else record[name] = v;
    });
    await writer.appendRow(record);
  }
  await writer.close();
  commitFile(temporary, path);
}
