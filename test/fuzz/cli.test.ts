/**
 * The CLI on broken scenario files (issue 8): for truncated, mutated and random
 * files, `balloon validate` and `balloon run` exit non-zero with one clear line
 * per problem, each naming the file, and never print a stack trace; valid
 * mutations pass. Each case spawns Node, so the count is BALLOON_FUZZ_RUNS / 40
 * (default 8).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { balloon, ensureBuilt, errorLines, hasStack, tempDir } from '../cli/helpers';
import { parseScenarioText } from '../../sim/scenario/validate';
import { FIXTURE_TEXT, fixture } from '../scenario/helpers';
import { mutate, mutationArb } from './mutations';
import { fuzzRuns, fuzzSeed } from './runs';

const RUNS = Math.max(3, Math.round(fuzzRuns(300) / 40));
const params = { numRuns: RUNS, seed: fuzzSeed() };

/** A file's text: a truncation, a mutation of the fixture, or random characters. */
const fileText = fc.oneof(
  fc.nat(FIXTURE_TEXT.lastIndexOf('}')).map((n) => FIXTURE_TEXT.slice(0, n)),
  fc.array(mutationArb, { minLength: 1, maxLength: 3 }).map((ms) => {
    const s = fixture();
    for (const m of ms) mutate(s, m);
    return JSON.stringify(s, null, 2);
  }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('CLI on broken files', () => {
  beforeAll(() => ensureBuilt());

  it(
    'validate and run exit non-zero with one clear line per problem, or accept valid files',
    () => {
      const dir = tempDir();
      let i = 0;
      fc.assert(
        fc.property(fileText, fc.constantFrom('validate', 'run'), (text, command) => {
          const file = join(dir, `case-${i++}.json`);
          writeFileSync(file, text);
          const expected = parseScenarioText(text);
          const args = command === 'run' ? ['run', file, '--quiet'] : ['validate', file];
          if (expected.ok && command === 'run') return; // a valid run is the CLI tests' business
          const r = balloon(args, { cwd: dir });
          expect(hasStack(r.stderr)).toBe(false);
          if (expected.ok) {
            expect(r.code).toBe(0);
            return;
          }
          expect(r.code).toBe(1);
          const lines = errorLines(r);
          expect(lines.length).toBe(expected.errors.length);
          // each line: [balloon: ]FILE: path: expected …, got …
          lines.forEach((line, k) => expect(line.endsWith(`case-${i - 1}.json: ${expected.errors[k].message}`)).toBe(true));
        }),
        params,
      );
    },
    Math.max(120_000, RUNS * 5_000),
  );
});
