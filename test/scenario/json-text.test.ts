/**
 * The scenario text reader: size limit before parsing, syntax errors with line
 * and column, nesting limit without stack overflow, prototype and repeated keys.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ERRORS, parseScenarioText } from '../../sim/scenario/validate';
import { lineColumn } from '../../sim/scenario/jsonScanner';
import { readJson } from '../../sim/scenario/safeJson';
import { LIMITS } from '../../sim/validation/limits';
import { errorAt, errorsOf, FIXTURE_TEXT } from './helpers';

describe('file size', () => {
  it('rejects text over LIMITS.fileBytes before reading it', () => {
    const text = ' '.repeat(LIMITS.fileBytes + 1);
    const errors = errorsOf(parseScenarioText(text));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe(`scenario: expected a file of at most ${LIMITS.fileBytes} bytes, got at least ${LIMITS.fileBytes + 1} bytes`);
  });

  it('counts UTF-8 bytes, not characters', () => {
    // "é" is 2 bytes: a text just under the limit in characters is over it in bytes
    const padding = 'é'.repeat(Math.ceil(LIMITS.fileBytes / 2) + 1);
    const text = FIXTURE_TEXT.replace('"Small test world"', JSON.stringify(padding));
    expect(text.length).toBeLessThan(LIMITS.fileBytes);
    expect(errorsOf(parseScenarioText(text))[0].expected).toBe(`a file of at most ${LIMITS.fileBytes} bytes`);
  });
});

describe('JSON syntax errors give line and column', () => {
  it('a trailing comma in a list', () => {
    const e = errorsOf(parseScenarioText('{\n  "name": "x",\n  "countries": [1, 2,]\n}'));
    expect(e).toHaveLength(1);
    expect(e[0].path).toBe('countries[2]');
    expect(e[0].message).toBe(
      'countries[2]: expected a JSON value (object, list, string, number, true, false or null), got "]" (JSON syntax error at line 3, column 22)',
    );
  });

  it('a missing comma between properties, deep in the fixture', () => {
    const text = FIXTURE_TEXT.replace('"governance": 0.45,', '"governance": 0.45');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"governance": 0.45')) + 2; // the next line holds the unexpected key
    const e = errorsOf(parseScenarioText(text))[0];
    expect(e.path).toBe('countries[1].governance');
    expect(e.expected).toBe('"," or "}"');
    expect(e.found).toBe('"\\""');
    expect(e.message).toContain(`(JSON syntax error at line ${line}, column 7)`);
  });

  it('empty text, truncated text, text after the value, bad literals, bad escapes, raw newlines', () => {
    const cases: [string, string][] = [
      ['', 'line 1, column 1'],
      [FIXTURE_TEXT.slice(0, 200), `line ${FIXTURE_TEXT.slice(0, 200).split('\n').length}`],
      ['{"a": 1} x', 'line 1, column 10'],
      ['{"a": tru}', 'line 1, column 7'],
      ['{"a": "\\x"}', 'line 1, column 8'],
      ['{"a": "two\nlines"}', 'line 1, column 11'],
      ["{'a': 1}", 'line 1, column 2'],
      ['{"a": 01}', 'line 1, column 8'],
      ['{"a": NaN}', 'line 1, column 7'],
    ];
    for (const [text, where] of cases) {
      const errors = errorsOf(parseScenarioText(text));
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toContain(`JSON syntax error at ${where}`);
    }
  });

  it('lineColumn counts from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('nesting depth', () => {
  it('a 100 000-deep list is a clear error, not a stack overflow', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const errors = errorsOf(parseScenarioText(text));
    expect(errors).toHaveLength(1);
    expect(errors[0].expected).toBe(`nesting at most ${LIMITS.depth} levels deep`);
    expect(errors[0].path).toBe('[0]'.repeat(LIMITS.depth));
  });

  it('accepts exactly LIMITS.depth levels', () => {
    const ok = readJson('['.repeat(LIMITS.depth) + ']'.repeat(LIMITS.depth), LIMITS.depth);
    expect(ok.ok).toBe(true);
    const over = readJson('['.repeat(LIMITS.depth + 1) + ']'.repeat(LIMITS.depth + 1), LIMITS.depth);
    expect(over.ok).toBe(false);
  });

  it('deep objects too', () => {
    const text = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    expect(errorsOf(parseScenarioText(text))[0].path).toBe(Array(LIMITS.depth).fill('a').join('.'));
  });
});

describe('prototype keys and repeated keys', () => {
  it('__proto__, constructor and prototype are rejected wherever they appear, and pollute nothing', () => {
    const text = FIXTURE_TEXT.replace('"COL": 0.7', '"__proto__": {"polluted": true}, "COL": 0.7')
      .replace('"adaptive"', '"constructor"')
      .replace('"name": "Small test world",', '"name": "Small test world", "prototype": {"x": 1},')
      .replace('"allocation": { "interdiction": 0.4', '"allocation": { "constructor": {"prototype": {"polluted": true}}, "interdiction": 0.4');
    const r = parseScenarioText(text);
    expect(errorAt(r, 'traffickers.homeShares.__proto__').message).toMatch(
      /^traffickers\.homeShares\.__proto__: expected no prototype key \("__proto__", "constructor" and "prototype" are not allowed\), got key "__proto__" \(line \d+, column \d+\)$/,
    );
    expect(errorAt(r, 'prototype').found).toBe('key "prototype"');
    expect(errorAt(r, 'countries[0].police.allocation.constructor').found).toBe('key "constructor"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('the reader never stores prototype keys, so the value it returns is safe to inspect', () => {
    const read = readJson('{"__proto__": {"polluted": 1}, "a": {"constructor": 2, "b": 3}}', 32);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.keyProblems.map((p) => p.segments)).toEqual([['__proto__'], ['a', 'constructor']]);
    expect(Object.getPrototypeOf(read.value)).toBe(Object.prototype);
    expect(read.value).toEqual({ a: { b: 3 } });
  });

  it('a key given twice in one object is an error, reported with other problems', () => {
    const text = FIXTURE_TEXT.replace('"roles": ["transit"]', '"roles": ["transit"], "roles": ["consumer"]').replace('"corruption": 0.2', '"corruption": 2');
    const r = parseScenarioText(text);
    expect(errorAt(r, 'countries[1].roles').message).toMatch(/^countries\[1\]\.roles: expected each key once per object, got "roles" a second time \(line \d+, column \d+\)$/);
    expect(errorAt(r, 'countries[2].corruption').expected).toBe('a number in [0,1]');
  });
});

describe('valid JSON reads exactly as JSON.parse reads it', () => {
  it('for random JSON values (no prototype or repeated keys)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const read = readJson(text, 64);
        const keys = JSON.stringify(value).match(/"(__proto__|constructor|prototype)":/);
        if (keys) return; // rejected keys are covered above
        expect(read.ok).toBe(true);
        if (read.ok) expect(read.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('random text is accepted exactly when JSON.parse accepts it', () => {
    const alphabet = [...'{}[]":,0123456789.eE-+ \n\t\r\\/utrfalsnbx'];
    // near-valid token sequences, with the edge cases of the grammar
    const tokens = fc
      .array(fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"\\u00e9"', '"\\q"', '"\\u12"', '0', '01', '-0', '-', '1.5', '1.', '.5', '1e5', '1e', '1E+2', 'true', 'tru', 'null', 'nul', ' ', '\n'), { maxLength: 12 })
      .map((parts) => parts.join(''));
    const oneCharDeleted = fc
      .jsonValue({ maxDepth: 3 })
      .map((v) => JSON.stringify(v))
      .chain((t) => fc.nat(t.length).map((cut) => t.slice(0, cut) + t.slice(cut + 1)));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 }), tokens, oneCharDeleted), (text) => {
        let expected: { ok: true; value: unknown } | { ok: false };
        try {
          expected = { ok: true, value: JSON.parse(text) };
        } catch {
          expected = { ok: false };
        }
        const read = readJson(text, 1000);
        expect(read.ok).toBe(expected.ok);
        if (read.ok && expected.ok && read.keyProblems.length === 0) expect(read.value).toEqual(expected.value);
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes, unicode and a byte-order mark', () => {
    const text = '\uFEFF{"a": "\\u00e9\\n\\"\\\\\\/", "b": [1.5e3, -0, 0.25, true, false, null], "c": "😀"}';
    const read = readJson(text, 32);
    expect(read.ok && read.value).toEqual({ a: 'é\n"\\/', b: [1500, -0, 0.25, true, false, null], c: '😀' });
  });
});

describe('files with very many mistakes', () => {
  it('100 000 unknown keys: the first 50 by path are reported, in order', () => {
    const s = JSON.parse(FIXTURE_TEXT);
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${(i * 7919) % 100_000}`); // unsorted
    for (const k of keys) s[k] = 1;
    const errors = errorsOf(parseScenarioText(JSON.stringify(s)));
    expect(errors).toHaveLength(MAX_ERRORS);
    expect(errors.map((e) => e.path)).toEqual([...keys].sort().slice(0, MAX_ERRORS));
  });

  it('a key of 4 million characters is cut short in the message', () => {
    const errors = errorsOf(parseScenarioText(`{"${'a'.repeat(4_000_000)}": 1}`));
    const unknown = errors.find((e) => e.found.startsWith('key "aaa'))!;
    expect(unknown.path).toBe(`["${'a'.repeat(39)}…"]`);
    expect(unknown.message.length).toBeLessThan(500);
  });

  it('thousands of wrong values in a record: at most MAX_ERRORS errors, the first by path', () => {
    const s = JSON.parse(FIXTURE_TEXT);
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const a of letters) for (const b of letters) for (const c of letters.slice(0, 5)) s.traffickers.homeShares[`${a}${b}${c}`] = -1;
    const errors = errorsOf(parseScenarioText(JSON.stringify(s)));
    expect(errors).toHaveLength(MAX_ERRORS);
    expect(errors[0].message).toBe('traffickers.homeShares.AAA: expected a number ≥ 0, got -1');
  });
});
