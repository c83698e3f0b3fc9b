/**
 * sim/math/tablemath: the grower phase's fast exp and log stay within a few ulp of
 * the engine's functions over every range the model uses, hand the special cases to
 * detmath, and are exact where they must be. (That they give the same bits in Node
 * and Chromium is test/browser/tablemath.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { fastExp, fastLog } from '../../sim/math/tablemath';
import { exp, log } from '../../sim/math/detmath';

/** A fixed linear congruential stream. */
function stream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
}

describe('table-driven exp and log', () => {
  it('exp is within 3 ulp of Math.exp on (-700, 700)', () => {
    const next = stream(1);
    let worst = 0;
    for (let i = 0; i < 500_000; i++) {
      const x = i % 2 === 0 ? next() * 1400 - 700 : next() * 40 - 20;
      worst = Math.max(worst, Math.abs(fastExp(x) - Math.exp(x)) / Math.exp(x));
    }
    expect(worst).toBeLessThan(3 * 2 ** -52);
    expect(worst).toBeGreaterThan(0); // it is not detmath's exp under another name
  });

  it('log is within 3 ulp of Math.log where |ln x| > 1, and within 4e-16 absolute where it is smaller', () => {
    const next = stream(2);
    const scales = [1e-300, 1e-30, 1e-4, 0.01, 1, 100, 1e4, 1e8, 1e30, 1e300];
    let relative = 0;
    let absolute = 0;
    for (let i = 0; i < 500_000; i++) {
      const x = (next() + 1e-9) * scales[i % scales.length];
      const err = Math.abs(fastLog(x) - Math.log(x));
      if (Math.abs(Math.log(x)) > 1) relative = Math.max(relative, err / Math.abs(Math.log(x)));
      else absolute = Math.max(absolute, err);
    }
    expect(relative).toBeLessThan(3 * 2 ** -52);
    expect(absolute).toBeLessThan(4e-16);
  });

  it('is exact at the anchors and hands special values to detmath', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastLog(1)).toBe(0);
    expect(fastLog(2)).toBe(log(2));
    expect(fastLog(1024)).toBe(log(1024));
    for (const x of [-800, 800, 709, -745, Infinity, -Infinity, NaN]) expect(Object.is(fastExp(x), exp(x)), `exp(${x})`).toBe(true);
    for (const x of [0, -0, -1, 5e-324, 1e-310, 2 ** 1022, Number.MAX_VALUE, Infinity, NaN]) expect(Object.is(fastLog(x), log(x)), `log(${x})`).toBe(true);
  });

  it('is monotone across table cells (no step where two cells meet)', () => {
    for (let j = 1; j < 256; j++) {
      const edge = 1 + j / 256;
      const below = edge - 2 ** -52;
      expect(fastLog(below)).toBeLessThanOrEqual(fastLog(edge));
      const x = (j * Math.LN2) / 256;
      expect(fastExp(x - 1e-15)).toBeLessThanOrEqual(fastExp(x + 1e-15));
    }
  });
});
