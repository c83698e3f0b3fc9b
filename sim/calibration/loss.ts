/**
 * Losses of a candidate from its per-seed numbers (evaluate.ts), one per target,
 * and the fit table of a candidate (observed, fitted mean, 90% band). Every loss
 * is documented in docs/calibration.md:
 *   series, "msle"      mean over years of (ln(1+m_y) - ln(1+o_y))^2, m_y = mean over seeds
 *   series, "relative"  mean over years of (m_y/m_first - o_y/o_first)^2
 *   series, seeds "each"  the same loss of each seed's own series, averaged over seeds
 *   effect              0 inside the band [lo, hi]; outside, ((distance to the band) / scale)^2,
 *                       scale = hi - lo, or |the finite end| for an open band (1 if that end is 0)
 *   fact                0 when the fact holds over the seeds (as `balloon facts` judges it), else 1
 * A statistic that cannot be computed (NaN: e.g. the intervention did not reduce its
 * target) costs UNDEFINED_LOSS. The total is the weighted sum.
 */
import { FACTS } from '../analysis/facts';
import { mean, meanInterval, ratioOfMeans, spreadInterval, type Estimate } from '../analysis/stats';
import { log1p } from '../math/detmath';
import { statKey, type CalibrationSpec, type SpecEffect, type SpecFact, type SpecSeries, type SpecTarget } from './spec';

export const UNDEFINED_LOSS = 10;
const LEVEL = 0.9;

/** Per-seed summaries of one candidate (null where a run's number was not finite). */
export type SeedSummaries = readonly Record<string, number | null>[];

/** One seed's number under `key` (NaN where the run had none). */
function numberAt(run: SeedSummaries[number], key: string): number {
  const v = run[key];
  return typeof v === 'number' ? v : NaN;
}

function column(runs: SeedSummaries, key: string): number[] {
  return runs.map((r) => numberAt(r, key));
}

const finite = (xs: number[]) => xs.filter((x) => Number.isFinite(x));

function seriesMeans(t: SpecSeries, i: number, runs: SeedSummaries): number[] {
  return t.years.map((y) => mean(finite(column(runs, statKey.year(i, y)))));
}

export function seriesLoss(t: SpecSeries, i: number, runs: SeedSummaries): number {
  if (t.seeds === 'each') {
    // Each seed's own series against the record, then the mean over the seeds that have one.
    const losses = runs.map((r) => lossOf(t, t.years.map((y) => numberAt(r, statKey.year(i, y))))).filter((x) => Number.isFinite(x));
    return losses.length > 0 ? mean(losses) : UNDEFINED_LOSS;
  }
  const loss = lossOf(t, seriesMeans(t, i, runs));
  return Number.isFinite(loss) ? loss : UNDEFINED_LOSS;
}

/** The loss of one modelled series m (by year) against the record (NaN when it cannot be computed). */
function lossOf(t: SpecSeries, m: number[]): number {
  const o = t.observed;
  let sum = 0;
  for (let k = 0; k < m.length; k++) {
    const d = t.loss === 'msle' ? log1p(Math.max(0, m[k])) - log1p(Math.max(0, o[k])) : m[k] / m[0] - o[k] / o[0];
    sum += d * d;
  }
  return sum / m.length;
}

/** The effect statistic over seeds: ratio of means Σnum/Σden; NaN when Σden ≤ 0 (nothing reduced, or an empty baseline). */
export function effectStatistic(t: SpecEffect, i: number, runs: SeedSummaries, seed = 1): Estimate {
  const num = column(runs, statKey.num(i));
  const den = column(runs, statKey.den(i));
  const keep = num.map((_, k) => Number.isFinite(num[k]) && Number.isFinite(den[k]));
  const n = num.filter((_, k) => keep[k]);
  const d = den.filter((_, k) => keep[k]);
  const total = d.reduce((a, b) => a + b, 0);
  // relativeChange divides by the level without the intervention; the others by a change it must cause.
  const reduced = t.statistic === 'relativeChange' ? total !== 0 : total > 0;
  if (!reduced || n.length === 0) return { mean: NaN, lo: NaN, hi: NaN, n: n.length, level: LEVEL };
  return ratioOfMeans(n, d, LEVEL, seed);
}

export function bandLoss(value: number, band: readonly [number | null, number | null]): number {
  if (!Number.isFinite(value)) return UNDEFINED_LOSS;
  const [lo, hi] = band;
  const scale = lo !== null && hi !== null ? hi - lo : Math.abs((lo ?? hi)!) || 1;
  const distance = lo !== null && value < lo ? lo - value : hi !== null && value > hi ? value - hi : 0;
  return (distance / scale) ** 2;
}

