/** Full factorial design: every combination of the parameters' levels; the first parameter varies slowest. */
import type { Parameter, ParameterValue } from '../schema';
import { gridLevels } from './scale';

export function gridDesign(parameters: readonly Parameter[]): ParameterValue[][] {
  const levels = parameters.map(gridLevels);
  let points: ParameterValue[][] = [[]];
  for (const values of levels) {
    const next: ParameterValue[][] = [];
    for (const point of points) for (const v of values) next.push([...point, v]);
    points = next;
  }
  return points;
}
