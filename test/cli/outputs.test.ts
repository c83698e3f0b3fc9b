/** Output paths are all checked before anything runs; read-only files and directories are refused, never replaced. */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balloon, ensureBuilt, errorLines, FIXTURE, tempDir } from './helpers';
import { SWEEP_FIXTURE } from '../sweep/helpers';

beforeAll(() => ensureBuilt());

describe('output files', () => {
  it('refuses a read-only output file (mode 444) in one line and leaves it as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'locked.csv');
    writeFileSync(file, 'keep me\n');
    chmodSync(file, 0o444);
    const r = balloon(['run', FIXTURE, '--out', file]);
    expect(r.code).toBe(1);
    expect(errorLines(r)).toEqual([`balloon: ${file}: cannot write the output file (read-only, mode 444)`]);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['locked.csv']);
  });

  it('checks --summary-out before running: a missing directory fails before --out is written', () => {
    const dir = tempDir();
    const r = balloon(['run', FIXTURE, '--out', join(dir, 'ticks.csv'), '--summary-out', join(dir, 'missing', 's.csv')]);
    expect(r.code).toBe(1);
    expect(errorLines(r)).toEqual([`balloon: ${join(dir, 'missing', 's.csv')}: cannot write the output file (no such file or directory)`]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a read-only directory and a directory, FIFO or device in place of the file', () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const r = balloon(['compare', FIXTURE, FIXTURE, '--seeds', '1', '--out', join(locked, 'c.csv')]);
    expect(r.code).toBe(1);
    expect(errorLines(r)).toEqual([`balloon: ${join(locked, 'c.csv')}: cannot write the output file (read-only directory ${locked})`]);
    const fifo = join(dir, 'pipe.csv');
    spawnSync('mkfifo', [fifo]);
    const piped = balloon(['run', FIXTURE, '--summary-out', fifo]);
    expect(piped.code).toBe(1);
    expect(errorLines(piped)).toEqual([`balloon: ${fifo}: cannot write the output file (expected a regular file, found a device, FIFO or socket)`]);
    expect(statSync(fifo).isFIFO()).toBe(true);
    const taken = join(dir, 'taken.json');
    mkdirSync(taken);
    const init = balloon(['init', taken, '--force']);
    expect(errorLines(init)).toEqual([`balloon: ${taken}: cannot write the output file (it is a directory)`]);
  });

  it('keeps the permissions of a file it replaces', () => {
    const dir = tempDir();
    const file = join(dir, 'private.csv');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o600);
    expect(balloon(['run', FIXTURE, '--summary-out', file, '-q']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe('old\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a sweep or merge --out that is read-only, or holds a read-only output, before running anything', () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const r = balloon(['sweep', SWEEP_FIXTURE, '--out', locked]);
    expect(r.code).toBe(1);
    expect(errorLines(r)).toEqual([`balloon: ${locked}: cannot write the output directory (read-only directory, mode 555)`]);
    expect(readdirSync(locked)).toEqual([]);
    const below = balloon(['sweep', SWEEP_FIXTURE, '--out', join(locked, 'new')]);
    expect(errorLines(below)).toEqual([`balloon: ${join(locked, 'new')}: cannot write the output directory (read-only directory ${locked}, mode 555)`]);

    const out = join(dir, 'out');
    expect(balloon(['sweep', SWEEP_FIXTURE, '--out', out, '-q']).code).toBe(0);
    chmodSync(join(out, 'runs.csv'), 0o444);
    const again = balloon(['sweep', SWEEP_FIXTURE, '--out', out]);
    expect(again.code).toBe(1);
    expect(errorLines(again)).toEqual([`balloon: ${join(out, 'runs.csv')}: cannot write the output file (read-only, mode 444)`]);
    const merged = balloon(['merge', out, '--out', locked]);
    expect(merged.code).toBe(1);
    expect(errorLines(merged)).toEqual([`balloon: ${locked}: cannot write the output directory (read-only directory, mode 555)`]);
  }, 120_000);
});
