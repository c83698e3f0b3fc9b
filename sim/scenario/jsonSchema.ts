/**
 * The published JSON Schema of scenario files, generated from the zod schema
 * (the single source of truth) so editors can offer completion and checks via
 * `"$schema": "../scenario.schema.json"`. The JSON Schema cannot express the
 * cross-reference checks (ids that must exist, dates in order); `balloon
 * validate` does those.
 */
import { publishedJsonSchema } from './publishedSchema';
import { scenarioSchema } from './schema';

export const SCENARIO_SCHEMA_ID = 'urn:balloon:scenario-schema';

/** Phrases for string patterns the zod schema explains only in its error messages. */
const PATTERN_DESCRIPTIONS: Record<string, string> = {
  '^[A-Z]{3}$': 'ISO 3166-1 alpha-3 country code, upper case, e.g. "COL"',
  '^\\d{4}-(0[1-9]|1[0-2])$': 'Year and month, e.g. "2000-01"',
};

function describePatterns(node: unknown): void {
  const work: unknown[] = [node];
  while (work.length > 0) {
    const n = work.pop();
    if (n === null || typeof n !== 'object') continue;
    if (Array.isArray(n)) {
      work.push(...n);
      continue;
    }
    const o = n as Record<string, unknown>;
    if (typeof o.pattern === 'string' && o.description === undefined && PATTERN_DESCRIPTIONS[o.pattern]) {
      o.description = PATTERN_DESCRIPTIONS[o.pattern];
    }
    work.push(...Object.values(o));
  }
}

/** The JSON Schema object (draft-07, which editors support most widely). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return publishedJsonSchema(
    scenarioSchema,
    {
      id: SCENARIO_SCHEMA_ID,
      title: 'Balloon scenario',
      description:
        'A Balloon scenario: countries, producer regions, trafficking routes, consumer markets, trafficking organisations and scheduled policy levers. Generated from sim/scenario/schema.ts by `npm run schema`; do not edit by hand. Cross-references (ids that must exist, dates in order, reachable markets) are checked by `balloon validate`.',
    },
    describePatterns,
  );
}
