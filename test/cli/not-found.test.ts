/** A scenario that is neither a file nor a bundled name: the error lists the bundled names. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balloon, ensureBuilt, errorLines, ROOT, tempDir } from './helpers';

beforeAll(() => ensureBuilt());

const bundled = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

describe('an unknown scenario name', () => {
  it('run: exit 1, one line naming the argument and every bundled scenario', () => {
    const r = balloon(['run', 'colombia', '--quiet']);
    expect(r.code).toBe(1);
    expect(bundled).toContain('colombia-2000s');
    expect(errorLines(r)).toEqual([`balloon: colombia: expected a scenario file or a bundled scenario name (${bundled.join(', ')}), got no such file or name`]);
  });

  it('a path with a directory stays a missing file', () => {
    const r = balloon(['validate', 'nowhere/colombia.json']);
    expect(r.code).toBe(1);
    expect(errorLines(r)).toEqual(['balloon: nowhere/colombia.json: cannot read the scenario file (no such file or directory)']);
  });

  it('sweep: a base that is neither next to the sweep file nor bundled names both places', () => {
    const dir = tempDir();
    const file = join(dir, 'sweep.json');
    writeFileSync(file, JSON.stringify({ name: 'x', base: '../scenarios/baseline.json', parameters: [{ path: 'countries.COL.corruption', min: 0.3, max: 0.8 }], design: { type: 'random', points: 2, seed: 1 } }));
    const r = balloon(['sweep', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    const [line, ...rest] = errorLines(r);
    expect(rest).toEqual([]);
    expect(line).toContain(`base: expected a scenario file relative to the sweep file (${join(dir, '..', 'scenarios', 'baseline.json')}) or a bundled scenario name (${bundled.join(', ')}), got "../scenarios/baseline.json"`);
  });
});
