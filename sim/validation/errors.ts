/**
 * The shape of every scenario problem we report: where (a data path such as
 * `countries[3].police.corruption`), what was expected, what was found, and a
 * one-line message made of the three. Used by the JSON reader, the schema check
 * and the cross-reference checks alike, in the browser and in Node.
 */

export interface ScenarioError {
  /** Data path, e.g. `countries[3].police.corruption`; "" for the whole file. */
  path: string;
  /** What the value should be, phrased for people, e.g. `a number in [0,1]`. */
  expected: string;
  /** What was there, as short JSON (`"high"`, `null`) or `missing`. */
  found: string;
  /** `path: expected …, got …` in one line. */
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ScenarioError[] };

export type PathSegment = string | number;

/** Problems reported at most per file; the first ones by path are kept. */
export const MAX_ERRORS = 50;

/** Thrown by `loadScenario`; `message` is the first problem (and how many more). */
export class ScenarioValidationError extends Error {
  readonly errors: ScenarioError[];
  constructor(errors: ScenarioError[]) {
    const first = errors[0]?.message ?? 'invalid scenario';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    super(first + more);
    this.name = 'ScenarioValidationError';
    this.errors = errors;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const KEY_MAX = 40;

/** A key as written in paths and messages, cut short if it is very long. */
export function shortKey(key: string): string {
  return key.length > KEY_MAX ? `${key.slice(0, KEY_MAX - 1)}…` : key;
}

/** `["countries", 3, "police"]` → `countries[3].police`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENTIFIER.test(s) && s.length <= KEY_MAX) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(shortKey(s))}]`;
  }
  return out;
}

const FOUND_MAX = 60;

/** A value as short JSON for messages: `"high"`, `null`, `missing`, `[1,2,…]`. */
export function renderFound(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'number') return String(value); // also NaN, Infinity
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Array.isArray(value) ? 'a list' : 'an object';
  }
  return text.length > FOUND_MAX ? `${text.slice(0, FOUND_MAX - 1)}…` : text;
}

/** Internal form while collecting: keeps the path segments for sorting. */
export interface PendingError {
  segments: PathSegment[];
  expected: string;
  found: string;
  /** Extra words after the message, e.g. `(line 4, column 7)`. */
  note?: string;
}

export function toScenarioError(e: PendingError): ScenarioError {
  const path = formatPath(e.segments);
  const where = path === '' ? 'scenario' : path;
  const note = e.note ? ` ${e.note}` : '';
  return { path, expected: e.expected, found: e.found, message: `${where}: expected ${e.expected}, got ${e.found}${note}` };
}

/**
 * Order of two data paths: segment by segment, array indices numerically and before
 * keys, keys by their text; a path before the paths inside it. Errors are listed in
 * this order, and formatIssue keeps the first issues in it.
 */
export function comparePaths(a: readonly PropertyKey[], b: readonly PropertyKey[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

const omitted = new WeakMap<readonly ScenarioError[], number>();

/** How many more distinct problems were found than the MAX_ERRORS listed in `errors` (0 if none), for "and N more". */
export function omittedErrors(errors: readonly ScenarioError[]): number {
  return omitted.get(errors) ?? 0;
}

/** Sorted by path (array indices numerically), duplicates dropped, capped at MAX_ERRORS (omittedErrors counts the rest). */
export function finishErrors(pending: PendingError[]): ScenarioError[] {
  const indexed = pending.map((e, i) => ({ e, i }));
  indexed.sort((p, q) => comparePaths(p.e.segments, q.e.segments) || p.i - q.i);
  const seen = new Set<string>();
  const out: ScenarioError[] = [];
  let more = 0;
  for (const { e } of indexed) {
    const error = toScenarioError(e);
    if (seen.has(error.message)) continue;
    seen.add(error.message);
    if (out.length < MAX_ERRORS) out.push(error);
    else more++;
  }
  if (more > 0) omitted.set(out, more);
  return out;
}

/** Several errors as text, one per line (for a CLI or a page). */
export function formatErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => e.message).join('\n');
}
