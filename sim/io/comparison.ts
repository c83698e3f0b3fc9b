/** A comparison of two scenarios (sim/analysis/compare.ts) as the files `balloon compare --out` writes: CSV or JSON. */
import { COMPARISON_COLUMNS, type OutcomeComparison } from '../analysis/compare';
import { csvLine } from './csv';

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
