/**
 * Mutations of a valid scenario for fuzzing the validator: set a random path
 * to a random value, delete or add keys (prototype keys included), swap types.
 */
import fc from 'fast-check';

export type Path = (string | number)[];
type Json = unknown;

/** Every path in a JSON value (containers and leaves), root excluded. */
export function allPaths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    for (const [k, v] of entries) {
      const p = [...prefix, k];
      out.push(p);
      allPaths(v, p, out);
    }
  }
  return out;
}

function parentOf(root: Json, path: Path): Record<string | number, Json> | undefined {
  let v = root;
  for (const k of path.slice(0, -1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, Json>)[k];
  }
  return v !== null && typeof v === 'object' ? (v as Record<string | number, Json>) : undefined;
}

/** Sets an own property the way JSON.parse does (so "__proto__" stays a plain key). */
function define(target: Record<string | number, Json>, key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function swapType(v: Json): Json {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.length;
  if (typeof v === 'boolean') return v ? 'true' : 0;
  if (v === null) return {};
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  return Object.values(v as object);
}

export const KEY_POOL = ['__proto__', 'constructor', 'prototype', 'id', 'name', 'lever', 'budgetUsdPerYear', 'country', 'start', 'end', 'extra', 'COL', 'toString', 'hasOwnProperty', 'valueOf'];

export interface Mutation {
  kind: 'set' | 'delete' | 'add' | 'swap' | 'duplicate';
  at: number;
  key: string;
  value: Json;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'delete', 'add', 'swap', 'duplicate'),
  at: fc.nat(),
  key: fc.oneof(fc.constantFrom(...KEY_POOL), fc.string({ maxLength: 12 })),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(0, -1, 1, 1e308, -1e-300, 0.5, 2 ** 53, '', 'COL', 'XYZ', '2000-01', '2099-12', '1999-13', 'sea', [], {}, null, true),
  ),
});

/** Applies a mutation to `root` in place (the root itself is never replaced). */
export function mutate(root: Json, m: Mutation): void {
  const paths = allPaths(root);
  if (paths.length === 0) return;
  const path = paths[m.at % paths.length];
  const parent = parentOf(root, path);
  if (!parent) return;
  const key = path[path.length - 1];
  switch (m.kind) {
    case 'set':
      define(parent, key, m.value);
      return;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      return;
    case 'add': {
      const target = parent[key];
      if (Array.isArray(target)) target.push(m.value);
      else if (target !== null && typeof target === 'object') define(target as Record<string, Json>, m.key, m.value);
      else define(parent, Array.isArray(parent) ? parent.length : m.key, m.value);
      return;
    }
    case 'swap':
      define(parent, key, swapType(parent[key]));
      return;
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]));
      return;
  }
}
