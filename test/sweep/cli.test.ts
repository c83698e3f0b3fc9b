/** The sweep commands as a user runs them: `node bin/balloon.mjs sweep|sensitivity|merge ...`. */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../sim/io/csv';
import { runScenario } from '../../sim/run';
import { buildPlan, plannedRun, pointScenario } from '../../sim/sweep/plan';
import { parseSweep } from '../../sim/sweep/validate';
import { balloon, BIN, ensureBuilt, errorLines, hasStack, tempDir } from '../cli/helpers';
import { baseInput, SCENARIO_FIXTURE, SWEEP_FIXTURE } from './helpers';

beforeAll(() => ensureBuilt());

function writeSweep(dir: string, body: Record<string, unknown>): string {
  const file = join(dir, 'sweep.json');
  writeFileSync(file, JSON.stringify({ name: 'test sweep', base: SCENARIO_FIXTURE, ...body }, null, 2));
  return file;
}

const csvOf = (dir: string) => parseCsv(readFileSync(join(dir, 'runs.csv'), 'utf8'));
const journalLines = (dir: string) => (existsSync(join(dir, 'journal.jsonl')) ? readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').filter((l) => l.endsWith('}')) : []);

describe('balloon sweep', () => {
  it('runs every run of the design once, with the same core and hashes as an in-process run', async () => {
    const out = join(tempDir(), 'out');
    const r = balloon(['sweep', SWEEP_FIXTURE, '--out', out, '--workers', '2']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/16 runs in runs\.csv, runs\.parquet, manifest\.json/);
    // Not a terminal: plain progress lines, the last one at 100 %.
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^sweep: 16\/16 runs \(100%\), \d+\.\d runs\/s, eta 0s$/);
    const [header, ...rows] = csvOf(out);
    expect(header.slice(0, 8)).toEqual(['run', 'point', 'replicate', 'seed', 'countries.COL.corruption', 'countries.USA.police.budgetUsdPerYear', 'routes[0].baseSeizureProbability', 'hash']);
    expect(header).toContain('consumedKg.world.final');
    expect(rows.map((row) => Number(row[0]))).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(new Set(rows.map((row) => row[3])).size).toBe(16);

    // Recompute two runs in this process from the plan: same seed, same hash.
    const sweep = parseSweep(JSON.parse(readFileSync(SWEEP_FIXTURE, 'utf8')));
    if (!sweep.ok) throw new Error('fixture');
    const plan = buildPlan(sweep.value, baseInput());
    for (const run of [0, 13]) {
      const p = plannedRun(plan, run);
      const result = runScenario(pointScenario(plan, p.point), { seed: p.seed });
      expect(rows[run][3]).toBe(String(p.seed));
      expect(rows[run][7]).toBe(result.hash);
      expect(Number(rows[run][header.indexOf('consumedKg.world.final')])).toBe(result.summary['consumedKg.world.final']);
    }

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'balloon-sweep/1', complete: true, runCount: 16, finishedRuns: 16, design: { type: 'lhs', points: 8, seedsPerPoint: 2, masterSeed: 11 } });
    expect(manifest.runs.map((x: { hash: string }) => x.hash)).toEqual(rows.map((row) => row[7]));

    const bytes = readFileSync(join(out, 'runs.parquet'));
    const records = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    expect(records.map((rec) => rec.hash)).toEqual(rows.map((row) => row[7]));
  }, 300_000);

  it('gives byte-identical outputs on 1 and 2 workers, and sharded then merged', () => {
    const dir = tempDir();
    const file = writeSweep(dir, {
      parameters: [{ path: 'markets.USA.elasticity', values: [-0.4, -0.8] }, { path: 'countries.PAN.governance', min: 0.3, max: 0.6, levels: 2 }],
      design: { type: 'grid' },
      seedsPerPoint: 2,
    });
    const one = join(dir, 'one');
    const two = join(dir, 'two');
    expect(balloon(['sweep', file, '--out', one, '--workers', '1', '-q']).code).toBe(0);
    expect(balloon(['sweep', file, '--out', two, '--workers', '2', '-q']).code).toBe(0);
    expect(readFileSync(join(two, 'runs.csv'), 'utf8')).toBe(readFileSync(join(one, 'runs.csv'), 'utf8'));
    expect(csvOf(one)).toHaveLength(9);

    const shards = [0, 1, 2].map((i) => join(dir, `shard-${i}`));
    shards.forEach((s, i) => {
      const r = balloon(['sweep', file, '--out', s, '--shard', `${i}/3`, '--workers', '1', '-q']);
      expect(r.code).toBe(0);
      expect(csvOf(s).slice(1).map((row) => Number(row[0]) % 3)).toEqual(csvOf(s).slice(1).map(() => i));
    });
    const merged = join(dir, 'merged');
    const partial = balloon(['merge', shards[0], shards[2], '--out', merged]);
    expect(partial.stdout).toMatch(/5 of 8 runs from 2 directories \(3 missing/);
    const m = balloon(['merge', shards[1], shards[0], '--out', merged]);
    expect(m.code).toBe(0);
    expect(m.stdout).toMatch(/8 of 8 runs/);
    expect(readFileSync(join(merged, 'runs.csv'), 'utf8')).toBe(readFileSync(join(one, 'runs.csv'), 'utf8'));
    expect(JSON.parse(readFileSync(join(merged, 'manifest.json'), 'utf8')).complete).toBe(true);
  }, 300_000);

  it('writes per-tick tables on request', () => {
    const dir = tempDir();
    const file = writeSweep(dir, {
      parameters: [{ path: 'countries.COL.corruption', values: [0.3, 0.7] }],
      design: { type: 'grid' },
      outputs: { measures: ['consumptionKg', 'users'] },
    });
    const out = join(dir, 'out');
    // First without per-tick tables; asking for them later redoes the runs for their tables only.
    expect(balloon(['sweep', file, '--out', out, '-q']).code).toBe(0);
    expect(existsSync(join(out, 'ticks'))).toBe(false);
    const runsBefore = readFileSync(join(out, 'runs.csv'), 'utf8');
    expect(balloon(['sweep', file, '--out', out, '--per-tick', '-q']).code).toBe(0);
    expect(readdirSync(join(out, 'ticks')).sort()).toEqual(['run-000000.csv', 'run-000001.csv']);
    expect(journalLines(out)).toHaveLength(2);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toBe(runsBefore);
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'ticks', 'run-000001.csv'), 'utf8'));
    expect(header).toEqual(['run', 'seed', 'tick', 'date', 'year', 'kind', 'entity', 'measure', 'unit', 'value']);
    expect(rows.length).toBe(2 * 24); // two measures of the one market, 24 monthly ticks
    expect(new Set(rows.map((r) => r[7]))).toEqual(new Set(['consumptionKg', 'users']));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['1']));
    const outcomes = csvOf(out)[0].slice(6);
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((k) => k.startsWith('consumptionKg.') || k.startsWith('users.'))).toBe(true);
  }, 300_000);

  it('rejects bad sweeps with one clear line before any run starts', () => {
    const dir = tempDir();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ parameters: [{ path: 'countries.PER.corruption', values: [0.1] }], design: { type: 'grid' } }, /sweep\.json: parameters\[0\]\.path: no element of countries has the id "PER" \(ids: COL, PAN, USA\)$/],
      [{ parameters: [{ path: 'countries.COL.corruption', min: 0.5, max: 1.5 }], design: { type: 'lhs', points: 4 } }, /sweep\.json: design point \d \(countries\.COL\.corruption = 1\.\d+\): parameter "countries\.COL\.corruption" gives an invalid scenario: countries\[0\]\.corruption: expected a number in \[0,1\], got 1\.\d+$/],
      [{ parameters: [{ path: 'countries.COL.corruption', min: 0.2, max: 0.4 }], design: { type: 'grid' } }, /sweep\.json: parameters\[0\]\.levels: expected a whole number ≥ 2/],
      [{ parameters: [{ path: 'routes[9].distanceKm', values: [1] }], design: { type: 'grid' } }, /sweep\.json: parameters\[0\]\.path: routes has \d elements, no index 9$/],
    ];
    for (const [body, expected] of cases) {
      const out = join(dir, 'never');
      const r = balloon(['sweep', writeSweep(dir, body), '--out', out]);
      expect(r.code).toBe(1);
      expect(hasStack(r.stderr)).toBe(false);
      const lines = errorLines(r);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(expected);
      expect(existsSync(out)).toBe(false);
    }
    const missing = balloon(['sweep', join(dir, 'nope.json'), '--out', join(dir, 'x')]);
    expect(errorLines(missing)).toEqual([expect.stringMatching(/nope\.json: cannot read the sweep file \(no such file or directory\)$/)]);
    const badWorkers = balloon(['sweep', SWEEP_FIXTURE, '--out', join(dir, 'x'), '--workers', 'many']);
    expect(badWorkers.code).toBe(2);
    expect(errorLines(badWorkers)[0]).toMatch(/--workers: expected a whole number from 1 to 1024, got "many"/);
  }, 300_000);

  it('refuses to mix two sweeps in one directory', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const a = writeSweep(dir, { parameters: [{ path: 'countries.COL.corruption', values: [0.3] }], design: { type: 'grid' } });
    expect(balloon(['sweep', a, '--out', out, '-q']).code).toBe(0);
    const b = writeSweep(dir, { parameters: [{ path: 'countries.COL.corruption', values: [0.4] }], design: { type: 'grid' } });
    const r = balloon(['sweep', b, '--out', out]);
    expect(r.code).toBe(1);
    expect(errorLines(r)[0]).toMatch(/holds the outputs of another sweep/);
  }, 300_000);

  it('a sweep killed with SIGKILL resumes with the same command: every run exactly once, same hashes as uninterrupted', async () => {
    const dir = tempDir();
    const file = writeSweep(dir, {
      parameters: [{ path: 'countries.COL.corruption', min: 0.2, max: 0.8 }, { path: 'markets.USA.elasticity', min: -1, max: -0.3 }],
      design: { type: 'random', points: 30, seed: 4 },
      masterSeed: 99,
    });
    const reference = join(dir, 'reference');
    expect(balloon(['sweep', file, '--out', reference, '--workers', '2', '-q']).code).toBe(0);

    const out = join(dir, 'killed');
    const child = spawn(process.execPath, [BIN, 'sweep', file, '--out', out, '--workers', '1', '-q'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 60_000;
    while (journalLines(out).length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const before = journalLines(out).length;
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(30);
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    // A crash in the middle of a write leaves a torn last line: it must be ignored.
    appendFileSync(join(out, 'journal.jsonl'), '{"run":29,"point":29,"repl');

    const resumed = balloon(['sweep', file, '--out', out, '--workers', '2']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`30 runs in runs\\.csv.*\\(${30 - before} ran now`));
    const runs = journalLines(out).map((l) => JSON.parse(l).run as number);
    expect(runs).toHaveLength(30);
    expect(new Set(runs).size).toBe(30);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toBe(readFileSync(join(reference, 'runs.csv'), 'utf8'));

    const again = balloon(['sweep', file, '--out', out]);
    expect(again.stdout).toMatch(/30 runs in runs\.csv/);
    expect(again.stdout).not.toMatch(/ran now/);
  }, 300_000);
});

