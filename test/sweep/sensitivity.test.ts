import { describe, expect, it } from 'vitest';
import { createStream, normal } from '../../sim/model/rng';
import { latinHypercube } from '../../sim/sweep/designs/index';
import { partialRankCorrelation, ranks, sensitivity, solve, standardisedRegression } from '../../sim/sweep/sensitivity';

describe('sensitivity', () => {
  it('ranks with ties averaged', () => {
    expect(ranks([10, 30, 20, 20])).toEqual([1, 4, 2.5, 2.5]);
  });

  it('solves linear systems and reports singular ones', () => {
    const x = solve([[2, 1], [1, 3]], [3, 5]);
    expect(x![0]).toBeCloseTo(0.8, 12);
    expect(x![1]).toBeCloseTo(1.4, 12);
    expect(solve([[1, 2], [2, 4]], [1, 2])).toBeNull();
  });

  it('SRC recovers the standardised effects of a linear model; R² is 1 without noise', () => {
    const u = latinHypercube(3, 200, 5);
    const x = [0, 1, 2].map((k) => u.map((row) => row[k]));
    const y = u.map(([a, b, c]) => 4 * a - 2 * b + 0 * c);
    const { src, r2 } = standardisedRegression(x, y);
    // With uncorrelated inputs of equal spread, SRC_j = beta_j / sqrt(sum beta^2).
    expect(src[0]).toBeCloseTo(4 / Math.sqrt(20), 1);
    expect(src[1]).toBeCloseTo(-2 / Math.sqrt(20), 1);
    expect(Math.abs(src[2])).toBeLessThan(0.05);
    expect(r2).toBeCloseTo(1, 9);
  });

  it('PRCC sees a monotone non-linear effect that a linear model understates', () => {
    const u = latinHypercube(2, 300, 9);
    const rng = createStream(1, 'test');
    const x = [0, 1].map((k) => u.map((row) => row[k]));
    const y = u.map(([a, b]) => Math.exp(12 * a) + 0.05 * b + 0.001 * normal(rng));
    const prcc = partialRankCorrelation(x, y);
    expect(prcc[0]).toBeGreaterThan(0.99);
    expect(standardisedRegression(x, y).r2).toBeLessThan(0.9);
  });

  it('ranks parameters per outcome and leaves out constant ones', () => {
    const u = latinHypercube(2, 100, 2);
    const rows = sensitivity(
      { weak: u.map((r) => r[0]), strong: u.map((r) => r[1]), fixed: u.map(() => 3) },
      { out: u.map(([a, b]) => a + 10 * b), flat: u.map(() => 1) },
    );
    const out = rows.filter((r) => r.outcome === 'out');
    expect(out.map((r) => [r.parameter, r.rank])).toEqual([['strong', 1], ['weak', 2]]);
    expect(rows.filter((r) => r.outcome === 'flat').every((r) => Number.isNaN(r.src))).toBe(true);
  });
});
