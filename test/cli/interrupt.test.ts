import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, FIXTURE, tempDir } from './helpers';

describe('interrupting balloon run', () => {
  beforeAll(() => ensureBuilt());

  it.each(['1', '2'])('removes the unfinished output file and exits with 130 on SIGINT (%s worker threads)', async (workers) => {
    const dir = tempDir();
    const child = spawn(process.execPath, [BIN, 'run', FIXTURE, '--seeds', '500', '--workers', workers, '--out', join(dir, 'big.csv')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // wait until the temporary output exists (the runs have started), then interrupt
    const deadline = Date.now() + 60_000; // host-only: test polling
    while (readdirSync(dir).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(dir)[0]).toMatch(/^\.big\.csv\.\d+\.\d+\.tmp$/);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('interrupted (SIGINT)');
    expect(readdirSync(dir)).toEqual([]);
  });
});
