/**
 * Writes scenario.schema.json at the repository root from the zod schema.
 * Run with `npm run schema` after changing sim/scenario/schema.ts or
 * behaviour.ts; test/scenario/json-schema.test.ts fails while the file is stale.
 */
import { writeFileSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../sim/scenario/jsonSchema';

const target = fileURLToPath(new URL('../scenario.schema.json', import.meta.url));
const temporary = `${target}.tmp`;
writeFileSync(temporary, scenarioJsonSchemaText());
renameSync(temporary, target); // atomic: a reader never sees half a file
console.log(`wrote ${target}`);
