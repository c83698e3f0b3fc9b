/**
 * Checks a value handed over as an object (not text) before the schema sees
 * it: it must be plain JSON-like data (plain objects, arrays, strings, finite
 * numbers, booleans, null), no deeper than `maxDepth`, without cycles and
 * without prototype keys. Iterative, so a very deep value cannot overflow the
 * stack. Returns the first problem found, or undefined.
 */
import { renderFound, type PathSegment, type PendingError } from './errors';
import { PROTOTYPE_KEYS, PROTOTYPE_KEY_EXPECTED } from './prototypeKeys';

interface Item {
  value: unknown;
  path: PathSegment[];
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function checkPlainData(root: unknown, maxDepth: number): PendingError | undefined {
  const work: Item[] = [{ value: root, path: [] }];
  const onPath = new Set<object>();
  // Depth-first with explicit exit markers, so `onPath` holds the ancestors only
  // (shared sub-objects are fine, cycles are not).
  const exits: { depth: number; value: object }[] = [];
  while (work.length > 0) {
    const { value, path } = work.pop()!;
    while (exits.length > 0 && exits[exits.length - 1].depth >= path.length) onPath.delete(exits.pop()!.value);
    // undefined counts as absent (the schema says whether that is allowed); NaN and Infinity are left to the schema too
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') continue;
    if (typeof value !== 'object') {
      return { segments: path, expected: 'JSON data (object, list, string, number, true, false or null)', found: renderFound(value) };
    }
    if (onPath.has(value)) return { segments: path, expected: 'JSON data without cycles', found: 'a reference to one of its own containers' };
    if (path.length >= maxDepth) return { segments: path, expected: `nesting at most ${maxDepth} levels deep`, found: 'deeper nesting' };
    if (Array.isArray(value)) {
      onPath.add(value);
      exits.push({ depth: path.length, value });
      for (let i = value.length - 1; i >= 0; i--) work.push({ value: value[i], path: [...path, i] });
      continue;
    }
    if (!isPlainObject(value)) {
      const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
      const found = typeof name === 'string' && name !== '' && name !== 'Object' ? `an instance of ${name}` : 'an object with a custom prototype';
      return { segments: path, expected: 'a plain JSON object', found };
    }
    onPath.add(value);
    exits.push({ depth: path.length, value });
    const keys = Reflect.ownKeys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (typeof key === 'symbol') return { segments: path, expected: 'string keys only', found: 'a symbol key' };
      if (PROTOTYPE_KEYS.has(key)) return { segments: [...path, key], expected: PROTOTYPE_KEY_EXPECTED, found: `key ${JSON.stringify(key)}` };
      work.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}
