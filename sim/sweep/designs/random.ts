/** Simple random design: every point draws each parameter independently and uniformly (seeded). */
import { createStream } from '../../model/rng';
import type { Parameter, ParameterValue } from '../schema';
import { valueAt } from './scale';

export function randomDesign(parameters: readonly Parameter[], points: number, seed: number): ParameterValue[][] {
  const rng = createStream(seed, 'sweep:random-design');
  const out: ParameterValue[][] = [];
  for (let i = 0; i < points; i++) out.push(parameters.map((p) => valueAt(p, rng())));
  return out;
}
