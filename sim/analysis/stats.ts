/**
 * Means and intervals over seeds. Host-free and deterministic: the bootstrap
 * draws from a seeded stream, and log/tan come from sim/math/detmath (not the
 * engine's Math), so the same inputs give the same interval in Node and browsers.
 */
import { log, tan } from '../math/detmath';
import { createStream } from '../model/rng';
import { normalQuantile as standardNormalQuantile } from '../math/normal-quantile';

export interface Estimate {
  mean: number;
  /** Lower and upper ends of the interval; NaN when it cannot be computed (fewer than 2 values). */
  lo: number;
  hi: number;
  n: number;
  /** Interval coverage, e.g. 0.9. */
  level: number;
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (n − 1). */
export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

/** Mean absolute change of the log from one value to the next, over values[from..]: how jumpy a price series is. */
export function meanAbsLogChange(values: ArrayLike<number>, from = 0): number {
  let moves = 0;
  for (let i = from + 1; i < values.length; i++) moves += Math.abs(Math.log(values[i] / values[i - 1]));
  return moves / (values.length - from - 1);
}

/** Quantile p of sorted values, linear interpolation between order statistics (type 7). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Standard normal quantile for any p: ±Infinity at and beyond 0 and 1, NaN for NaN, else the
 * model's own (sim/math/normal-quantile.ts: Acklam's rational approximation, relative error < 1.2e-9).
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  return Number.isNaN(p) ? NaN : standardNormalQuantile(p);
}

/**
 * Student-t quantile: exact for 1 and 2 degrees of freedom, otherwise the
 * Cornish–Fisher expansion around the normal quantile (Abramowitz & Stegun 26.7.5),
 * accurate to about 1e-3 from 3 degrees of freedom.
 */
export function tQuantile(p: number, df: number): number {
  if (df === 1) return tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  const z2 = z * z;
  const g1 = (z2 + 1) * z / 4;
  const g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) + g4 / (df * df * df * df);
}

/** Mean with a t-based confidence interval for the mean (paired differences: pass the differences). */
export function meanInterval(xs: readonly number[], level = 0.9): Estimate {
  const m = mean(xs);
  if (xs.length < 2) return { mean: m, lo: NaN, hi: NaN, n: xs.length, level };
  const half = tQuantile(0.5 + level / 2, xs.length - 1) * (sd(xs) / Math.sqrt(xs.length));
  return { mean: m, lo: m - half, hi: m + half, n: xs.length, level };
}

/** Mean with the central `level` range of the values themselves (spread across seeds, not the mean's uncertainty). */
export function spreadInterval(xs: readonly number[], level = 0.9): Estimate {
  const m = mean(xs);
  if (xs.length < 2) return { mean: m, lo: NaN, hi: NaN, n: xs.length, level };
  const sorted = [...xs].sort((a, b) => a - b);
  return { mean: m, lo: quantileSorted(sorted, (1 - level) / 2), hi: quantileSorted(sorted, 1 - (1 - level) / 2), n: xs.length, level };
}

/**
 * Ratio of means Σnum/Σden with a percentile bootstrap interval over units
 * (seeds), resampling num and den together so the pairing is kept.
 * Resamples whose denominator is 0 are skipped.
 */
export function ratioOfMeans(num: readonly number[], den: readonly number[], level = 0.9, seed = 1, resamples = 2000): Estimate {
  const n = Math.min(num.length, den.length);
  const ratio = (idx: (i: number) => number) => {
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      const k = idx(i);
      a += num[k];
      b += den[k];
    }
    return b === 0 ? NaN : a / b;
  };
  const point = ratio((i) => i);
  if (n < 2 || !Number.isFinite(point)) return { mean: point, lo: NaN, hi: NaN, n, level };
  const rng = createStream(seed, 'analysis:bootstrap');
  const draws: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const value = ratio(() => Math.floor(rng() * n));
    if (Number.isFinite(value)) draws.push(value);
  }
  draws.sort((a, b) => a - b);
  return { mean: point, lo: quantileSorted(draws, (1 - level) / 2), hi: quantileSorted(draws, 1 - (1 - level) / 2), n, level };
}
