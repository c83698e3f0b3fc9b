import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { calibrateJsonSchema } from '../../sim/calibration/jsonSchema';
import { jsonSchemaText } from '../../sim/scenario/publishedSchema';
import { parseTargetsText } from '../../sim/calibration/validate';
import { ROOT } from '../cli/helpers';

const EXAMPLES = ['calibration/default.targets.json', 'calibration/quick.targets.json', 'calibration/spraying-evidence.targets.json'];

describe('calibrate.schema.json', () => {
  const text = readFileSync(join(ROOT, 'calibrate.schema.json'), 'utf8');

  it('is up to date with sim/calibration/schema.ts (run `npx tsx scripts/write-calibrate-schema.ts`)', () => {
    expect(text).toBe(jsonSchemaText(calibrateJsonSchema()));
  });

  it('accepts the shipped targets files and rejects a bad target in editors', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(JSON.parse(text) as object);
    for (const file of EXAMPLES) {
      const input = readFileSync(join(ROOT, file), 'utf8');
      expect(validate(JSON.parse(input)), file).toBe(true);
      const parsed = parseTargetsText(input);
      expect(parsed.ok ? [] : parsed.errors.map((e) => e.message), file).toEqual([]);
    }
    expect(validate({ name: 'x', scenario: 's', parameters: [{ path: 'a', range: [0, 1] }], targets: [{ type: 'curve' }] })).toBe(false);
  });
});
