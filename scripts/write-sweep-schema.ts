/**
 * Writes sweep.schema.json at the repository root from the zod schema.
 * Run with `npm run schema:sweep` after changing sim/sweep/schema.ts;
 * test/sweep/json-schema.test.ts fails while the file is stale.
 */
import { sweepJsonSchema } from '../sim/sweep/jsonSchema';
import { writeSchemaFile } from './schemaFile';

writeSchemaFile('sweep.schema.json', sweepJsonSchema());
