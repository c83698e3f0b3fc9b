/**
 * Reads the zod schema itself to say in words what a field accepts
 * (`a number in [0,1]`, `one of "sea", "air", "land"`), and finds the schema
 * of a field from its data path. Relies on zod 4's `_zod.def` introspection.
 */
import type { PathSegment } from '../validation/errors';

/** The parts of zod 4's internal definition that we read. */
interface Def {
  type: string;
  innerType?: ZodLike;
  in?: ZodLike;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  keyType?: ZodLike;
  valueType?: ZodLike;
  options?: ZodLike[];
  discriminator?: string;
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
}
export interface ZodLike {
  _zod: { def: Def };
  safeParse?: (input: unknown) => { success: boolean; error?: { issues: { code: string; message: string }[] } };
}

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** Strips default/optional wrappers. */
export function unwrap(schema: ZodLike): ZodLike {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = s._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return s;
}

/** For a discriminated union: the option chosen by the input's discriminator, if any. */
export function unionOption(schema: ZodLike, input: unknown): ZodLike | undefined {
  const def = unwrap(schema)._zod.def;
  if (def.type !== 'union' || !def.options) return undefined;
  if (!def.discriminator || input === null || typeof input !== 'object') return undefined;
  const tag = (input as Record<string, unknown>)[def.discriminator];
  return def.options.find((o) => {
    const lit = unwrap(o)._zod.def.shape?.[def.discriminator!];
    return lit !== undefined && (unwrap(lit)._zod.def.values ?? []).includes(tag);
  });
}

/**
 * For a plain union of objects: the option that has `key` and shares the most
 * keys with the input (the one the author most likely meant).
 */
function closestObjectOption(schema: ZodLike, key: PathSegment, input: unknown): ZodLike | undefined {
  const inputKeys = input !== null && typeof input === 'object' ? Object.keys(input) : [];
  let best: ZodLike | undefined;
  let bestScore = -1;
  for (const option of unwrap(schema)._zod.def.options ?? []) {
    const shape = unwrap(option)._zod.def.shape;
    if (!shape || !hasOwn(shape, String(key))) continue;
    const score = inputKeys.filter((k) => hasOwn(shape, k)).length;
    if (score > bestScore) {
      best = option;
      bestScore = score;
    }
  }
  return best;
}

const hasOwn = (o: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Own property of plain data, never inherited. */
export function ownValue(container: unknown, key: PathSegment): unknown {
  if (container === null || typeof container !== 'object') return undefined;
  return hasOwn(container, key) ? (container as Record<PathSegment, unknown>)[key] : undefined;
}

/** The schema of the field at `path` (following the input through unions), or undefined. */
export function schemaAt(root: ZodLike, path: readonly PathSegment[], input: unknown): ZodLike | undefined {
  let schema: ZodLike | undefined = root;
  let value = input;
  for (const segment of path) {
    if (!schema) return undefined;
    let s: ZodLike = unwrap(schema);
    if (s._zod.def.type === 'union') {
      const option = unionOption(s, value) ?? closestObjectOption(s, segment, value);
      if (!option) return undefined;
      s = unwrap(option);
    }
    const def = s._zod.def;
    if (def.type === 'object') schema = def.shape && hasOwn(def.shape, String(segment)) ? def.shape[String(segment)] : undefined;
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else return undefined;
    value = ownValue(value, segment);
  }
  return schema;
}

/** A number as people write it in a range: 0.95, 500000, 1e12. */
export function formatNumber(n: number): string {
  const plain = String(n);
  if (plain.length <= 10 && !plain.includes('e')) return plain;
  return n.toExponential().replace('e+', 'e');
}

function describeNumber(def: Def): string {
  let int = false;
  let lo: { value: number; inclusive: boolean } | undefined;
  let hi: { value: number; inclusive: boolean } | undefined;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'number_format' && (d.format === 'safeint' || d.format === 'int32')) int = true;
    if (d.check === 'greater_than' && d.value !== undefined) lo = { value: d.value, inclusive: d.inclusive ?? false };
    if (d.check === 'less_than' && d.value !== undefined) hi = { value: d.value, inclusive: d.inclusive ?? false };
  }
  const noun = int ? 'an integer' : 'a number';
  if (lo && hi) {
    return `${noun} in ${lo.inclusive ? '[' : '('}${formatNumber(lo.value)},${formatNumber(hi.value)}${hi.inclusive ? ']' : ')'}`;
  }
  if (lo) return `${noun} ${lo.inclusive ? '≥' : '>'} ${formatNumber(lo.value)}`;
  if (hi) return `${noun} ${hi.inclusive ? '≤' : '<'} ${formatNumber(hi.value)}`;
  return noun;
}

function lengthBounds(def: Def): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length') out.min = d.minimum;
    if (d.check === 'max_length') out.max = d.maximum;
  }
  return out;
}

function describeLength(noun: string, unit: string, min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `${noun} of ${min}–${max} ${unit}`;
  if (min !== undefined) return min === 1 && unit === 'characters' ? `a non-empty ${noun.replace(/^an? /, '')}` : `${noun} of at least ${min} ${unit}`;
  if (max !== undefined) return `${noun} of at most ${max} ${unit}`;
  return noun;
}

/** The phrase of a regex check (our schema gives each regex a readable message). */
function regexPhrase(schema: ZodLike): string | undefined {
  const def = schema._zod.def;
  const check = def.checks?.find((c) => c._zod.def.format === 'regex');
  if (!check) return undefined;
  const issue = schema.safeParse?.('\u0000')?.error?.issues.find((i) => i.code === 'invalid_format');
  return issue && !issue.message.startsWith('Invalid') ? issue.message : `a string matching ${String(check._zod.def.pattern)}`;
}

export function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** What the schema accepts, in words. */
export function describeSchema(schema: ZodLike): string {
  const s = unwrap(schema);
  const def = s._zod.def;
  switch (def.type) {
    case 'number':
      return describeNumber(def);
    case 'string': {
      const phrase = regexPhrase(s);
      if (phrase) return phrase;
      const { min, max } = lengthBounds(def);
      return describeLength('a string', 'characters', min, max);
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${quoteList(Object.values(def.entries ?? {}))}`;
    case 'literal':
      return (def.values ?? []).length === 1 ? JSON.stringify(def.values![0]) : `one of ${quoteList(def.values ?? [])}`;
    case 'array': {
      const { min, max } = lengthBounds(def);
      return describeLength('a list', 'items', min, max);
    }
    case 'record':
      return 'an object';
    case 'object':
      return 'an object';
    case 'union': {
      if (def.discriminator) {
        const tags = (def.options ?? []).flatMap((o) => unwrap(unwrap(o)._zod.def.shape?.[def.discriminator!] ?? o)._zod.def.values ?? []);
        return `an object whose "${def.discriminator}" is one of ${quoteList(tags)}`;
      }
      return (def.options ?? []).map(describeSchema).join(' or ');
    }
    default:
      return def.type;
  }
}

/** Allowed keys of an object schema, in schema order. */
export function objectKeys(schema: ZodLike): string[] {
  return Object.keys(unwrap(schema)._zod.def.shape ?? {});
}
