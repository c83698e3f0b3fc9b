/** Long runs: the work limit (validate prints the estimate, run asks for --allow-long) and the progress bar with ETA on a terminal. */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balloon, BIN, ensureBuilt, errorLines, FIXTURE, ROOT, tempDir } from './helpers';

beforeAll(() => ensureBuilt());

const hasScript = spawnSync('script', ['--version']).status === 0;

function scenario(dir: string, name: string, change: (s: Record<string, unknown>) => void): string {
  const s = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  change(s);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(s));
  return file;
}

describe('long runs', () => {
  it('validate prints the work estimate over the limit; run, compare and sweep refuse without --allow-long (exit 2)', () => {
    const dir = tempDir();
    // 1 500 000 growers × 9 980 weekly ticks: valid, but minutes a run
    const big = scenario(dir, 'big.json', (s) => {
      Object.assign(s, { ticksPerYear: 52, burnInYears: 0, end: '2191-12' });
      for (const r of s.regions as { growers: number }[]) r.growers = 500_000;
    });
    const v = balloon(['validate', big]);
    expect(v.code).toBe(0);
    expect(v.stdout.split('\n')[1]).toBe('long run: 1500000 growers × 9980 ticks = 15.0 billion grower-ticks a run, over the work limit of 2.0 billion: run, compare, effect, facts and sweep need --allow-long');
    const r = balloon(['run', big]);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual([`balloon: ${big}: 1500000 growers × 9980 ticks = 15.0 billion grower-ticks a run, over the work limit of 2.0 billion (minutes a run); pass --allow-long to run it anyway (see balloon --help)`]);
    expect(balloon(['compare', FIXTURE, big]).code).toBe(2);
    const sweep = join(dir, 'sweep.json');
    writeFileSync(sweep, JSON.stringify({ name: 'big', base: big, parameters: [{ path: 'countries.COL.corruption', values: [0.3] }], design: { type: 'grid' } }));
    const s = balloon(['sweep', sweep, '--out', join(dir, 'out')]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('over the work limit');
    // the base fixture is far below it
    expect(balloon(['validate', FIXTURE]).stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
  });

  it.skipIf(!hasScript)('shows a progress bar with percentage and ETA on a terminal once a run takes over 2 s, and restores the cursor on Ctrl-C', async () => {
    const dir = tempDir();
    // 450 000 growers × 9 980 ticks: over the work limit, about 12 s on an idle machine
    const long = scenario(dir, 'long.json', (s) => {
      Object.assign(s, { ticksPerYear: 52, burnInYears: 0, end: '2190-12', policies: [] });
      for (const r of s.regions as { growers: number }[]) r.growers = 150_000;
    });
    // `script` gives the CLI a pseudo-terminal, as a user's shell would
    const child = spawn('script', ['-qfec', `${process.execPath} ${BIN} run ${long} --allow-long`, '/dev/null'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000; // host-only: test polling
    while (!/\| eta \d/.test(out) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // each frame redraws from column 1; the first frames say "eta …" until the rate is known
    const frames = out.split(/[\r\n]|\x1b\[1G/).map((l) => l.replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, ''));
    const bar = frames.find((l) => /\| eta \d/.test(l));
    expect(bar).toMatch(/^CLI test world \[[█░]+\] \d+% \| eta (\d+m)?\d+s$/);
    child.stdin.write('\x03'); // Ctrl-C through the terminal
    expect(await exited).toBe(130);
    expect(out).toContain('interrupted (SIGINT)');
    expect(out).toContain('\x1b[?25h'); // cursor shown again
  }, 120_000);
});
