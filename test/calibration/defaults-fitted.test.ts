/**
 * The default world's fitted parameters are the committed fit's best set (issue 15): every parameter of
 * calibration/default.targets.json has, as its default in the behaviour schema, the value of
 * calibration/default.best.json, which `npx balloon calibrate calibration/default.targets.json` writes
 * (docs/calibration.md, "What was fitted to what"). Changing a default without re-fitting, or re-fitting
 * without changing the defaults, fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { behaviourSchema } from '../../sim/scenario/behaviour';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, 'calibration', file), 'utf8'));

describe('the default behaviour is the committed fit', () => {
  const targets = read('default.targets.json') as { parameters: { path: string }[] };
  const best = read('default.best.json') as { parameters: Record<string, number> };
  const defaults = behaviourSchema.parse({}) as Record<string, Record<string, number>>;

  it('fits the parameters the targets file lists, and only those', () => {
    expect(Object.keys(best.parameters).sort()).toEqual(targets.parameters.map((p) => p.path).sort());
  });

  it.each(targets.parameters.map((p) => p.path))('%s defaults to its fitted value', (path) => {
    const [root, group, name] = path.split('.');
    expect(root).toBe('behaviour');
    expect(defaults[group][name]).toBe(best.parameters[path]);
  });
});
