/** Shared helpers for scenario tests: a fresh copy of the small fixture, and error lookup. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScenarioError, ParseResult } from '../../sim/scenario/validate';

export const FIXTURE_PATH = fileURLToPath(new URL('../fixtures/small-scenario.json', import.meta.url));
export const FIXTURE_TEXT = readFileSync(FIXTURE_PATH, 'utf8');

/** A deep copy of the fixture as plain data, to mutate freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fixture(): any {
  return JSON.parse(FIXTURE_TEXT);
}

/** The errors of a failed result; fails the test if the result was ok. */
export function errorsOf<T>(result: ParseResult<T>): ScenarioError[] {
  if (result.ok) throw new Error('expected validation to fail, but it passed');
  return result.errors;
}

/** The single error at `path`; fails if there is none. */
export function errorAt<T>(result: ParseResult<T>, path: string): ScenarioError {
  const errors = errorsOf(result);
  const found = errors.find((e) => e.path === path);
  if (!found) throw new Error(`no error at ${path}; errors were:\n${errors.map((e) => e.message).join('\n')}`);
  return found;
}
