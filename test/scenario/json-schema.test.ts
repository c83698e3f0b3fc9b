/**
 * The published JSON Schema (scenario.schema.json) is exactly what
 * scripts/write-schema.ts generates from the zod schema, so it cannot go stale,
 * and a standard JSON Schema validator agrees with ours on the basics.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { scenarioJsonSchema } from '../../sim/scenario/jsonSchema';
import { jsonSchemaText } from '../../sim/scenario/publishedSchema';
import { parseScenarioText } from '../../sim/scenario/validate';
import { fixture, FIXTURE_TEXT } from './helpers';

const root = fileURLToPath(new URL('../../', import.meta.url));
const committed = readFileSync(`${root}scenario.schema.json`, 'utf8');

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(scenarioJsonSchema());
}

describe('scenario.schema.json', () => {
  it('is up to date (run `npm run schema` after changing the zod schema)', () => {
    expect(committed).toBe(jsonSchemaText(scenarioJsonSchema()));
  });

  it('has an id, a title and descriptions for editors', () => {
    const schema = JSON.parse(committed);
    expect(schema.$id).toBeTruthy();
    expect(schema.title).toBe('Balloon scenario');
    expect(schema.properties.countries.items.properties.id.description).toMatch(/country code/);
    expect(schema.additionalProperties).toBe(false);
  });

  it('accepts the fixture and every bundled scenario that our validator accepts', () => {
    const validate = validator();
    expect(validate(JSON.parse(FIXTURE_TEXT)), JSON.stringify(validate.errors)).toBe(true);
    const dir = `${root}scenarios`;
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
    for (const file of files) {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      const ours = parseScenarioText(text);
      if (!ours.ok) continue; // scenario files are checked by their own tests
      expect(validate(JSON.parse(text)), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects what the schema rejects: unknown keys, wrong types, bad enums, missing fields', () => {
    const validate = validator();
    const cases: ((s: ReturnType<typeof fixture>) => void)[] = [
      (s) => (s.countries[0].polcie = {}),
      (s) => (s.countries[2].corruption = 'high'),
      (s) => (s.routes[0].mode = 'boat'),
      (s) => delete s.markets[0].users,
      (s) => (s.start = '2000-13'),
      (s) => (s.policies = [{ lever: 'napalm', country: 'COL', start: '2001-01' }]),
    ];
    for (const mutate of cases) {
      const s = fixture();
      mutate(s);
      expect(validate(s)).toBe(false);
    }
  });
});
