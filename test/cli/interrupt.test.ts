import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balloon, BIN, ensureBuilt, FIXTURE, tempDir } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The CLI fixture stretched to 9 980 weekly ticks and 180 000 growers (under the work limit): one run of 5 s or more. */
function longScenario(dir: string): string {
  const s = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { regions: { growers: number }[] };
  const file = join(dir, 'long.json');
  const regions = s.regions.map((r) => ({ ...r, growers: 60_000 }));
  writeFileSync(file, JSON.stringify({ ...s, regions, name: 'long', ticksPerYear: 52, burnInYears: 0, end: '2190-12', policies: [] }));
  return file;
}

/** Starts the CLI, waits for its temporary output file, then sends `signal`; returns exit code, stderr and how long it took to exit. */
async function interrupt(args: string[], dir: string, signal: NodeJS.Signals, settleMs = 300) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exitedAt = 0;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitedAt = performance.now();
      resolve(code);
    }),
  );
  const deadline = Date.now() + 60_000; // host-only: test polling
  while (!readdirSync(dir).some((f) => f.endsWith('.tmp')) && Date.now() < deadline) await sleep(20);
  await sleep(settleMs); // well inside the simulation by now
  const sentAt = performance.now();
  child.kill(signal);
  const code = await exited;
  return { code, stderr, ms: exitedAt - sentAt };
}

describe('interrupting balloon run', () => {
  beforeAll(() => ensureBuilt());

  it.each(['1', '2'])('removes the unfinished output file and exits with 130 on SIGINT (%s worker threads)', async (workers) => {
    const dir = tempDir();
    const r = await interrupt(['run', FIXTURE, '--seeds', '500', '--workers', workers, '--out', join(dir, 'big.csv')], dir, 'SIGINT', 0);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted (SIGINT)');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('stops a single long run within 0.5 s on %s (exit %i), leaves no file and says so in one line', async (signal, exitCode) => {
    const dir = tempDir();
    const scenario = longScenario(dir);
    const out = join(dir, 'out');
    spawnSync('mkdir', [out]);
    const r = await interrupt(['run', scenario, '--out', join(out, 'ticks.csv'), '--summary-out', join(out, 'summary.csv')], out, signal);
    expect(r.code).toBe(exitCode);
    expect(r.ms).toBeLessThan(500);
    expect(r.stderr.trim().split('\n')).toEqual([`balloon: interrupted (${signal}); ${join(out, 'ticks.csv')} and ${join(out, 'summary.csv')} were not written`]);
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);

  it('removes temporary files left by a Balloon process killed with -9', async () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const stale = join(dir, `.o.csv.${gone.stdout}.0.tmp`);
    writeFileSync(stale, 'half a table');
    const other = join(dir, '.o.csv.notapid.tmp'); // not ours: kept
    writeFileSync(other, '');
    expect(balloon(['run', FIXTURE, '--out', join(dir, 'o.csv'), '-q']).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.o.csv.notapid.tmp', 'o.csv']);
  });
});
