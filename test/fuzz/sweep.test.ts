/**
 * Fuzzing the sweep-file validator (it shares the scenario validator's JSON
 * reader and error format): random JSON, random text, truncations and
 * mutations of a valid sweep file never throw, and every problem is one clear
 * line. Cases per property: BALLOON_FUZZ_RUNS (default 300).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSweep, parseSweepText } from '../../sim/sweep/validate';
import { expectClearErrors } from './clearErrors';
import { mutate, mutationArb } from './mutations';
import { fuzzRuns, fuzzSeed } from './runs';

const params = { numRuns: fuzzRuns(300), seed: fuzzSeed() };
const SWEEP_TEXT = readFileSync(fileURLToPath(new URL('../sweep/fixtures/small-lhs.json', import.meta.url)), 'utf8');

describe('sweep validator fuzzing', () => {
  it('the fixture is a valid sweep (so the mutations start from valid)', () => {
    expect(parseSweepText(SWEEP_TEXT).ok).toBe(true);
  });

  it('random JSON and random text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary', maxLength: 200 }), (value, text) => {
        expectClearErrors(parseSweep(value));
        expectClearErrors(parseSweepText(JSON.stringify(value)));
        expectClearErrors(parseSweepText(text));
      }),
      params,
    );
  });

  it('truncated sweep files give a syntax error with line and column', () => {
    const end = SWEEP_TEXT.lastIndexOf('}');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: end }), (n) => {
        const result = parseSweepText(SWEEP_TEXT.slice(0, n));
        expectClearErrors(result);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.at(-1)!.message).toMatch(/\(JSON syntax error at line \d+, column \d+\)$/);
      }),
      params,
    );
  });

  it('mutated sweep files', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (mutations) => {
        const sweep = JSON.parse(SWEEP_TEXT);
        for (const m of mutations) mutate(sweep, m);
        expectClearErrors(parseSweepText(JSON.stringify(sweep, null, 2)));
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      params,
    );
  });
});
