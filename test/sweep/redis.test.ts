/**
 * Distributed sweeps through BullMQ against a real redis-server started on a
 * free loopback port. Skipped with a message only when redis-server is not
 * installed and CI is not set (.ci/run installs it).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../cli/helpers';
import { SCENARIO_FIXTURE } from './helpers';
import { freePort, hasRedis, redisAndCli, sleep } from './redisServer';

if (!hasRedis && process.env.CI) throw new Error('redis-server is required on CI (install it: apt-get install -y redis-server)');
if (!hasRedis) console.warn('skipping the Redis sweep tests: redis-server is not installed (apt-get install -y redis-server)');



/** The CLI with a time limit, so a bug can never hang the test run. */
function balloon(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000, env: { ...process.env, BALLOON_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const journalLines = (dir: string) => (existsSync(join(dir, 'journal.jsonl')) ? readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').filter((l) => l.endsWith('}')) : []);

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

describe.skipIf(!hasRedis)('distributed sweeps on Redis (BullMQ)', () => {
  const cluster = redisAndCli(100_000); // never hang the test run
  const start = cluster.start;

  function writeSweep(dir: string, masterSeed: number): string {
    const file = join(dir, 'sweep.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: `redis sweep ${masterSeed}`,
        base: SCENARIO_FIXTURE,
        parameters: [{ path: 'countries.COL.corruption', min: 0.2, max: 0.8 }, { path: 'markets.USA.elasticity', min: -1, max: -0.3 }],
        design: { type: 'lhs', points: 12, seed: 2 },
        seedsPerPoint: 2,
        masterSeed,
      }),
    );
    return file;
  }

  it('a producer and two worker processes give the same runs as a local sweep, and the workers exit when done', async () => {
    const dir = tempDir();
    const file = writeSweep(dir, 5);
    const local = join(dir, 'local');
    expect(balloon(['sweep', file, '--out', local, '-q']).code).toBe(0);

    const workers = [0, 1].map(() => start(['sweep', file, '--redis', cluster.url, '--role', 'worker', '--workers', '1']));
    const workerExits = workers.map(exitOf);
    const out = join(dir, 'distributed');
    const producer = start(['sweep', file, '--out', out, '--redis', cluster.url, '--role', 'producer']);
    let producerOut = '';
    producer.stdout!.on('data', (d) => (producerOut += String(d)));
    const p = await exitOf(producer);
    expect(p.code).toBe(0);
    expect(producerOut).toMatch(/24 runs in runs\.csv/);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toBe(readFileSync(join(local, 'runs.csv'), 'utf8'));
    for (const w of await Promise.all(workerExits)) expect(w.code).toBe(0);
  }, 300_000);

  it('a producer killed with SIGKILL and restarted gathers every run exactly once', async () => {
    const dir = tempDir();
    const file = writeSweep(dir, 6);
    const local = join(dir, 'local');
    expect(balloon(['sweep', file, '--out', local, '-q']).code).toBe(0);

    const worker = start(['sweep', file, '--redis', cluster.url, '--role', 'worker', '--workers', '1']);
    const workerExit = exitOf(worker);
    const out = join(dir, 'distributed');
    const first = start(['sweep', file, '--out', out, '--redis', cluster.url, '--role', 'producer', '-q']);
    const firstExit = exitOf(first);
    const deadline = Date.now() + 60_000;
    while (journalLines(out).length < 3 && Date.now() < deadline) await sleep(20);
    first.kill('SIGKILL');
    expect((await firstExit).signal).toBe('SIGKILL');
    const gathered = journalLines(out).length;
    expect(gathered).toBeGreaterThanOrEqual(3);
    expect(gathered).toBeLessThan(24);

    const second = start(['sweep', file, '--out', out, '--redis', cluster.url, '--role', 'producer', '-q']);
    expect((await exitOf(second)).code).toBe(0);
    const runs = journalLines(out).map((l) => JSON.parse(l).run as number);
    expect(runs).toHaveLength(24);
    expect(new Set(runs).size).toBe(24);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toBe(readFileSync(join(local, 'runs.csv'), 'utf8'));
    expect((await workerExit).code).toBe(0);
  }, 300_000);

  it('says so clearly when Redis cannot be reached (exit 75: try again later)', async () => {
    const port = await freePort();
    const dir = tempDir();
    const r = balloon(['sweep', writeSweep(dir, 7), '--out', join(dir, 'o'), '--redis', `redis://127.0.0.1:${port}`, '--role', 'producer']);
    expect(r.code).toBe(75);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^balloon: --redis redis://127\\.0\\.0\\.1:${port}: cannot reach Redis \\(`))]);
  }, 300_000);
});
