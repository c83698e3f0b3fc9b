import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../sim/io/csv';
import { TIDY_COLUMNS } from '../../sim/io/tidy';
import { runScenario } from '../../sim/run';
import { scenarioSchema } from '../../sim/scenario/schema';
import { balloon, ensureBuilt, errorLines, FIXTURE, ROOT, tempDir } from './helpers';

const KINDS = new Set(['world', 'country', 'region', 'route', 'market', 'policy']);
/** 2000-01 to 2005-12, monthly. */
const TICKS = 72;

describe('balloon run', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir();
  });

  it('prints a readable summary and writes a tidy CSV whose rows parse', () => {
    const out = join(dir, 'one.csv');
    const r = balloon(['run', FIXTURE, '--seed', '3', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CLI test world');
    expect(r.stdout).toMatch(/seed 3\b/);
    expect(r.stdout).toMatch(/hash [0-9a-f]{16}/);
    for (const block of ['Coca cultivation by producer country', 'Consumption by market', 'Seizures by country', 'Wholesale price by market', 'Policy spend', 'Violence index']) {
      expect(r.stdout).toContain(block);
    }
    expect(r.stdout).toMatch(/^COL\s+\S+\s+\S+\s+(\S+%|n\/a)$/m);

    const records = parseCsv(readFileSync(out, 'utf8'));
    expect(records[0]).toEqual([...TIDY_COLUMNS]);
    const rows = records.slice(1);
    expect(rows.length).toBeGreaterThan(TICKS * 20);
    const measures = new Set<string>();
    for (const row of rows) {
      expect(row).toHaveLength(TIDY_COLUMNS.length);
      const [seed, tick, date, year, kind, entity, measure, , value] = row;
      expect(seed).toBe('3');
      expect(Number(tick)).toBeGreaterThanOrEqual(0);
      expect(Number(tick)).toBeLessThan(TICKS);
      expect(date).toMatch(/^200[0-5]-(0[1-9]|1[0-2])$/);
      expect(Math.floor(Number(year))).toBe(Number(date.slice(0, 4)));
      expect(KINDS.has(kind)).toBe(true);
      expect(entity).not.toBe('');
      expect(Number.isFinite(Number(value))).toBe(true);
      measures.add(`${kind}/${measure}`);
    }
    for (const m of ['country/cultivationHa', 'route/flowKg', 'market/consumptionKg', 'market/wholesalePriceUsdPerKg', 'world/producedKg']) {
      expect(measures.has(m), m).toBe(true);
    }
    expect(r.stdout).toContain(`wrote ${rows.length} rows`);
  });

  it('gives byte-identical files for the same seed and different ones for another seed', () => {
    const [a, b, c] = ['a.csv', 'b.csv', 'c.csv'].map((f) => join(dir, f));
    expect(balloon(['run', FIXTURE, '--seed', '11', '--out', a, '--quiet']).code).toBe(0);
    expect(balloon(['run', FIXTURE, '--seed', '11', '--out', b, '--quiet']).code).toBe(0);
    expect(balloon(['run', FIXTURE, '--seed', '12', '--out', c, '--quiet']).code).toBe(0);
    const bytes = [a, b, c].map((f) => readFileSync(f));
    expect(bytes[0].equals(bytes[1])).toBe(true);
    expect(bytes[0].equals(bytes[2])).toBe(false);
  });

  it('runs several seeds from --seed upward and reports means with 90% ranges', () => {
    const out = join(dir, 'three.csv');
    const summary = join(dir, 'summary.csv');
    const r = balloon(['run', FIXTURE, '--seed', '20', '--seeds', '3', '--out', out, '--summary-out', summary]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('seeds 20..22 (3 runs)');
    expect(r.stdout).toContain('mean [5th, 95th percentile across seeds]');
    // a data row of the consumption block: "USA  mean [lo, hi]  mean [lo, hi]  change"
    const usa = r.stdout.split('\n').find((l) => /^USA\s/.test(l));
    expect(usa).toMatch(/^USA\s+\S+ \[\S+, \S+\]\s+\S+ \[\S+, \S+\]/);
    const rows = parseCsv(readFileSync(out, 'utf8')).slice(1);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['20', '21', '22']));

    const runs = parseCsv(readFileSync(summary, 'utf8'));
    expect(runs[0].slice(0, 3)).toEqual(['scenario', 'seed', 'hash']);
    expect(runs.slice(1).map((row) => row[1])).toEqual(['20', '21', '22']);
    expect(new Set(runs.slice(1).map((row) => row[2])).size).toBe(3);
    for (const row of runs.slice(1)) {
      expect(row).toHaveLength(runs[0].length);
      for (const v of row.slice(3)) expect(Number.isFinite(Number(v))).toBe(true);
    }
  });

  it('gives the same files and report whatever the number of worker threads', () => {
    const [one, two] = ['w1.csv', 'w2.csv'].map((f) => join(dir, f));
    const a = balloon(['run', FIXTURE, '--seeds', '3', '--workers', '1', '--out', one]);
    const b = balloon(['run', FIXTURE, '--seeds', '3', '--workers', '2', '--out', two]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(readFileSync(one).equals(readFileSync(two))).toBe(true);
    expect(b.stdout.replace(/w2\.csv/, 'w1.csv')).toBe(a.stdout);
  });

  it('gives the same run hash as the core called in-process', () => {
    const summary = join(dir, 'hash.csv');
    expect(balloon(['run', FIXTURE, '--seed', '5', '--summary-out', summary, '--quiet']).code).toBe(0);
    const [header, row] = parseCsv(readFileSync(summary, 'utf8'));
    const scenario = scenarioSchema.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    const direct = runScenario(scenario, { seed: 5 });
    expect(row[header.indexOf('hash')]).toBe(direct.hash);
    expect(Number(row[header.indexOf('consumedKg.world.total')])).toBe(direct.summary['consumedKg.world.total']);
  });

  it('writes JSON lines when the file ends in .jsonl', () => {
    const out = join(dir, 'rows.jsonl');
    expect(balloon(['run', FIXTURE, '--out', out, '--quiet']).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(TICKS * 20);
    for (const line of lines.slice(0, 500)) {
      const row = JSON.parse(line);
      expect(Object.keys(row)).toEqual([...TIDY_COLUMNS]);
      expect(row.seed).toBe(7); // the scenario's own seed
      expect(typeof row.value).toBe('number');
    }
  });

  it('keeps only the measures asked for', () => {
    const out = join(dir, 'some.csv');
    const r = balloon(['run', FIXTURE, '--out', out, '--measures', 'route/flowKg,consumptionKg', '--quiet']);
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8')).slice(1);
    expect(new Set(rows.map((row) => `${row[4]}/${row[6]}`))).toEqual(new Set(['route/flowKg', 'market/consumptionKg']));
    expect(rows).toHaveLength(TICKS * (8 + 2)); // 8 routes and 2 markets, every tick
    const bad = balloon(['run', FIXTURE, '--out', out, '--measures', 'flowKg,cocaLeaves']);
    expect(bad.code).toBe(2);
    expect(errorLines(bad)).toHaveLength(1);
    expect(bad.stderr).toContain('--measures');
    expect(bad.stderr).toContain('"cocaLeaves"');
  });

  it('prints nothing with --quiet', () => {
    const r = balloon(['run', FIXTURE, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('leaves no output file, not even a partial one, when the input is invalid', () => {
    const bad = join(dir, 'bad.json');
    const s = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    s.ticksPerYear = 0;
    writeFileSync(bad, JSON.stringify(s));
    const sub = tempDir();
    const out = join(sub, 'never.csv');
    const r = balloon(['run', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('says in one line when an output file cannot be written', () => {
    const sub = tempDir();
    const missing = balloon(['run', FIXTURE, '--out', join(sub, 'missing-dir', 'x.csv')]);
    expect(missing.code).toBe(1);
    expect(errorLines(missing)).toEqual([`balloon: ${join(sub, 'missing-dir', 'x.csv')}: cannot write the output file (no such file or directory)`]);
    // the target is an existing directory: the rename fails after the run
    const dirTarget = join(sub, 'taken.csv');
    mkdirSync(dirTarget);
    const taken = balloon(['run', FIXTURE, '--out', dirTarget]);
    expect(taken.code).toBe(1);
    expect(errorLines(taken)).toHaveLength(1);
    expect(taken.stderr).toContain('taken.csv: cannot write the output file');
    expect(readdirSync(sub).sort()).toEqual(['taken.csv']);
  });

  it('runs the bundled baseline when no scenario is given, from any directory', () => {
    const baseline = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'baseline.json'), 'utf8'));
    const r = balloon(['run', '--out', 'base.csv'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain(baseline.name);
    expect(existsSync(join(dir, 'base.csv'))).toBe(true);
  });

  it('runs every bundled scenario and reports its policies', () => {
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const f of files) {
      const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8'));
      const r = balloon(['run', f.replace(/\.json$/, '')], { cwd: dir });
      expect(r.stderr, f).toBe('');
      expect(r.code, f).toBe(0);
      expect(r.stdout.split('\n')[0]).toContain(scenario.name);
      for (const block of ['World', 'Consumption by market', 'Flow by route']) expect(r.stdout, f).toContain(block);
      const funded = (scenario.policies ?? []).some((p: { budgetUsdPerYear?: number }) => (p.budgetUsdPerYear ?? 0) > 0);
      if (funded) expect(r.stdout, f).toContain('Policy spend (USD)');
    }
  });
});
