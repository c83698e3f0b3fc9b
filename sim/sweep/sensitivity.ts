/**
 * Global sensitivity from a sweep's runs (host-free, deterministic):
 * - SRC: standardised regression coefficients of an outcome on all varied
 *   parameters at once (with R² telling how much a linear model explains);
 * - PRCC: partial rank correlation coefficients, robust to monotone non-linearity.
 * Both come from the same design (random or Latin hypercube designs suit them best).
 */

export interface SensitivityRow {
  outcome: string;
  parameter: string;
  src: number;
  prcc: number;
  /** R² of the linear model of the outcome on every parameter. */
  r2: number;
  /** 1 = the parameter with the largest |SRC| for this outcome. */
  rank: number;
  n: number;
}

function meanOf(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

function sdOf(xs: ArrayLike<number>, m: number): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) * (xs[i] - m);
  return Math.sqrt(s / Math.max(1, xs.length - 1));
}

/** Ranks 1..n, ties get their average rank. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b] || a - b);
  const r = new Array<number>(xs.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1]] === xs[order[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k]] = avg;
    i = j + 1;
  }
  return r;
}

/** Solves A x = b (A square, copied) by Gaussian elimination with partial pivoting; null if singular. */
export function solve(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    const scale = Math.max(1e-300, ...M.map((row) => Math.abs(row[c])));
    if (Math.abs(M[p][c]) < 1e-12 * scale || M[p][c] === 0) return null;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

/** Least squares y ~ 1 + columns; returns coefficients (without intercept) and residuals. */
function leastSquares(columns: number[][], y: readonly number[]): { beta: number[]; residuals: number[] } | null {
  const n = y.length;
  const d = columns.length;
  const means = columns.map(meanOf);
  const my = meanOf(y);
  const A: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const b = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const xj = columns[j][i] - means[j];
      b[j] += xj * (y[i] - my);
      for (let k = j; k < d; k++) A[j][k] += xj * (columns[k][i] - means[k]);
    }
  }
  for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) A[j][k] = A[k][j];
  const beta = d === 0 ? [] : solve(A, b);
  if (!beta) return null;
  const residuals = y.map((v, i) => {
    let fit = my;
    for (let j = 0; j < d; j++) fit += beta[j] * (columns[j][i] - means[j]);
    return v - fit;
  });
  return { beta, residuals };
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = meanOf(a);
  const mb = meanOf(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

/** SRC and R² of y on the columns (standardised). */
export function standardisedRegression(columns: number[][], y: readonly number[]): { src: number[]; r2: number } {
  const nan = { src: columns.map(() => NaN), r2: NaN };
  const my = meanOf(y);
  const sy = sdOf(y, my);
  if (!(sy > 0) || y.length <= columns.length + 1) return nan;
  const fit = leastSquares(columns, y);
  if (!fit) return nan;
  const src = fit.beta.map((b, j) => (b * sdOf(columns[j], meanOf(columns[j]))) / sy);
  let ssr = 0;
  let sst = 0;
  for (let i = 0; i < y.length; i++) {
    ssr += fit.residuals[i] ** 2;
    sst += (y[i] - my) ** 2;
  }
  return { src, r2: 1 - ssr / sst };
}

/** PRCC of y with each column, controlling for the others (on ranks). */
export function partialRankCorrelation(columns: number[][], y: readonly number[]): number[] {
  const rx = columns.map(ranks);
  const ry = ranks([...y]);
  return rx.map((_, j) => {
    const others = rx.filter((__, k) => k !== j);
    const ex = leastSquares(others, rx[j]);
    const ey = leastSquares(others, ry);
    return ex && ey ? correlation(ex.residuals, ey.residuals) : NaN;
  });
}

/**
 * Sensitivity of every outcome to every parameter. Parameters without variation
 * in the runs are left out (they cannot explain anything). Rows are sorted by
 * outcome order, then by |SRC| descending.
 */
export function sensitivity(parameters: Record<string, number[]>, outcomes: Record<string, number[]>): SensitivityRow[] {
  const names = Object.keys(parameters).filter((p) => {
    const xs = parameters[p];
    return xs.some((x) => x !== xs[0]);
  });
  const columns = names.map((p) => parameters[p]);
  const rows: SensitivityRow[] = [];
  for (const [outcome, ys] of Object.entries(outcomes)) {
    const keep = ys.map((v, i) => (Number.isFinite(v) && columns.every((c) => Number.isFinite(c[i])) ? i : -1)).filter((i) => i >= 0);
    const y = keep.map((i) => ys[i]);
    const cols = columns.map((c) => keep.map((i) => c[i]));
    const { src, r2 } = standardisedRegression(cols, y);
    const prcc = partialRankCorrelation(cols, y);
    const mine = names.map((parameter, j) => ({ outcome, parameter, src: src[j], prcc: prcc[j], r2, rank: 0, n: y.length }));
    mine.sort((a, b) => (Math.abs(b.src) || 0) - (Math.abs(a.src) || 0) || a.parameter.localeCompare(b.parameter));
    mine.forEach((r, k) => (r.rank = k + 1));
    rows.push(...mine);
  }
  return rows;
}

/** The measure ids among outcome names "measure.entity.stat", in first-seen order. */
export function recordedMeasures(outcomes: readonly string[]): string[] {
  return [...new Set(outcomes.map((name) => name.slice(0, name.indexOf('.') < 0 ? name.length : name.indexOf('.'))))];
}
