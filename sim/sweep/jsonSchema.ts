/**
 * The published JSON Schema of sweep files (`sweep.schema.json`), generated from
 * the zod schema so editors can complete and check sweep files. Parameter paths
 * and the run count are checked by `balloon sweep` before any run starts.
 */
import { publishedJsonSchema } from '../scenario/publishedSchema';
import { sweepSchema } from './schema';

export const SWEEP_SCHEMA_ID = 'urn:balloon:sweep-schema';

export function sweepJsonSchema(): Record<string, unknown> {
  return publishedJsonSchema(sweepSchema, {
    id: SWEEP_SCHEMA_ID,
    title: 'Balloon sweep',
    description:
      'A Balloon parameter sweep: a base scenario, the parameters to vary by their path in the scenario file, a design (grid, random, Latin hypercube or table) and seeds per point. Generated from sim/sweep/schema.ts by `npm run schema:sweep`; do not edit by hand.',
  });
}
