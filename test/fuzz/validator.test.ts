/**
 * Fuzzing the scenario validator: whatever it is given (random JSON, random
 * text, truncated files, mutated valid scenarios, prototype keys, exotic JS
 * values) it returns a valid scenario or a list of clear one-line errors; it
 * never throws, never pollutes Object.prototype, and the text and data entry
 * points agree. Cases per property: BALLOON_FUZZ_RUNS (default 300).
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, parseScenarioText, type ParseResult, type ScenarioError } from '../../sim/scenario/validate';
import { expectClearErrors } from './clearErrors';
import type { Scenario } from '../../sim/scenario/schema';
import { fixture, FIXTURE_TEXT } from '../scenario/helpers';
import { mutate, mutationArb } from './mutations';
import { fuzzRuns, fuzzSeed } from './runs';

const RUNS = fuzzRuns(300);
const params = { numRuns: RUNS, seed: fuzzSeed() };

/** Checks a result's shape; returns it for further checks. */
function expectWellFormed(result: ParseResult<Scenario>): ParseResult<Scenario> {
  if (result.ok) {
    expect(typeof result.value.name).toBe('string');
    // a validated scenario validates again, unchanged
    const again = parseScenario(result.value);
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.value).toEqual(result.value);
  } else expectClearErrors(result);
  return result;
}

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('validator fuzzing', () => {
  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(parseScenario(value));
        expectWellFormed(parseScenarioText(JSON.stringify(value)));
      }),
      params,
    );
  });

  it('random JS values of any kind (maps, dates, typed arrays, getters, symbols, cycles)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          withUnicodeString: true,
        }),
        (value) => {
          expectWellFormed(parseScenario(value));
        },
      ),
      params,
    );
    const cyclic = fixture();
    cyclic.countries[0].police.self = cyclic;
    expect(expectWellFormed(parseScenario(cyclic)).ok).toBe(false);
    const trap = fixture();
    Object.defineProperty(trap, 'name', {
      enumerable: true,
      get() {
        throw new Error('getter trap');
      },
    });
    expect(expectWellFormed(parseScenario(trap)).ok).toBe(false);
  });

  it('random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: fc.constantFrom(...'{}[]":,0123456789.eE-+ \n\\utrfalsn'), maxLength: 300 })), (text) => {
        expectWellFormed(parseScenarioText(text));
      }),
      params,
    );
  });

  it('truncated valid files give a syntax error with line and column', () => {
    const end = FIXTURE_TEXT.lastIndexOf('}');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: end }), (n) => {
        const result = expectWellFormed(parseScenarioText(FIXTURE_TEXT.slice(0, n)));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.at(-1)!.message).toMatch(/\(JSON syntax error at line \d+, column \d+\)$/);
      }),
      params,
    );
  });

  it('valid files with random characters inserted or deleted', () => {
    fc.assert(
      fc.property(fc.nat(FIXTURE_TEXT.length - 1), fc.nat(3), fc.string({ maxLength: 3 }), (at, remove, insert) => {
        const text = FIXTURE_TEXT.slice(0, at) + insert + FIXTURE_TEXT.slice(at + remove);
        expectWellFormed(parseScenarioText(text));
      }),
      params,
    );
  });

  it('mutated valid scenarios: the data and text entry points agree', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (mutations) => {
        const s = fixture();
        for (const m of mutations) mutate(s, m);
        const fromData = expectWellFormed(parseScenario(s));
        const fromText = expectWellFormed(parseScenarioText(JSON.stringify(s, null, 2)));
        expect(fromText.ok).toBe(fromData.ok);
        if (!fromData.ok && !fromText.ok) {
          // the text reader adds line and column to key problems; the problems are the same
          const strip = (e: ScenarioError) => e.message.replace(/ \(line \d+, column \d+\)$/, '');
          expect(fromText.errors.map(strip)).toEqual(fromData.errors.map(strip));
        }
      }),
      params,
    );
  });

  it('prototype keys anywhere are rejected at their path and pollute nothing', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }), (at, key, value) => {
        const s = fixture();
        mutate(s, { kind: 'add', at, key, value: { polluted: true, inner: value } });
        const text = JSON.stringify(s);
        if (!text.includes(`"${key}":`)) return; // added to a list: no key
        for (const result of [parseScenarioText(text), parseScenario(JSON.parse(text))]) {
          expectWellFormed(result);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.errors.some((e) => e.path.endsWith(key) && e.found === `key "${key}"`)).toBe(true);
        }
      }),
      params,
    );
  });
});
