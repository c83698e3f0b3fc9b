import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balloon, BIN, ensureBuilt, errorLines, FIXTURE, hasStack, ROOT, tempDir } from './helpers';

describe('usage errors exit with 2', () => {
  beforeAll(() => ensureBuilt());

  it('unknown command', () => {
    const r = balloon(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('unknown option', () => {
    const r = balloon(['run', FIXTURE, '--sed', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sed');
  });

  it('missing argument', () => {
    expect(balloon(['validate']).code).toBe(2);
    expect(balloon(['compare', FIXTURE]).code).toBe(2);
  });

  it('bad option values, each in one line naming the option', () => {
    for (const args of [['--workers', '0'], ['--seeds', '0'], ['--seeds', 'many'], ['--seed', '-1'], ['--seed', '1.5'], ['--out', 'results.txt'], ['--summary-out', 's.xlsx']]) {
      const r = balloon(['run', FIXTURE, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      const lines = errorLines(r);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(args[0]);
      expect(lines[0]).toContain(args[1]);
    }
  });

  it('refuses to overwrite the scenario or to write two outputs to one file', () => {
    // a scenario saved under an output-like name
    const odd = join(tempDir(), 'world.csv');
    copyFileSync(FIXTURE, odd);
    const clobber = balloon(['run', odd, '--out', odd]);
    expect(clobber.code).toBe(2);
    expect(clobber.stderr).toContain('it would be overwritten');
    const twice = balloon(['run', FIXTURE, '--out', 'x.csv', '--summary-out', './x.csv'], { cwd: tempDir() });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--summary-out: expected a different file from --out');
  });

  it('effect needs exactly one of --policy and --lever when the scenario has several policies', () => {
    const neither = balloon(['effect', FIXTURE]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('has 2 policies: 0: eradication COL; 1: prevention USA');
    expect(balloon(['effect', FIXTURE, '--policy', '0', '--lever', 'eradication']).code).toBe(2);
    expect(balloon(['effect', FIXTURE, '--lever', 'magic']).code).toBe(2);
  });

  it('effect on a scenario with one policy measures that policy without --policy', () => {
    const dir = tempDir();
    const one = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    one.policies = one.policies.slice(0, 1);
    const file = join(dir, 'one-policy.json');
    writeFileSync(file, JSON.stringify(one));
    const r = balloon(['effect', file, '--seeds', '2'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Balloon effect of');
    expect(r.stdout).toContain('eradication');
  });

  it('help and version exit with 0', () => {
    const help = balloon(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['run', 'validate', 'compare', 'effect']) expect(help.stdout).toContain(command);
    const version = balloon(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('no command shows help and exits with 2', () => {
    const r = balloon([]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('Usage: balloon');
  });

  it('says to run npm install when the CLI is not built', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin', 'balloon.mjs'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'balloon.mjs'), '--help'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('run `npm install`');
  });

  it('stops quietly when its output pipe closes early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" run "${FIXTURE}" | head -n 1`], { encoding: 'utf8', cwd: ROOT });
    expect(r.stdout).toBe('Balloon: CLI test world (test/cli/fixtures/small-scenario.json)\n');
    expect(r.stderr).toBe('');
  });
});
