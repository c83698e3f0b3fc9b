/**
 * Candidate parameter sets. Every parameter lives on a unit axis: u in [0, 1]
 * maps linearly (or in log(value) for "log" scales) onto its range [lo, hi].
 * Designs are Latin hypercubes (sim/sweep/designs/lhs.ts) inside a box of the
 * unit cube; values are rounded to a few significant digits so that the best
 * set pasted into a scenario is exactly the set that was run.
 */
import { exp, log } from '../math/detmath';
import { latinHypercube } from '../sweep/designs/lhs';
import type { FitParameter } from './schema';

/** [lo, hi] on each unit axis. */
export type Box = [number, number][];

export function fullBox(dimensions: number): Box {
  return Array.from({ length: dimensions }, () => [0, 1] as [number, number]);
}

/** Significant digits kept: 4, more when the range is narrow against its magnitude. */
export function digitsFor(p: FitParameter): number {
  const [lo, hi] = p.range;
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  if (!(magnitude > 0)) return 4;
  const relative = (hi - lo) / magnitude;
  // Decimal exponent from the number's own digits (no engine log): 0.004 → -3, so 3 more digits.
  const exponent = Number(relative.toExponential().split('e')[1]);
  return Math.min(15, 4 + Math.max(0, -exponent));
}

export function roundSignificant(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/** The value at unit coordinate u, rounded, kept inside the range. */
export function valueOf(p: FitParameter, u: number): number {
  const [lo, hi] = p.range;
  const x = p.scale === 'log' ? exp(log(lo) + u * (log(hi) - log(lo))) : lo + u * (hi - lo);
  return Math.min(hi, Math.max(lo, roundSignificant(x, digitsFor(p))));
}

/** The unit coordinate of a value. */
export function unitOf(p: FitParameter, x: number): number {
  const [lo, hi] = p.range;
  const u = p.scale === 'log' ? (log(x) - log(lo)) / (log(hi) - log(lo)) : (x - lo) / (hi - lo);
  return Math.min(1, Math.max(0, u));
}

/** `points` candidates: a Latin hypercube inside `box`, as parameter values. */
export function lhsInBox(parameters: readonly FitParameter[], box: Box, points: number, seed: number): number[][] {
  return latinHypercube(parameters.length, points, seed).map((row) =>
    row.map((u, d) => valueOf(parameters[d], box[d][0] + u * (box[d][1] - box[d][0]))),
  );
}

/**
 * The box around a set of candidates (unit coordinates), widened on each side by
 * `margin` of its width, and by at least `floor` of the axis, clipped to [0, 1].
 */
export function boxAround(units: readonly number[][], margin: number, floor = 0.02): Box {
  const dimensions = units[0]?.length ?? 0;
  const box: Box = [];
  for (let d = 0; d < dimensions; d++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const u of units) {
      lo = Math.min(lo, u[d]);
      hi = Math.max(hi, u[d]);
    }
    const pad = Math.max(floor, margin * (hi - lo));
    box.push([Math.max(0, lo - pad), Math.min(1, hi + pad)]);
  }
  return box;
}