describe('balloon sensitivity', () => {
  it('ranks the parameter that drives an outcome first and writes sensitivity.csv', () => {
    const dir = tempDir();
    const file = writeSweep(dir, {
      parameters: [
        { path: 'markets.USA.users', min: 1e6, max: 8e6 },
        { path: 'routes[0].distanceKm', min: 700, max: 900 },
      ],
      design: { type: 'lhs', points: 12, seed: 1 },
    });
    const out = join(dir, 'out');
    expect(balloon(['sweep', file, '--out', out, '-q']).code).toBe(0);
    // Users in the first year follow the initial number of users almost one to one; route length does not matter to them.
    const r = balloon(['sensitivity', out, '--outcomes', '/^users\\.USA\\.initial$/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/users\.USA\.initial {2}\(R² of linear model/);
    expect(r.stdout).not.toMatch(/consumedKg/);
    expect(r.stdout).toMatch(/ {3}1 {2}markets\.USA\.users/);
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'sensitivity.csv'), 'utf8'));
    expect(header).toEqual(['outcome', 'parameter', 'src', 'prcc', 'r2', 'rank', 'n']);
    expect(new Set(rows.map((row) => row[0]))).toContain('consumedKg.world.final');
    const users = rows.filter((row) => row[0] === 'users.USA.initial');
    expect(users.map((row) => row[1])).toEqual(['markets.USA.users', 'routes[0].distanceKm']);
    expect(Number(users[0][2])).toBeGreaterThan(0.9);
    expect(Number(users[0][3])).toBeGreaterThan(0.9);
    expect(Math.abs(Number(users[1][2]))).toBeLessThan(0.2);
  }, 300_000);

  it('explains a directory that is not a sweep', () => {
    const r = balloon(['sensitivity', tempDir()]);
    expect(r.code).toBe(1);
    expect(errorLines(r)[0]).toMatch(/expected a sweep output directory with manifest\.json and runs\.csv/);
  }, 300_000);
});
