import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, csvLine, parseCsv } from '../../sim/io/csv';
import { formatOfPath, measureFilter, summaryText, tidyHeader, tidyText, TIDY_COLUMNS } from '../../sim/io/tidy';
import { jsonlLine } from '../../sim/io/jsonl';
import type { TidyRow } from '../../sim/results/types';

describe('CSV formatting', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvField('COL')).toBe('COL');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(NaN)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('round-trips any table of strings through parseCsv', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é') }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (table) => {
        const text = table.map((r) => csvLine(r)).join('');
        expect(parseCsv(text)).toEqual(table);
      }),
    );
  });
});

describe('tidy tables', () => {
  const rows: TidyRow[] = [
    { tick: 0, date: '2000-01', year: 2000, kind: 'route', entity: 'COL-MEX-sea', measure: 'flowKg', unit: 'kg', value: 1234.5 },
    { tick: 1, date: '2000-02', year: 2000 + 1 / 12, kind: 'policy', entity: 'eradication, COL', measure: 'spendUsd', unit: 'USD', value: 1e7 },
  ];

  it('picks the format from the extension', () => {
    expect(formatOfPath('out/results.CSV')).toBe('csv');
    expect(formatOfPath('r.jsonl')).toBe('jsonl');
    expect(formatOfPath('r.ndjson')).toBe('jsonl');
    expect(formatOfPath('r.txt')).toBeNull();
  });

  it('writes the tidy columns in order, one record per row, with the seed first', () => {
    const records = parseCsv(tidyHeader('csv') + tidyText(rows, 42, 'csv'));
    expect(records[0]).toEqual([...TIDY_COLUMNS]);
    expect(records.slice(1)).toEqual([
      ['42', '0', '2000-01', '2000', 'route', 'COL-MEX-sea', 'flowKg', 'kg', '1234.5'],
      ['42', '1', '2000-02', String(2000 + 1 / 12), 'policy', 'eradication, COL', 'spendUsd', 'USD', '10000000'],
    ]);
  });

  it('writes JSON lines with the same fields', () => {
    const lines = tidyText(rows, 3, 'jsonl').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0])).toEqual([...TIDY_COLUMNS]);
    expect(lines[1]).toMatchObject({ seed: 3, entity: 'eradication, COL', value: 1e7 });
    expect(tidyHeader('jsonl')).toBe('');
    expect(jsonlLine({ x: NaN })).toBe('{"x":null}\n');
  });

  it('filters rows by measure, for every kind or one', () => {
    expect(rows.filter(measureFilter(undefined))).toHaveLength(2);
    expect(rows.filter(measureFilter(['flowKg'])).map((r) => r.entity)).toEqual(['COL-MEX-sea']);
    expect(rows.filter(measureFilter(['country/spendUsd']))).toHaveLength(0);
    expect(rows.filter(measureFilter(['policy/spendUsd', 'route/flowKg']))).toHaveLength(2);
  });

  it('writes one summary row per run with the keys of the first run as columns', () => {
    const runs = [
      { scenario: 's', seed: 1, hash: 'aa', summary: { 'consumptionKg.USA.final': 10, 'x.world.total': 2 } },
      { scenario: 's', seed: 2, hash: 'bb', summary: { 'consumptionKg.USA.final': 11, 'x.world.total': 3 } },
    ];
    expect(parseCsv(summaryText(runs, 'csv'))).toEqual([
      ['scenario', 'seed', 'hash', 'consumptionKg.USA.final', 'x.world.total'],
      ['s', '1', 'aa', '10', '2'],
      ['s', '2', 'bb', '11', '3'],
    ]);
  });
});
