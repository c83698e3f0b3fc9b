/**
 * Seeded random streams. Every agent type (and every trafficking organisation)
 * draws from its own named stream, derived from the run seed and the stream's
 * name, so adding draws in one stream never reshuffles another.
 *
 * The generator is Alea (Baagøe), seeded exactly as seedrandom's `alea` does, so
 * the sequences are seedrandom's. Its state lives in a small typed array (`s`)
 * that hot loops may copy into locals, step inline with `ALEA_*` and write back;
 * everything else just calls the stream.
 */
import alea from 'seedrandom/lib/alea';
import { cos, exp, log } from '../math/detmath';

/** Alea's saved state (the format of seedrandom's `state()`). */
export interface RandomState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** A stream: call it for a uniform draw in [0, 1). */
export interface Random {
  (): number;
  /** The live state [s0, s1, s2, c]. */
  readonly s: Float64Array;
  state(): RandomState;
}

/**
 * One Alea step on state held in locals, for hot loops:
 *   t = ALEA_MULTIPLIER * s0 + c * ALEA_2_POW_MINUS_32; s0 = s1; s1 = s2; c = t | 0; s2 = t - c;  // s2 is the draw
 */
export const ALEA_MULTIPLIER = 2091639;
export const ALEA_2_POW_MINUS_32 = 2.3283064365386963e-10;

/**
 * One Alea step on a stream's live state [s0, s1, s2, c]; returns the draw. Every stream steps
 * through this one function, so callers that pass `rng.s` get it inlined (a call to the stream
 * itself goes to one of many closures, which compilers do not inline).
 */
export function nextUniform(s: Float64Array): number {
  const t = ALEA_MULTIPLIER * s[0] + s[3] * ALEA_2_POW_MINUS_32;
  const c = t | 0;
  s[0] = s[1];
  s[1] = s[2];
  s[3] = c;
  return (s[2] = t - c);
}

function fromState(saved: RandomState): Random {
  const s = new Float64Array([saved.s0, saved.s1, saved.s2, saved.c]);
  const next = (() => nextUniform(s)) as Random;
  Object.defineProperty(next, 's', { value: s });
  next.state = () => ({ c: s[3], s0: s[0], s1: s[1], s2: s[2] });
  return next;
}

/** A fresh stream for `name` under run seed `seed`. */
export function createStream(seed: number, name: string): Random {
  return fromState(alea(`balloon:${seed >>> 0}:${name}`, { state: true }).state());
}

/** Restore a stream from a saved state (see `Random.state()`). */
export function restoreStream(state: RandomState): Random {
  return fromState(state);
}

/** How many of the next `n` draws of `rng` fall below `p` (the draws made as `n` calls would make them, stepped in locals). */
export function countBelow(rng: Random, n: number, p: number): number {
  const st = rng.s;
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let c = st[3];
  let count = 0;
  for (let i = 0; i < n; i++) {
    const t = ALEA_MULTIPLIER * s0 + c * ALEA_2_POW_MINUS_32;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    if (s2 < p) count++;
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = c;
  return count;
}

/** Standard normal draw (Box–Muller, one of the pair). */
export function normal(rng: Random): number {
  const u = 1 - nextUniform(rng.s);
  const v = nextUniform(rng.s);
  return Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * v);
}

/** A log-normal factor of mean 1 and log-sd `logSd` at the standard normal value z: exp(logSd·z − logSd²/2). */
export function meanOneLognormal(logSd: number, z: number): number {
  return exp(logSd * z - (logSd * logSd) / 2);
}

/** Index drawn with probability proportional to weights[i] (weights not all zero). */
export function pickWeighted(rng: Random, weights: ArrayLike<number>, n = weights.length): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  let r = rng() * total;
  for (let i = 0; i < n; i++) {
    r -= weights[i];
    if (r < 0 && weights[i] > 0) return i;
  }
  for (let i = n - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return 0;
}
