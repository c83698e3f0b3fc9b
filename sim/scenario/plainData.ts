/**
 * Copies a value handed over as data (not text) before the schema sees it,
 * checking on the way that it is plain JSON-like data: plain objects, arrays,
 * strings, numbers, booleans, null (undefined counts as absent), no deeper than
 * `maxDepth`, without cycles. Iterative, so a very deep value cannot overflow
 * the stack. Prototype keys are left out of the copy and reported, like the
 * text reader does. Working on a copy also means getters run once, and the
 * schema checks exactly what was checked here.
 */
import { renderFound, type PathSegment, type PendingError } from '../validation/errors';
import { PROTOTYPE_KEYS, PROTOTYPE_KEY_EXPECTED } from './prototypeKeys';

export type PlainDataResult = { ok: true; value: unknown; keyProblems: PendingError[] } | { ok: false; error: PendingError };

interface Item {
  value: unknown;
  path: PathSegment[];
  /** Where the copy goes. */
  set: (copy: unknown) => void;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function copyPlainData(root: unknown, maxDepth: number): PlainDataResult {
  let result: unknown;
  const work: Item[] = [{ value: root, path: [], set: (c) => (result = c) }];
  const keyProblems: PendingError[] = [];
  // Depth-first with exit markers, so `onPath` holds the ancestors only
  // (shared sub-objects are fine, cycles are not).
  const onPath = new Set<object>();
  const exits: { depth: number; value: object }[] = [];
  const fail = (error: PendingError): PlainDataResult => ({ ok: false, error });
  while (work.length > 0) {
    const { value, path, set } = work.pop()!;
    while (exits.length > 0 && exits[exits.length - 1].depth >= path.length) onPath.delete(exits.pop()!.value);
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
      set(value); // NaN and Infinity are left to the schema, which names them
      continue;
    }
    if (typeof value !== 'object') {
      return fail({ segments: path, expected: 'JSON data (object, list, string, number, true, false or null)', found: renderFound(value) });
    }
    if (onPath.has(value)) return fail({ segments: path, expected: 'JSON data without cycles', found: 'a reference to one of its own containers' });
    if (path.length >= maxDepth) return fail({ segments: path, expected: `nesting at most ${maxDepth} levels deep`, found: 'deeper nesting' });
    onPath.add(value);
    exits.push({ depth: path.length, value });
    if (Array.isArray(value)) {
      const copy: unknown[] = new Array(value.length);
      set(copy);
      for (let i = value.length - 1; i >= 0; i--) work.push({ value: value[i], path: [...path, i], set: (c) => (copy[i] = c) });
      continue;
    }
    if (!isPlainObject(value)) {
      const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
      const found = typeof name === 'string' && name !== '' && name !== 'Object' ? `an instance of ${name}` : 'an object with a custom prototype';
      return fail({ segments: path, expected: 'a plain JSON object', found });
    }
    const copy: Record<string, unknown> = {};
    set(copy);
    const keys = Reflect.ownKeys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (typeof key === 'symbol') return fail({ segments: path, expected: 'string keys only', found: 'a symbol key' });
      if (PROTOTYPE_KEYS.has(key)) {
        keyProblems.push({ segments: [...path, key], expected: PROTOTYPE_KEY_EXPECTED, found: `key ${JSON.stringify(key)}` });
        continue;
      }
      let child: unknown;
      try {
        child = (value as Record<string, unknown>)[key];
      } catch {
        return fail({ segments: [...path, key], expected: 'a plain value', found: 'a property that fails when read' });
      }
      work.push({ value: child, path: [...path, key], set: (c) => (copy[key] = c) });
    }
  }
  return { ok: true, value: result, keyProblems };
}
