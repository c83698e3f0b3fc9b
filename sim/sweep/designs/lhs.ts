/**
 * Latin hypercube design (seeded): each parameter's unit range is cut into
 * `points` equal strata and every stratum is used exactly once, in an
 * independently shuffled order per parameter, at a uniform position inside it.
 */
import { createStream, type Random } from '../../model/rng';
import type { Parameter, ParameterValue } from '../schema';
import { valueAt } from './scale';

function permutation(n: number, rng: Random): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/** The unit-cube coordinates: `u[point][parameter]` in [0,1). */
export function latinHypercube(dimensions: number, points: number, seed: number): number[][] {
  const rng = createStream(seed, 'sweep:lhs-design');
  const u: number[][] = Array.from({ length: points }, () => new Array<number>(dimensions));
  for (let d = 0; d < dimensions; d++) {
    const perm = permutation(points, rng);
    for (let i = 0; i < points; i++) u[i][d] = (perm[i] + rng()) / points;
  }
  return u;
}

export function lhsDesign(parameters: readonly Parameter[], points: number, seed: number): ParameterValue[][] {
  return latinHypercube(parameters.length, points, seed).map((row) => row.map((u, d) => valueAt(parameters[d], u)));
}
