import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mean, meanInterval, normalQuantile, quantileSorted, ratioOfMeans, sd, spreadInterval, tQuantile } from '../../sim/analysis/stats';

describe('quantiles', () => {
  it('matches published normal and Student-t tables', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    // t_{0.95} for df = 1, 2, 3, 4, 10, 30 (two-sided 90%)
    const table: [number, number][] = [[1, 6.314], [2, 2.92], [3, 2.353], [4, 2.132], [10, 1.812], [30, 1.697]];
    for (const [df, t] of table) expect(tQuantile(0.95, df)).toBeCloseTo(t, 2);
    expect(tQuantile(0.975, 5)).toBeCloseTo(2.571, 2);
  });

  it('interpolates order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
  });
});

describe('intervals', () => {
  it('gives the t interval of the mean', () => {
    const xs = [1, 2, 3, 4, 5];
    const e = meanInterval(xs, 0.9);
    expect(e.mean).toBe(3);
    expect(sd(xs)).toBeCloseTo(Math.sqrt(2.5), 12);
    const half = 2.132 * Math.sqrt(2.5) / Math.sqrt(5);
    expect(e.lo).toBeCloseTo(3 - half, 2);
    expect(e.hi).toBeCloseTo(3 + half, 2);
  });

  it('has no interval for a single value', () => {
    const e = meanInterval([4]);
    expect(e.mean).toBe(4);
    expect(Number.isNaN(e.lo) && Number.isNaN(e.hi)).toBe(true);
  });

  it('always contains the mean, for the mean interval and the spread', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 30 }), (xs) => {
        for (const e of [meanInterval(xs), spreadInterval(xs)]) {
          expect(e.lo).toBeLessThanOrEqual(e.mean + 1e-6 * (1 + Math.abs(e.mean)));
          expect(e.hi).toBeGreaterThanOrEqual(e.mean - 1e-6 * (1 + Math.abs(e.mean)));
        }
        expect(mean(xs)).toBeCloseTo(xs.reduce((s, x) => s + x, 0) / xs.length, 3);
      }),
    );
  });

  it('bootstraps a ratio of means deterministically, around the point estimate', () => {
    const num = [2, 3, 2.5, 4, 3.5, 2.8];
    const den = [4, 5, 5, 7, 6, 5];
    const a = ratioOfMeans(num, den, 0.9, 11);
    const b = ratioOfMeans(num, den, 0.9, 11);
    expect(a).toEqual(b);
    expect(a.mean).toBeCloseTo(17.8 / 32, 12);
    expect(a.lo).toBeLessThan(a.mean);
    expect(a.hi).toBeGreaterThan(a.mean);
    expect(a.lo).toBeGreaterThan(0.4);
    expect(a.hi).toBeLessThan(0.7);
    expect(ratioOfMeans(num, den, 0.9, 12)).not.toEqual(a);
  });

  it('gives NaN for a ratio with a zero denominator', () => {
    expect(Number.isNaN(ratioOfMeans([1, 2], [0, 0]).mean)).toBe(true);
  });
});