/** The fact's estimate over seeds and whether it holds, exactly as sim/analysis/facts.ts evaluateFacts judges it. */
export function factEstimate(t: SpecFact, i: number, runs: SeedSummaries, seed = 1): { estimate: Estimate; holds: boolean } {
  const fact = FACTS.find((f) => f.id === t.fact)!;
  const num = column(runs, statKey.num(i));
  const isRatio = runs.some((r) => statKey.den(i) in r);
  const den = column(runs, statKey.den(i));
  const keep = num.map((_, k) => Number.isFinite(num[k]) && (!isRatio || Number.isFinite(den[k])));
  const n = num.filter((_, k) => keep[k]);
  const d = den.filter((_, k) => keep[k]);
  const estimate = isRatio ? ratioOfMeans(n, d, LEVEL, seed) : meanInterval(n, LEVEL);
  const signOk = fact.denominatorSign === undefined || Math.sign(d.reduce((a, b) => a + b, 0)) === fact.denominatorSign;
  return { estimate, holds: n.length > 0 && signOk && Number.isFinite(estimate.mean) && fact.holds(estimate) };
}

export function targetLoss(spec: CalibrationSpec, i: number, runs: SeedSummaries): number {
  const t = spec.targets[i];
  if (t.type === 'series') return seriesLoss(t, i, runs);
  if (t.type === 'effect') return bandLoss(effectStatistic(t, i, runs, spec.firstSeed).mean, t.band);
  return factEstimate(t, i, runs, spec.firstSeed).holds ? 0 : 1;
}

export interface CandidateLoss {
  total: number;
  /** Unweighted loss of each target. */
  targets: number[];
}

export function candidateLoss(spec: CalibrationSpec, runs: SeedSummaries): CandidateLoss {
  const targets = spec.targets.map((_, i) => targetLoss(spec, i, runs));
  const total = targets.reduce((sum, l, i) => sum + spec.targets[i].weight * l, 0);
  return { total, targets };
}

/** One row of the fit table. */
export interface FitRow {
  target: string;
  type: SpecTarget['type'];
  /** e.g. "cultivationHa COL (ha)", "displacementIndex without eradication". */
  what: string;
  /** Series: the year; otherwise null. */
  year: number | null;
  /** Series: the observed figure; otherwise null. */
  observed: number | null;
  /** Effect: the band; fact: null. */
  observedLo: number | null;
  observedHi: number | null;
  /** Fact: the claim, e.g. "> 0". */
  claim: string;
  fitted: number;
  /** 90% band: series, the 5th-95th percentile over seeds; effects and facts, the interval of `balloon effect` / `balloon facts`. */
  fittedLo: number;
  fittedHi: number;
  /** The target's loss (the same on every row of the target). */
  loss: number;
  weight: number;
}

export function fitRows(spec: CalibrationSpec, runs: SeedSummaries): FitRow[] {
  const rows: FitRow[] = [];
  spec.targets.forEach((t, i) => {
    const loss = targetLoss(spec, i, runs);
    const base = { target: t.id, type: t.type, weight: t.weight, loss };
    if (t.type === 'series') {
      t.years.forEach((year, k) => {
        const e = spreadInterval(finite(column(runs, statKey.year(i, year))), LEVEL);
        rows.push({ ...base, what: `${t.measure} ${t.entity} (${t.unit})`, year, observed: t.observed[k], observedLo: null, observedHi: null, claim: '', fitted: e.mean, fittedLo: e.lo, fittedHi: e.hi });
      });
    } else if (t.type === 'effect') {
      const e = effectStatistic(t, i, runs, spec.firstSeed);
      const claim = `in [${t.band[0] ?? '-inf'}, ${t.band[1] ?? 'inf'}]`;
      rows.push({ ...base, what: `${t.statistic} of ${t.intervention}`, year: null, observed: null, observedLo: t.band[0], observedHi: t.band[1], claim, fitted: e.mean, fittedLo: e.lo, fittedHi: e.hi });
    } else {
      const { estimate: e, holds } = factEstimate(t, i, runs, spec.firstSeed);
      rows.push({ ...base, what: `${t.statement}${holds ? '' : ' (does not hold)'}`, year: null, observed: null, observedLo: null, observedHi: null, claim: t.expectation, fitted: e.mean, fittedLo: e.lo, fittedHi: e.hi });
    }
  });
  return rows;
}
