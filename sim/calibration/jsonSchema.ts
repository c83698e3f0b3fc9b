/**
 * The published JSON Schema of targets files (`calibrate.schema.json`), generated
 * from the zod schema so editors can complete and check them. Scenario paths,
 * entities, levers and observed files are checked by `balloon calibrate` before
 * any run starts.
 */
import { publishedJsonSchema } from '../scenario/publishedSchema';
import { targetsSchema } from './schema';

export const CALIBRATE_SCHEMA_ID = 'urn:balloon:calibrate-schema';

export function calibrateJsonSchema(): Record<string, unknown> {
  return publishedJsonSchema(targetsSchema, {
    id: CALIBRATE_SCHEMA_ID,
    title: 'Balloon calibration targets',
    description:
      'What `balloon calibrate` fits: the scenario, the parameters with their ranges, the seeds per candidate, the search, and the targets (observed series, paired effects with a band, stylised facts). Generated from sim/calibration/schema.ts by `npx tsx scripts/write-calibrate-schema.ts`; do not edit by hand.',
  });
}
