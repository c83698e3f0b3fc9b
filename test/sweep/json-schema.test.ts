import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { sweepJsonSchema } from '../../sim/sweep/jsonSchema';
import { jsonSchemaText } from '../../sim/scenario/publishedSchema';
import { ROOT, SWEEP_FIXTURE } from './helpers';

describe('sweep.schema.json', () => {
  const text = readFileSync(join(ROOT, 'sweep.schema.json'), 'utf8');

  it('is up to date with sim/sweep/schema.ts (run `npm run schema:sweep`)', () => {
    expect(text).toBe(jsonSchemaText(sweepJsonSchema()));
  });

  it('accepts the example sweep and rejects a bad design in editors', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(JSON.parse(text) as object);
    expect(validate(JSON.parse(readFileSync(SWEEP_FIXTURE, 'utf8')))).toBe(true);
    expect(validate({ name: 'x', base: 'b', parameters: [{ path: 'a', values: [1] }], design: { type: 'sobol' } })).toBe(false);
  });
});
