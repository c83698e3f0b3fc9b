/**
 * Parameter paths: where a swept value goes in a scenario file. Grammar:
 *   path    = key { "." key | "[" index "]" | "[" json-string "]" }
 * and, right after one of the collections below, ".ID" (or ["ID"]) picks the
 * element by its id instead of its position:
 *   countries.PER.police.corruption   regions.COL-PUT.growers
 *   markets.USA.elasticity            routes.COL-MEX-sea.baseSeizureProbability
 *   policies[0].budgetUsdPerYear      policies.my-label.budgetUsdPerYear (by label)
 * Paths are resolved against the base scenario once, into plain segments
 * (`countries[5].police.corruption`), then values are set on copies of it.
 */
import { formatPath, type PathSegment } from '../validation/errors';

/** How each collection's elements are named when addressed by id. */
const COLLECTION_KEYS: Record<string, (element: Record<string, unknown>) => string | undefined> = {
  countries: (e) => str(e.id),
  regions: (e) => str(e.id),
  markets: (e) => str(e.country),
  routes: (e) => str(e.id) ?? (str(e.from) && str(e.to) && str(e.mode) ? `${e.from}-${e.to}-${e.mode}` : undefined),
  policies: (e) => str(e.label),
};

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A raw segment: `name` (after a dot), `[3]` or `["x"]`. */
type RawSegment = { kind: 'name'; text: string } | { kind: 'index'; index: number } | { kind: 'quoted'; text: string };

export class ParameterPathError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`parameter path "${path}": ${reason}`);
    this.name = 'ParameterPathError';
  }
}

function tokenize(path: string): RawSegment[] {
  const out: RawSegment[] = [];
  let i = 0;
  const bad = (why: string): never => {
    throw new ParameterPathError(path, `${why} at character ${i + 1}`);
  };
  while (i < path.length) {
    const c = path[i];
    if (c === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) bad('expected "]"');
      const inner = path.slice(i + 1, close);
      if (/^\d+$/.test(inner)) out.push({ kind: 'index', index: Number(inner) });
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) out.push({ kind: 'quoted', text: JSON.parse(inner) as string });
      else bad('expected a list index such as [0] or a quoted id such as ["COL-PUT"]');
      i = close + 1;
      continue;
    }
    if (c === '.') {
      if (out.length === 0) bad('unexpected "."');
      i++;
    } else if (out.length > 0) bad('expected "." or "["');
    let end = i;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    if (end === i) bad('expected a name');
    out.push({ kind: 'name', text: path.slice(i, end) });
    i = end;
  }
  if (out.length === 0) throw new ParameterPathError(path, 'expected a path such as "countries.COL.governance"');
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Resolves `path` against the base scenario input into plain segments (keys and
 * list indices). Containers along the way must exist, except objects at the end
 * that the scenario may leave out (e.g. `behaviour`); the last key may be new
 * (scenario validation then says whether the key is allowed).
 */
export function resolvePath(base: unknown, path: string): PathSegment[] {
  const raw = tokenize(path);
  const segments: PathSegment[] = [];
  let node: unknown = base;
  for (let k = 0; k < raw.length; k++) {
    const seg = raw[k];
    const parentKey = segments.length > 0 ? segments[segments.length - 1] : undefined;
    const last = k === raw.length - 1;
    if (Array.isArray(node)) {
      let index: number;
      if (seg.kind === 'index') index = seg.index;
      else {
        const keyOf = typeof parentKey === 'string' ? COLLECTION_KEYS[parentKey] : undefined;
        if (!keyOf) throw new ParameterPathError(path, `${formatPath(segments)} is a list: expected an index such as [0]`);
        index = node.findIndex((e) => isObject(e) && keyOf(e) === seg.text);
        if (index < 0) {
          const ids = node.map((e) => (isObject(e) ? keyOf(e) : undefined)).filter((x): x is string => x !== undefined);
          throw new ParameterPathError(path, `no element of ${formatPath(segments)} has the id "${seg.text}" (ids: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''})`);
        }
      }
      if (index >= node.length) throw new ParameterPathError(path, `${formatPath(segments)} has ${node.length} elements, no index ${index}`);
      segments.push(index);
      node = node[index];
      continue;
    }
    if (seg.kind === 'index') throw new ParameterPathError(path, `${formatPath(segments) || 'the scenario'} is not a list: no index [${seg.index}]`);
    if (FORBIDDEN.has(seg.text)) throw new ParameterPathError(path, `"${seg.text}" is not a scenario key`);
    if (node === undefined && segments.length > 0) {
      // A missing optional object (e.g. "behaviour"): it will be created.
      segments.push(seg.text);
      continue;
    }
    if (!isObject(node)) throw new ParameterPathError(path, `${formatPath(segments)} is a value, not an object: no key "${seg.text}"`);
    if (!last && !Object.prototype.hasOwnProperty.call(node, seg.text) && k + 1 < raw.length && raw[k + 1].kind === 'index') {
      throw new ParameterPathError(path, `the scenario has no list ${formatPath([...segments, seg.text])}`);
    }
    segments.push(seg.text);
    node = Object.prototype.hasOwnProperty.call(node, seg.text) ? node[seg.text] : undefined;
  }
  return segments;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Sets `value` at resolved `segments` in `target` (mutates), creating missing objects. */
export function setAt(target: unknown, segments: readonly PathSegment[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k];
    if (typeof s === 'string' && FORBIDDEN.has(s)) throw new Error(`refusing to set the key "${s}"`);
    if (k === segments.length - 1) {
      node[s] = value;
      return;
    }
    if (node[s] === undefined) node[s] = {};
    node = node[s] as Record<string | number, unknown>;
  }
}

/** The value at resolved segments, or undefined. */
export function getAt(source: unknown, segments: readonly PathSegment[]): unknown {
  let node = source;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}
