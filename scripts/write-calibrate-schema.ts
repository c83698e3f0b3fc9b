/**
 * Writes calibrate.schema.json at the repository root from the zod schema.
 * Run with `npx tsx scripts/write-calibrate-schema.ts` after changing
 * sim/calibration/schema.ts; test/calibration/json-schema.test.ts fails while the file is stale.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calibrateJsonSchemaText } from '../sim/calibration/jsonSchema';

const target = fileURLToPath(new URL('../calibrate.schema.json', import.meta.url));
const temporary = `${target}.tmp`;
writeFileSync(temporary, calibrateJsonSchemaText());
renameSync(temporary, target);
console.log(`wrote ${target}`);
