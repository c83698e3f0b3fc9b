/** Writes a published JSON Schema at the repository root (the write-*schema.ts scripts). */
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaText } from '../sim/scenario/publishedSchema';

export function writeSchemaFile(name: string, schema: Record<string, unknown>): void {
  const target = fileURLToPath(new URL(`../${name}`, import.meta.url));
  const temporary = `${target}.tmp`;
  writeFileSync(temporary, jsonSchemaText(schema));
  renameSync(temporary, target); // atomic: a reader never sees half a file
  console.log(`wrote ${target}`);
}
