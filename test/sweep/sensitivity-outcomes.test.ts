/** `balloon sensitivity --outcomes X` where X was not recorded: a usage error naming what was recorded. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balloon, ensureBuilt, errorLines, tempDir } from '../cli/helpers';
import { SCENARIO_FIXTURE } from './helpers';

beforeAll(() => ensureBuilt());

describe('sensitivity --outcomes', () => {
  it('refuses an outcome the sweep did not record, naming the recorded measures, and ranks one it did', () => {
    const dir = tempDir();
    const file = join(dir, 'sweep.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'measures kept',
        base: SCENARIO_FIXTURE,
        parameters: [{ path: 'markets.USA.users', min: 1e6, max: 8e6 }],
        design: { type: 'lhs', points: 6, seed: 1 },
        outputs: { measures: ['cultivationHa', 'seizuresKg'] },
      }),
    );
    const out = join(dir, 'out');
    expect(balloon(['sweep', file, '--out', out, '-q']).code).toBe(0);

    const missing = balloon(['sensitivity', out, '--outcomes', 'consumedKg']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    const lines = errorLines(missing);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^balloon: --outcomes: expected a substring or \/regex\/ of a recorded outcome \(MEASURE\.ENTITY\.initial\|final\|total; recorded measures: (cultivationHa, seizuresKg|seizuresKg, cultivationHa)\), got "consumedKg", which matches none of the \d+ outcomes in .*runs\.csv \(see balloon --help\)$/);
    expect(existsSync(join(out, 'sensitivity.csv'))).toBe(false);

    const found = balloon(['sensitivity', out, '--outcomes', 'cultivationHa.world']);
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(/^cultivationHa\.world\.final {2}\(R² of linear model/m);
  }, 120_000);
});
