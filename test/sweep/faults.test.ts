/**
 * The smaller faults of sweeps and the CLI, each as a user meets it: usage
 * mistakes exit 2, a partial merge exits 3, two sweeps on one directory, a
 * garbled journal line, manifests read from another directory, error lists cut
 * at 50.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balloon, BIN, ensureBuilt, errorLines, FIXTURE, tempDir } from '../cli/helpers';
import { SCENARIO_FIXTURE, SWEEP_FIXTURE } from './helpers';

beforeAll(() => ensureBuilt());

const journalLines = (dir: string) => (existsSync(join(dir, 'journal.jsonl')) ? readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').filter((l) => l.endsWith('}')) : []);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function bigSweep(dir: string, points: number): string {
  const file = join(dir, 'sweep.json');
  writeFileSync(
    file,
    JSON.stringify({ name: 'many', base: SCENARIO_FIXTURE, parameters: [{ path: 'countries.COL.corruption', min: 0.2, max: 0.8 }], design: { type: 'lhs', points, seed: 1 }, masterSeed: 4 }),
  );
  return file;
}

describe('smaller faults', () => {
  it('usage mistakes exit 2 with one line: --shard 2/2, a malformed --redis URL', () => {
    const dir = tempDir();
    const shard = balloon(['sweep', SWEEP_FIXTURE, '--out', join(dir, 'o'), '--shard', '2/2']);
    expect(shard.code).toBe(2);
    expect(errorLines(shard)).toEqual(['balloon: --shard: expected i/N with 0 ≤ i < N (e.g. 0/4), got "2/2" (see balloon --help)']);
    for (const url of ['localhost:6379', 'redis://', 'http://127.0.0.1:6379']) {
      const r = balloon(['sweep', SWEEP_FIXTURE, '--out', join(dir, 'o'), '--redis', url]);
      expect(r.code, url).toBe(2);
      expect(errorLines(r)).toEqual([`balloon: --redis: expected a URL such as redis://127.0.0.1:6379, got "${url}" (see balloon --help)`]);
    }
    expect(existsSync(join(dir, 'o'))).toBe(false);
  });

  it('a merge that lacks runs writes what it has and exits 3', () => {
    const dir = tempDir();
    const shard = join(dir, 'shard-0');
    expect(balloon(['sweep', SWEEP_FIXTURE, '--out', shard, '--shard', '0/4', '-q']).code).toBe(0);
    const r = balloon(['merge', shard, '--out', join(dir, 'merged')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/merged: 4 of 16 runs from 1 directory \(12 missing: run the missing shards, then merge again\)\n$/);
    expect(existsSync(join(dir, 'merged', 'runs.csv'))).toBe(true);
    const quiet = balloon(['merge', shard, '--out', join(dir, 'merged'), '-q']);
    expect(quiet.code).toBe(3);
    expect(quiet.stdout).toBe('');
    expect(errorLines(quiet)).toEqual([expect.stringMatching(/^balloon: .*merged: 4 of 16 runs from 1 directory \(12 missing/)]);
  });

  it('a second sweep on the same --out is refused at once (exit 75); after the first is killed with -9 the lock is taken over and the sweep finishes', async () => {
    const dir = tempDir();
    const file = bigSweep(dir, 300);
    const out = join(dir, 'out');
    const first = spawn(process.execPath, [BIN, 'sweep', file, '--out', out, '--workers', '1', '-q'], { stdio: 'ignore' });
    const firstExit = new Promise((resolve) => first.on('exit', (code, signal) => resolve(signal ?? code)));
    const deadline = Date.now() + 60_000; // host-only: test polling
    while (journalLines(out).length < 3 && Date.now() < deadline) await sleep(20);
    const second = balloon(['sweep', file, '--out', out, '--workers', '1']);
    expect(second.code).toBe(75);
    expect(errorLines(second)).toEqual([`balloon: ${out}: in use by balloon sweep, pid ${first.pid} on ${(await import('node:os')).hostname()}; wait for it to finish or use another --out directory`]);
    first.kill('SIGKILL');
    expect(await firstExit).toBe('SIGKILL');
    expect(existsSync(join(out, '.balloon.lock'))).toBe(true);
    const third = balloon(['sweep', file, '--out', out, '--workers', '2', '-q']);
    expect(third.code).toBe(0);
    const runs = journalLines(out).map((l) => JSON.parse(l).run as number);
    expect(new Set(runs).size).toBe(300);
    expect(existsSync(join(out, '.balloon.lock'))).toBe(false);
  }, 300_000);

  it('SIGTERM or Ctrl-C stops a local sweep within 0.5 s: exit 143/130, one line with the runs kept, lock removed; the same command resumes', async () => {
    const dir = tempDir();
    const file = bigSweep(dir, 300);
    for (const [signal, exitCode] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      const out = join(dir, `out-${signal}`);
      const child = spawn(process.execPath, [BIN, 'sweep', file, '--out', out, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      let exitedAt = 0;
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((exitedAt = performance.now()), resolve(code))));
      const deadline = Date.now() + 60_000; // host-only: test polling
      while (journalLines(out).length < 3 && Date.now() < deadline) await sleep(20);
      const sentAt = performance.now();
      child.kill(signal);
      expect(await exited).toBe(exitCode);
      expect(exitedAt - sentAt).toBeLessThan(500);
      const kept = journalLines(out).length;
      expect(stderr.trim().split('\n').at(-1)).toBe(`balloon: interrupted (${signal}); sweep stopped: ${kept} of 300 runs kept in ${out}; run the same command to resume`);
      expect(existsSync(join(out, '.balloon.lock'))).toBe(false);
    }
    const again = balloon(['sweep', file, '--out', join(dir, 'out-SIGINT'), '-q']);
    expect(again.code).toBe(0);
    expect(new Set(journalLines(join(dir, 'out-SIGINT')).map((l) => JSON.parse(l).run)).size).toBe(300);
  }, 300_000);

  it('says so when it skips a garbled journal line, and redoes that run', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect(balloon(['sweep', SWEEP_FIXTURE, '--out', out, '-q']).code).toBe(0);
    const lines = readFileSync(join(out, 'journal.jsonl'), 'utf8').split('\n');
    lines[4] = '{"run": 4, garbled by a disk';
    writeFileSync(join(out, 'journal.jsonl'), lines.join('\n'));
    appendFileSync(join(out, 'journal.jsonl'), '{"run": 99, "torn');
    const r = balloon(['sweep', SWEEP_FIXTURE, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`balloon: ${join(out, 'journal.jsonl')}: skipped unreadable line 5; cut off a last line left unfinished by an interrupted write (those runs are done again)\n`);
    expect(r.stdout).toMatch(/16 runs in runs\.csv/);
    expect(r.stdout).toMatch(/1 ran now/);
  }, 120_000);

  it('manifest.json names the sweep file and base scenario by absolute path, whatever the working directory', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'base.json'), readFileSync(SCENARIO_FIXTURE));
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ ...JSON.parse(readFileSync(SWEEP_FIXTURE, 'utf8')), base: 'base.json' }));
    expect(balloon(['sweep', 'sweep.json', '--out', 'out', '-q'], { cwd: dir }).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.sweepFile).toBe(join(dir, 'sweep.json'));
    expect(manifest.baseScenario).toBe(join(dir, 'base.json'));
  }, 120_000);

  it('an error list cut at 50 says how many more there are', () => {
    const dir = tempDir();
    const s = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    for (const c of s.countries) for (let k = 0; k < 10; k++) c[`unknownKey${k}`] = k; // 60 unknown keys
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify(s));
    const r = balloon(['validate', file]);
    expect(r.code).toBe(1);
    const lines = errorLines(r);
    expect(lines).toHaveLength(51);
    expect(lines[50]).toBe(`balloon: ${file}: and 10 more problems not listed (fix these, then validate again)`);
  });
});
