import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balloon, ensureBuilt, errorLines, FIXTURE, tempDir } from './helpers';

describe('balloon effect', () => {
  beforeAll(() => ensureBuilt());

  it('prints the displacement index and cost-effectiveness of a policy and writes them as JSON', () => {
    const out = join(tempDir(), 'effect.json');
    const r = balloon(['effect', FIXTURE, '--policy', '0', '--seeds', '3', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('eradication COL');
    expect(r.stdout).toContain('coca cultivation in COL vs the other producer countries');
    expect(r.stdout).toMatch(/displacement index \(0 none, 1 all\)\s+-?[\d.]+/);
    const effect = JSON.parse(readFileSync(out, 'utf8'));
    expect(effect.seeds).toEqual([7, 8, 9]);
    expect(effect.target.target).toEqual(['COL']);
    expect(effect.displacementIndex.mean).toBeCloseTo(effect.elsewhereIncrease.mean / effect.targetReduction.mean, 9);
  });

  it('gives the same estimates on one or two worker threads', () => {
    const dir = tempDir();
    const [one, two] = ['e1.json', 'e2.json'].map((f) => join(dir, f));
    expect(balloon(['effect', FIXTURE, '--lever', 'prevention', '--seeds', '2', '--workers', '1', '--out', one, '--quiet']).code).toBe(0);
    expect(balloon(['effect', FIXTURE, '--lever', 'prevention', '--seeds', '2', '--workers', '2', '--out', two, '--quiet']).code).toBe(0);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
    const effect = JSON.parse(readFileSync(one, 'utf8'));
    expect(effect.intervention).toBe('all prevention levers');
    expect(effect.target).toBeNull();
  });

  it('finds a policy by its label', () => {
    const dir = tempDir();
    const [byIndex, byLabel] = ['i.json', 'l.json'].map((f) => join(dir, f));
    expect(balloon(['effect', FIXTURE, '--policy', '1', '--seeds', '2', '--out', byIndex, '--quiet']).code).toBe(0);
    expect(balloon(['effect', FIXTURE, '--policy', 'prevention USA', '--seeds', '2', '--out', byLabel, '--quiet']).code).toBe(0);
    expect(readFileSync(byLabel, 'utf8')).toBe(readFileSync(byIndex, 'utf8'));
    const missing = balloon(['effect', FIXTURE, '--policy', 'spraying']);
    expect(missing.code).toBe(1);
    expect(errorLines(missing)).toHaveLength(1);
    expect(missing.stderr).toContain('0: eradication COL; 1: prevention USA');
  });

  it('says which policy index does not exist', () => {
    const r = balloon(['effect', FIXTURE, '--policy', '5']);
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(r.stderr).toContain('policies[5]');
  });
});
