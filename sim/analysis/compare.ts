/**
 * Outcomes of two scenarios side by side over the same seeds: for every summary key
 * both runs report, the mean of each and the paired difference (b − a) with a
 * t-based interval over seeds.
 */
import type { Pair } from './paired';
import { mean, meanInterval, type Estimate } from './stats';

export interface OutcomeComparison {
  key: string;
  a: number;
  b: number;
  /** b − a, paired by seed. */
  difference: Estimate;
  /** (b − a) / |a| of the means; NaN when a is 0. */
  relative: number;
}

export function compareSummaries(pairs: readonly Pair<Record<string, number>>[], level = 0.9): OutcomeComparison[] {
  if (pairs.length === 0) return [];
  const keys = Object.keys(pairs[0].a).filter((k) => pairs.every((p) => k in p.a && k in p.b));
  return keys.map((key) => {
    const a = mean(pairs.map((p) => p.a[key]));
    const b = mean(pairs.map((p) => p.b[key]));
    return {
      key,
      a,
      b,
      difference: meanInterval(pairs.map((p) => p.b[key] - p.a[key]), level),
      relative: a === 0 ? NaN : (b - a) / Math.abs(a),
    };
  });
}

/** The fields of a comparison row, in the order the CSV writes them (sim/io/comparison.ts) and the app exports them. */
export const COMPARISON_COLUMNS = ['outcome', 'a', 'b', 'difference', 'differenceLo', 'differenceHi', 'relative', 'seeds', 'level'] as const;
