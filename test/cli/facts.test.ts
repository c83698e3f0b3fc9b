import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../sim/io/csv';
import { FACTS } from '../../sim/analysis/facts';
import { balloon, ensureBuilt, FIXTURE, ROOT, tempDir } from './helpers';

describe('balloon facts', () => {
  beforeAll(() => ensureBuilt());

  it('prints every fact with its measure, interval and verdict, and writes them', () => {
    const out = join(tempDir(), 'facts.csv');
    const r = balloon(['facts', FIXTURE, '--seeds', '2', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('seeds 7..8 (2)');
    for (const f of FACTS) {
      expect(r.stdout).toContain(f.statement);
      expect(r.stdout).toContain(`${f.id}: ${f.measure}`);
    }
    expect(r.stdout).toMatch(/\d+ of 10 facts hold/);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['fact', 'statement', 'measure', 'expectation', 'mean', 'lo', 'hi', 'seeds', 'level', 'holds']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(FACTS.map((f) => f.id));
    for (const row of rows.slice(1)) expect(['true', 'false']).toContain(row[9]);
    // the fixture has no Bolivia: that fact cannot hold
    expect(rows.find((row) => row[0] === 'bolivia-rises')![9]).toBe('false');
  });

  it('measures the bundled colombia-2000s scenario by default', () => {
    const name = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'colombia-2000s.json'), 'utf8')).name;
    const r = balloon(['facts', '--seeds', '2', '--out', join(tempDir(), 'facts.json')], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain(name);
  });
});
