/** What every reported problem must look like, for scenario and sweep validators alike. */
import { expect } from 'vitest';
import { MAX_ERRORS, type ParseResult, type ScenarioError } from '../../sim/scenario/validate';

/** Filled fields, one line, no leaked internals (`undefined`, `[object Object]`, zod's own words). */
export function expectClearError(e: ScenarioError): void {
  expect(typeof e.path).toBe('string');
  expect(e.expected.length).toBeGreaterThan(0);
  expect(e.found.length).toBeGreaterThan(0);
  expect(e.message.startsWith(`${e.path === '' ? 'scenario' : e.path}: expected ${e.expected}, got ${e.found}`)).toBe(true);
  expect(e.message).not.toMatch(/\n/);
  expect(e.expected).not.toMatch(/undefined|\[object Object\]|Invalid input/);
  expect(e.found).not.toMatch(/^undefined$|^\[object Object\]$|internal error/);
  expect(e.message.length).toBeLessThan(2000); // long keys are cut short; a path may be 32 deep
}

/** A failed result holds 1..MAX_ERRORS clear errors. */
export function expectClearErrors<T>(result: ParseResult<T>): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  expect(result.errors.length).toBeLessThanOrEqual(MAX_ERRORS);
  result.errors.forEach(expectClearError);
}
