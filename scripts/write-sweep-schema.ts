/**
 * Writes sweep.schema.json at the repository root from the zod schema.
 * Run with `npm run schema:sweep` after changing sim/sweep/schema.ts;
 * test/sweep/json-schema.test.ts fails while the file is stale.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sweepJsonSchemaText } from '../sim/sweep/jsonSchema';

const target = fileURLToPath(new URL('../sweep.schema.json', import.meta.url));
const temporary = `${target}.tmp`;
writeFileSync(temporary, sweepJsonSchemaText());
renameSync(temporary, target);
console.log(`wrote ${target}`);
