/**
 * Writes scenario.schema.json at the repository root from the zod schema.
 * Run with `npm run schema` after changing sim/scenario/schema.ts or
 * behaviour.ts; test/scenario/json-schema.test.ts fails while the file is stale.
 */
import { scenarioJsonSchema } from '../sim/scenario/jsonSchema';
import { writeSchemaFile } from './schemaFile';

writeSchemaFile('scenario.schema.json', scenarioJsonSchema());
