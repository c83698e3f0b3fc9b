/**
 * Scenario validation, the one gate every scenario passes in every host (CLI,
 * browser worker, sweeps): text → safe JSON → plain-data check → zod schema
 * (defaults filled) → cross-reference checks. Never throws for bad input
 * (except `loadScenario`, which throws ScenarioValidationError by design);
 * returns every problem found, sorted by path, at most MAX_ERRORS.
 */
import { scenarioSchema, type Scenario } from './schema';
import { LIMITS } from '../validation/limits';
import { finishErrors, ScenarioValidationError, type ParseResult, type PendingError, type ScenarioError } from '../validation/errors';
import { readJson } from './safeJson';
import { copyPlainData } from './plainData';
import { formatIssues } from './formatIssue';
import type { ZodLike } from './describeSchema';
import { checkCrossReferences } from './crossReferences';
import { utf8Length } from './utf8';

export { ScenarioValidationError, formatErrors, MAX_ERRORS } from '../validation/errors';
export type { ParseResult, ScenarioError } from '../validation/errors';

const fail = (errors: PendingError[]): { ok: false; errors: ScenarioError[] } => ({ ok: false, errors: finishErrors(errors) });

/** The guard of last resort: a validator bug must still come out as an error, not a throw. */
function internalError(e: unknown): { ok: false; errors: ScenarioError[] } {
  const what = e instanceof Error ? e.message : String(e);
  return fail([{ segments: [], expected: 'a scenario the validator can read', found: `an internal error (${what.slice(0, 120)})` }]);
}

type DataResult = { ok: true; value: Scenario } | { ok: false; pending: PendingError[] };

function validateData(input: unknown): DataResult {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, pending: formatIssues(scenarioSchema as unknown as ZodLike, parsed.error.issues, input) };
  }
  const problems = checkCrossReferences(parsed.data);
  return problems.length > 0 ? { ok: false, pending: problems } : { ok: true, value: parsed.data };
}

/** Rejected keys are reported together with whatever else is wrong. */
function withKeyProblems(keyProblems: PendingError[], result: DataResult): ParseResult<Scenario> {
  if (keyProblems.length === 0) return result.ok ? result : fail(result.pending);
  return fail([...keyProblems, ...(result.ok ? [] : result.pending)]);
}

/** Validates a scenario given as data (e.g. already parsed, or built in code). */
export function parseScenario(input: unknown): ParseResult<Scenario> {
  try {
    const copy = copyPlainData(input, LIMITS.depth);
    if (!copy.ok) return fail([copy.error]);
    return withKeyProblems(copy.keyProblems, validateData(copy.value));
  } catch (e) {
    return internalError(e);
  }
}

/** Validates a scenario file's text: size limit first, then safe JSON, then as parseScenario. */
export function parseScenarioText(text: string): ParseResult<Scenario> {
  try {
    if (typeof text !== 'string') return fail([{ segments: [], expected: 'the text of a JSON file', found: typeof text }]);
    const bytes = text.length > LIMITS.fileBytes ? text.length : utf8Length(text);
    if (bytes > LIMITS.fileBytes) {
      return fail([{ segments: [], expected: `a file of at most ${LIMITS.fileBytes} bytes`, found: `${text.length > LIMITS.fileBytes ? 'at least ' : ''}${bytes} bytes` }]);
    }
    const read = readJson(text, LIMITS.depth);
    if (!read.ok) return fail(read.errors);
    return withKeyProblems(read.keyProblems, validateData(read.value));
  } catch (e) {
    return internalError(e);
  }
}

/** Like parseScenario, but throws ScenarioValidationError (with all errors) on bad input. */
export function loadScenario(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new ScenarioValidationError(result.errors);
  return result.value;
}
