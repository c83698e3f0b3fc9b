/**
 * The published JSON Schema of sweep files (`sweep.schema.json`), generated from
 * the zod schema so editors can complete and check sweep files. Parameter paths
 * and the run count are checked by `balloon sweep` before any run starts.
 */
import { z } from 'zod';
import { sweepSchema } from './schema';

export const SWEEP_SCHEMA_ID = 'urn:balloon:sweep-schema';

export function sweepJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(sweepSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SWEEP_SCHEMA_ID,
    title: 'Balloon sweep',
    description:
      'A Balloon parameter sweep: a base scenario, the parameters to vary by their path in the scenario file, a design (grid, random, Latin hypercube or table) and seeds per point. Generated from sim/sweep/schema.ts by `npm run schema:sweep`; do not edit by hand.',
    ...rest,
  };
}

/** The file's exact text (2-space indent, final newline). */
export function sweepJsonSchemaText(): string {
  return `${JSON.stringify(sweepJsonSchema(), null, 2)}\n`;
}
