/**
 * Turns zod issues into our errors: a data path, what the schema expects in
 * words (read from the schema, not from zod's generic message), and what the
 * file holds at that path (read from the original input, before defaults).
 */
import type { core } from 'zod';
import { comparePaths, MAX_ERRORS, renderFound, shortKey, type PathSegment, type PendingError } from '../validation/errors';
import { editDistance } from './editDistance';
import { describeSchema, objectKeys, ownValue, quoteList, schemaAt, unwrap, type ZodLike } from './describeSchema';

type Issue = core.$ZodIssue;

function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let v = input;
  for (const s of path) v = ownValue(v, s);
  return v;
}

function segmentsOf(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

/** Size-aware rendering for length errors: `a list of 0 items` beats `[]` for long lists. */
function renderSized(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'string' && value.length > 40) return `a string of ${value.length} characters`;
  return renderFound(value);
}

/** Keys longer than this get no suggestion (the edit distance is quadratic). */
const SUGGEST_MAX_LENGTH = 64;

/** The closest allowed key, if it is close enough to be a likely typo. */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  if (key.length > SUGGEST_MAX_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of allowed) {
    const d = editDistance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

function unknownKeyErrors(root: ZodLike, issue: Extract<Issue, { code: 'unrecognized_keys' }>, input: unknown): PendingError[] {
  const parentPath = segmentsOf(issue.path);
  const parent = schemaAt(root, parentPath, input);
  const parentValue = valueAt(input, parentPath);
  const option = parent ? unwrap(parent) : undefined;
  // A discriminated union's keys depend on the option chosen.
  let allowed: string[] = [];
  if (option) {
    const def = option._zod.def;
    if (def.type === 'union' && def.options) {
      const tag = def.discriminator ? ownValue(parentValue, def.discriminator) : undefined;
      const chosen = def.options.find((o) => (unwrap(unwrap(o)._zod.def.shape?.[def.discriminator ?? ''] ?? o)._zod.def.values ?? []).includes(tag));
      allowed = chosen ? objectKeys(chosen) : [];
    } else allowed = objectKeys(option);
  }
  // Only the first keys in path order can be among the errors reported.
  const keys = [...issue.keys].sort().slice(0, MAX_ERRORS);
  return keys.map((key) => {
    const hint = suggestKey(key, allowed);
    const list = allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : '';
    return {
      segments: [...parentPath, key],
      expected: `no such key${list}`,
      found: `key ${JSON.stringify(shortKey(key))}${hint ? ` (did you mean "${hint}"?)` : ''}`,
    };
  });
}

/** Zod issues formatted at most; beyond this the first ones by path are kept. */
export const MAX_ISSUES = 1000;

/** All issues as errors; a file with thousands of mistakes costs no more than MAX_ISSUES of them. */
export function formatIssues(root: ZodLike, issues: readonly Issue[], input: unknown): PendingError[] {
  const kept = issues.length > MAX_ISSUES ? [...issues].sort((a, b) => comparePaths(a.path, b.path)).slice(0, MAX_ISSUES) : issues;
  return kept.flatMap((issue) => formatIssue(root, issue, input));
}

export function formatIssue(root: ZodLike, issue: Issue, input: unknown): PendingError[] {
  const segments = segmentsOf(issue.path);
  const value = valueAt(input, segments);
  const node = schemaAt(root, segments, input);
  const expected = node ? describeSchema(node) : issue.message;
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeyErrors(root, issue, input);
    case 'invalid_type':
      return [{ segments, expected, found: renderFound(value) }];
    case 'too_small':
    case 'too_big':
      return [{ segments, expected, found: renderSized(value) }];
    case 'invalid_format':
      return [{ segments, expected: issue.message.startsWith('Invalid') ? expected : issue.message, found: renderFound(value) }];
    case 'invalid_value':
      return [{ segments, expected: `one of ${quoteList(issue.values)}`, found: renderFound(value) }];
    case 'invalid_union': {
      if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
        // zod puts the discriminator's path on the issue when the tag is wrong
        return [{ segments, expected: `one of ${quoteList(issue.options)}`, found: renderFound(value) }];
      }
      const nested = issue.errors[0]?.[0];
      if (nested) return formatIssue(root, { ...nested, path: [...issue.path, ...nested.path] } as Issue, input);
      return [{ segments, expected, found: renderFound(value) }];
    }
    case 'invalid_key': {
      const inner = issue.issues[0];
      const phrase = inner && inner.code === 'invalid_format' ? inner.message : 'a valid key';
      const key = segments[segments.length - 1];
      return [{ segments, expected: `a key that is ${phrase}`, found: `key ${JSON.stringify(shortKey(String(key)))}` }];
    }
    default:
      return [{ segments, expected, found: renderFound(value) }];
  }
}
