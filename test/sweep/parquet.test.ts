/**
 * runs.parquet read back by readers that are not the writer: hyparquet (the project's
 * devDependency, a newer release than the one hyparquet-writer pins for its types), and
 * arrow-rs, the Apache Arrow project's strict Rust reader (parquet-wasm), the family of
 * readers pandas and R's arrow use. Types, nulls and every value must survive, and a real
 * sweep's runs.parquet must hold exactly what its runs.csv holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { readParquet, writeParquet } from 'parquet-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../sim/io/csv';
import { runsParquetBytes } from '../../node/sweep/parquet';
import type { RunsTable } from '../../sim/sweep/records';
import { balloon, ensureBuilt, tempDir } from '../cli/helpers';
import { SWEEP_FIXTURE } from './helpers';

const toBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('runs.parquet', () => {
  beforeAll(() => ensureBuilt());

  it('keeps integer ids, doubles, nulls, flags and text, read by an independent reader', async () => {
    const table: RunsTable = {
      columns: ['run', 'point', 'replicate', 'seed', 'markets.USA.elasticity', 'behaviour.police.adaptive', 'label', 'hash', 'consumedKg.world.final'],
      parameterColumns: ['markets.USA.elasticity', 'behaviour.police.adaptive', 'label'],
      outcomeColumns: ['consumedKg.world.final'],
      rows: [
        [0, 0, 0, 4294967295, -0.4, true, 'a', '74bc9c032d6fd463', 1234.5678901234567],
        [1, 0, 1, 17, -0.7, false, 'b', '0000000000000001', null],
        [2, 1, 0, 3, -1e-300, true, 'c,"quoted"', 'ffffffffffffffff', 5e-324],
      ],
    };
    const file = toBuffer(runsParquetBytes(table));
    const meta = parquetMetadata(file);
    expect(Number(meta.num_rows)).toBe(3);
    const leaves = meta.schema.slice(1);
    expect(leaves.map((s) => s.name)).toEqual(table.columns);
    expect(leaves.map((s) => s.type)).toEqual(['INT64', 'INT64', 'INT64', 'INT64', 'DOUBLE', 'BOOLEAN', 'BYTE_ARRAY', 'BYTE_ARRAY', 'DOUBLE']);
    expect(leaves.map((s) => s.repetition_type)).toEqual(['REQUIRED', 'REQUIRED', 'REQUIRED', 'REQUIRED', 'OPTIONAL', 'OPTIONAL', 'OPTIONAL', 'OPTIONAL', 'OPTIONAL']);

    const rows = await parquetReadObjects({ file });
    expect(rows).toEqual(table.rows.map((row) => Object.fromEntries(table.columns.map((name, c) => [name, c < 4 ? BigInt(row[c] as number) : row[c]]))));
  });

  it('is read by arrow-rs, which decodes every value (its own rewrite of the table reads back equal)', async () => {
    const table: RunsTable = {
      columns: ['run', 'point', 'replicate', 'seed', 'x', 'flag', 'hash', 'y'],
      parameterColumns: ['x', 'flag'],
      outcomeColumns: ['y'],
      rows: Array.from({ length: 50 }, (_, i) => [i, i >> 1, i & 1, 1000 + i, i / 7, i % 3 === 0, `h${i}`, i % 5 === 0 ? null : Math.sqrt(i)]),
    };
    const bytes = runsParquetBytes(table);
    const arrow = readParquet(bytes);
    expect(arrow.numBatches).toBeGreaterThan(0);
    const rewritten = toBuffer(writeParquet(arrow));
    expect(parquetMetadata(rewritten).schema.slice(1).map((s) => s.name)).toEqual(table.columns);
    expect(await parquetReadObjects({ file: rewritten })).toEqual(await parquetReadObjects({ file: toBuffer(bytes) }));
  });

  it('holds what runs.csv holds after a real sweep', async () => {
    const out = join(tempDir(), 'out');
    const r = balloon(['sweep', SWEEP_FIXTURE, '--out', out, '--workers', '1', '-q']);
    expect(r.code).toBe(0);
    const [header, ...csvRows] = parseCsv(readFileSync(join(out, 'runs.csv'), 'utf8'));
    const bytes = readFileSync(join(out, 'runs.parquet'));
    const rows = await parquetReadObjects({ file: toBuffer(bytes) });
    expect(rows).toHaveLength(csvRows.length);
    // arrow-rs reads the real file too, to the same values.
    expect(await parquetReadObjects({ file: toBuffer(writeParquet(readParquet(new Uint8Array(bytes)))) })).toEqual(rows);
    expect(Object.keys(rows[0])).toEqual(header);
    rows.forEach((row, i) => {
      header.forEach((name, c) => {
        const v = row[name];
        // The CSV keeps full precision (shortest round-trip form), so the text of each value is the same.
        expect(v === null ? '' : String(v), `${name} of run ${i}`).toBe(csvRows[i][c]);
      });
    });
  }, 300_000);
});
