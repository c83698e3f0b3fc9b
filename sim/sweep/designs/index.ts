/** The points of a sweep's design: one list of parameter values per point, in parameter order. */
import type { ParameterValue, Sweep } from '../schema';
import { gridDesign } from './grid';
import { lhsDesign } from './lhs';
import { randomDesign } from './random';
import { DesignTableError, tableDesign } from './table';

export { DesignTableError } from './table';
export { latinHypercube } from './lhs';

/** `tableText` is the CSV text of a "table" design (read by the host). */
export function designPoints(sweep: Sweep, tableText?: string): ParameterValue[][] {
  const d = sweep.design;
  switch (d.type) {
    case 'grid':
      return gridDesign(sweep.parameters);
    case 'random':
      return randomDesign(sweep.parameters, d.points, d.seed);
    case 'lhs':
      return lhsDesign(sweep.parameters, d.points, d.seed);
    case 'table':
      if (tableText === undefined) throw new DesignTableError(`${d.file}: the design table was not read`);
      return tableDesign(sweep.parameters, tableText, d.file);
  }
}
