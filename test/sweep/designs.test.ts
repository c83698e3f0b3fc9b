import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designPoints, latinHypercube } from '../../sim/sweep/designs/index';
import { tableDesign } from '../../sim/sweep/designs/table';
import { gridLevels, valueAt } from '../../sim/sweep/designs/scale';
import { runSeed } from '../../sim/sweep/seeds';
import { sweepOf } from './helpers';

describe('designs', () => {
  it('grid: every combination, first parameter slowest, exact ends', () => {
    const sweep = sweepOf({
      parameters: [
        { path: 'a', values: [1, 2] },
        { path: 'b', min: 0.1, max: 0.3, levels: 3 },
      ],
      design: { type: 'grid' },
    });
    expect(designPoints(sweep)).toEqual([
      [1, 0.1], [1, 0.2], [1, 0.3],
      [2, 0.1], [2, 0.2], [2, 0.3],
    ]);
  });

  it('log-scale levels are evenly spaced in log; integer ranges round', () => {
    const [p] = sweepOf({ parameters: [{ path: 'a', min: 1, max: 1000, levels: 4, scale: 'log' }], design: { type: 'grid' } }).parameters;
    const levels = gridLevels(p) as number[];
    expect(levels[0]).toBe(1);
    expect(levels[3]).toBe(1000);
    expect(levels[1]).toBeCloseTo(10, 9);
    const [q] = sweepOf({ parameters: [{ path: 'a', min: 1, max: 10, integer: true }], design: { type: 'random', points: 1 } }).parameters;
    for (let u = 0; u < 1; u += 0.01) expect(Number.isInteger(valueAt(q, u))).toBe(true);
  });

  it('Latin hypercube: each of n strata used exactly once per dimension (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n, d, seed) => {
        const u = latinHypercube(d, n, seed);
        expect(u).toHaveLength(n);
        for (let k = 0; k < d; k++) {
          const strata = u.map((row) => Math.floor(row[k] * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('random and LHS designs: within range, deterministic in the seed, different across seeds', () => {
    for (const type of ['random', 'lhs'] as const) {
      const make = (seed: number) =>
        designPoints(sweepOf({ parameters: [{ path: 'a', min: 2, max: 5 }, { path: 'b', values: ['x', 'y', 'z'] }], design: { type, points: 50, seed } }));
      const a = make(1);
      expect(make(1)).toEqual(a);
      expect(make(2)).not.toEqual(a);
      for (const [x, y] of a) {
        expect(x).toBeGreaterThanOrEqual(2);
        expect(x).toBeLessThanOrEqual(5);
        expect(['x', 'y', 'z']).toContain(y);
      }
    }
  });

  it('table designs: columns by path in any order, values checked', () => {
    const params = sweepOf({ parameters: [{ path: 'a', min: 0, max: 1 }, { path: 'b', values: ['lo', 'hi'] }], design: { type: 'table', file: 't.csv' } }).parameters;
    expect(tableDesign(params, 'b,a\nhi,0.5\nlo,1\n')).toEqual([[0.5, 'hi'], [1, 'lo']]);
    expect(() => tableDesign(params, 'a,b\n2,hi\n', 't.csv')).toThrow('t.csv: line 2, column "a": expected a number in [0,1], got 2');
    expect(() => tableDesign(params, 'a,b\n0.2,mid\n', 't.csv')).toThrow(/column "b": expected one of "lo", "hi", got "mid"/);
    expect(() => tableDesign(params, 'a\n0.2\n', 't.csv')).toThrow(/expected a column "b"/);
    expect(() => tableDesign(params, 'a,b,c\n0.2,hi,1\n', 't.csv')).toThrow(/got "c"/);
  });

  it('run seeds: distinct for every run of a large sweep, and depend on the master seed', () => {
    const seen = new Set<number>();
    for (let r = 0; r < 200_000; r++) seen.add(runSeed(7, r));
    expect(seen.size).toBe(200_000);
    expect(runSeed(7, 5)).toBe(runSeed(7, 5));
    expect(runSeed(8, 5)).not.toBe(runSeed(7, 5));
  });
});
