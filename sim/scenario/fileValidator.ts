/**
 * The validation steps sweep and targets files share with scenarios: text → safe
 * JSON (size limit first) → zod schema (defaults filled) → the checks the schema
 * cannot express. Never throws: a validator bug still comes out as one error.
 */
import type { z } from 'zod';
import type { ZodLike } from './describeSchema';
import { finishErrors, type ParseResult, type PendingError, type ScenarioError } from '../validation/errors';
import { formatIssue } from './formatIssue';
import { LIMITS } from '../validation/limits';
import { readJson } from './safeJson';

const failWith = (pending: PendingError[]): { ok: false; errors: ScenarioError[] } => ({ ok: false, errors: finishErrors(pending) });

/** Validates data against `schema`, then `extraChecks`; `what` names it in the guard's message ("a sweep"). */
export function parseWithSchema<S extends z.ZodType>(schema: S, input: unknown, extraChecks: (value: z.output<S>) => PendingError[], what: string): ParseResult<z.output<S>> {
  try {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return failWith(parsed.error.issues.flatMap((issue) => formatIssue(schema as unknown as ZodLike, issue, input)));
    const problems = extraChecks(parsed.data);
    return problems.length > 0 ? failWith(problems) : { ok: true, value: parsed.data };
  } catch (e) {
    return failWith([{ segments: [], expected: `${what} the validator can read`, found: `an internal error (${String(e instanceof Error ? e.message : e).slice(0, 120)})` }]);
  }
}

/** Validates a file's text with `parse`; `file` names it in the size message ("a sweep file"). Rejected keys come first, with the rest. */
export function parseJsonFile<T>(text: string, maxBytes: number, file: string, parse: (input: unknown) => ParseResult<T>): ParseResult<T> {
  if (text.length > maxBytes) return failWith([{ segments: [], expected: `${file} of at most ${maxBytes} bytes`, found: `${text.length} characters` }]);
  const read = readJson(text, LIMITS.depth);
  if (!read.ok) return failWith(read.errors);
  const result = parse(read.value);
  if (read.keyProblems.length === 0) return result;
  return { ok: false, errors: [...finishErrors(read.keyProblems), ...(result.ok ? [] : result.errors)] };
}
