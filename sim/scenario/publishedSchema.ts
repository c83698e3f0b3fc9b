/**
 * The JSON Schemas published for editors (scenario, sweep and targets files), each
 * generated from its zod schema, the single source of truth: draft-07 (which
 * editors support most widely), input types (before defaults), with an id, a
 * title and a description saying where it comes from.
 */
import { z } from 'zod';

export interface PublishedSchemaInfo {
  /** `$id`, e.g. `urn:balloon:sweep-schema`. */
  id: string;
  title: string;
  description: string;
}

/** `schema` as a JSON Schema object; `finish` may add to the generated tree before it is wrapped. */
export function publishedJsonSchema(schema: z.ZodType, info: PublishedSchemaInfo, finish?: (generated: Record<string, unknown>) => void): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  finish?.(generated);
  const { $schema, ...rest } = generated;
  return { $schema, $id: info.id, title: info.title, description: info.description, ...rest };
}

/** A schema file's exact text (2-space indent, final newline). */
export function jsonSchemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
