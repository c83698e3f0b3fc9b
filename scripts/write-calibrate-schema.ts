/**
 * Writes calibrate.schema.json at the repository root from the zod schema.
 * Run with `npx tsx scripts/write-calibrate-schema.ts` after changing
 * sim/calibration/schema.ts; test/calibration/json-schema.test.ts fails while the file is stale.
 */
import { calibrateJsonSchema } from '../sim/calibration/jsonSchema';
import { writeSchemaFile } from './schemaFile';

writeSchemaFile('calibrate.schema.json', calibrateJsonSchema());
