import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../sim/io/csv';
import { COMPARISON_COLUMNS } from '../../sim/analysis/compare';
import { balloon, ensureBuilt, FIXTURE, tempDir } from './helpers';

describe('balloon compare', () => {
  let dir: string;
  let withoutPolicies: string;
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir();
    const s = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    s.name = 'CLI test world without policies';
    s.policies = [];
    withoutPolicies = join(dir, 'no-policies.json');
    writeFileSync(withoutPolicies, JSON.stringify(s));
  });

  it('finds exactly zero difference between a scenario and itself (runs are paired by seed)', () => {
    const out = join(dir, 'same.csv');
    const r = balloon(['compare', FIXTURE, FIXTURE, '--seeds', '2', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const records = parseCsv(readFileSync(out, 'utf8'));
    expect(records[0]).toEqual([...COMPARISON_COLUMNS]);
    expect(records.length).toBeGreaterThan(10);
    for (const row of records.slice(1)) {
      expect(row[1]).toBe(row[2]);
      expect(Number(row[3])).toBe(0);
      expect(Number(row[4])).toBe(0);
      expect(Number(row[5])).toBe(0);
    }
  });

  it('shows both scenarios side by side with paired differences and intervals', () => {
    const out = join(dir, 'diff.json');
    const r = balloon(['compare', FIXTURE, withoutPolicies, '--seeds', '3', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a: CLI test world (');
    expect(r.stdout).toContain('b: CLI test world without policies');
    expect(r.stdout).toContain('90% CI of b - a');
    const diff = JSON.parse(readFileSync(out, 'utf8'));
    expect(diff.seeds).toEqual([7, 8, 9]);
    const outcomes: { outcome: string; a: number; b: number; difference: number; differenceLo: number; differenceHi: number }[] = diff.outcomes;
    expect(outcomes.length).toBeGreaterThan(10);
    for (const o of outcomes) {
      // the mean of paired differences equals the difference of means, up to rounding
      expect(Math.abs(o.difference - (o.b - o.a))).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(o.a) + Math.abs(o.b)));
      if (o.differenceLo !== null) {
        expect(o.differenceLo).toBeLessThanOrEqual(o.difference + 1e-9 * Math.abs(o.difference));
        expect(o.differenceHi).toBeGreaterThanOrEqual(o.difference - 1e-9 * Math.abs(o.difference));
      }
    }
    // without its two policies (250 M USD a year from 2002) the world spends less
    const spend = outcomes.find((o) => o.outcome === 'spendUsd.world.total');
    expect(spend, 'the spendUsd.world.total outcome').toBeDefined();
    expect(spend!.difference).toBeLessThan(0);
  });
});
