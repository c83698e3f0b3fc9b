/**
 * Recovery: "observed" cultivation made by the model at a known grower income
 * sensitivity is fitted from a range 40 times wide; the known value must lie in
 * the accepted range, which must pin it down, while a parameter that cannot act
 * in this world (trust between intelligence-sharing partners, with no such
 * policy) must be reported as not pinned down.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../sim/io/csv';
import { balloon, ensureBuilt, tempDir } from '../cli/helpers';
import { SMALL, syntheticObserved, writeJson } from './helpers';

const TRUTH = 1.6;

beforeAll(() => ensureBuilt());

describe('balloon calibrate recovers known parameters', () => {
  it('the true income sensitivity lies in its accepted range, which is narrow; an inert parameter is flagged', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'observed.csv'), syntheticObserved({ growers: { incomeSensitivity: TRUTH } }, 2));
    const targets = writeJson(join(dir, 'recovery.targets.json'), {
      name: 'recovery',
      scenario: SMALL,
      parameters: [
        { path: 'behaviour.growers.incomeSensitivity', range: [0.2, 8], scale: 'log' },
        { path: 'behaviour.police.trustGainPerYear', range: [0, 5] },
      ],
      seeds: 2,
      search: { points: 12, rounds: 2, pointsPerRound: 6, accept: 4, final: { top: 3 } },
      targets: [{ type: 'series', measure: 'cultivationHa', entity: 'COL', years: [2000, 2004], observed: 'observed.csv' }],
    });
    const out = join(dir, 'out');
    const r = balloon(['calibrate', targets, '--out', out, '--workers', '2']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Fit of "recovery"/);
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'identifiability.csv'), 'utf8')).filter((x) => x.length > 1);
    const ids = rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
    const sensitivity = ids.find((x) => x.parameter === 'behaviour.growers.incomeSensitivity')!;
    expect(Number(sensitivity.acceptedLo)).toBeLessThanOrEqual(TRUTH);
    expect(Number(sensitivity.acceptedHi)).toBeGreaterThanOrEqual(TRUTH);
    expect(sensitivity.verdict).toBe('pinned down');
    expect(Number(sensitivity.share)).toBeLessThan(0.3);
    const inert = ids.find((x) => x.parameter === 'behaviour.police.trustGainPerYear')!;
    expect(inert.verdict).toBe('not pinned down');
    const best = JSON.parse(readFileSync(join(out, 'best.json'), 'utf8'));
    expect(Math.abs(Math.log(best.behaviour.growers.incomeSensitivity / TRUTH))).toBeLessThan(Math.log(1.5));
    expect(best.notPinnedDown).toEqual(['behaviour.police.trustGainPerYear']);
  }, 120_000);
});
