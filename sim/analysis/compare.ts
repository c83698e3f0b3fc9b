/**
 * Outcomes of two scenarios side by side over the same seeds: for every summary key
 * both runs report, the mean of each and the paired difference (b − a) with a
 * t-based interval over seeds.
 */
import { csvLine } from '../io/csv';
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

export const COMPARISON_COLUMNS = ['outcome', 'a', 'b', 'difference', 'differenceLo', 'differenceHi', 'relative', 'seeds', 'level'] as const;

export function comparisonCsv(rows: readonly OutcomeComparison[]): string {
  return (
    csvLine(COMPARISON_COLUMNS) +
    rows.map((r) => csvLine([r.key, r.a, r.b, r.difference.mean, r.difference.lo, r.difference.hi, r.relative, r.difference.n, r.difference.level])).join('')
  );
}

/** JSON-friendly rows (NaN becomes null). */
export function comparisonJson(rows: readonly OutcomeComparison[], meta: Record<string, unknown>): string {
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  return (
    JSON.stringify(
      {
        ...meta,
        outcomes: rows.map((r) => ({
          outcome: r.key,
          a: num(r.a),
          b: num(r.b),
          difference: num(r.difference.mean),
          differenceLo: num(r.difference.lo),
          differenceHi: num(r.difference.hi),
          relative: num(r.relative),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
