/**
 * Seeded random streams. Every agent type (and every trafficking organisation)
 * draws from its own named stream, derived from the run seed and the stream's
 * name, so adding draws in one stream never reshuffles another.
 * Alea (from seedrandom) is used for speed; its state can be saved and restored.
 */
import alea, { type AleaPrng, type AleaState } from 'seedrandom/lib/alea';

export type Random = AleaPrng;
export type RandomState = AleaState;

/** A fresh stream for `name` under run seed `seed`. */
export function createStream(seed: number, name: string): Random {
  return alea(`balloon:${seed >>> 0}:${name}`, { state: true });
}

/** Restore a stream from a saved state (see `Random.state()`). */
export function restoreStream(state: RandomState): Random {
  return alea('', { state: { ...state } });
}

/** Standard normal draw (Box–Muller, one of the pair). */
export function normal(rng: Random): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Logistic draw with scale 1 (the noise of a logit choice). */
export function logistic(rng: Random): number {
  const u = rng() * 0.999998 + 0.000001;
  return Math.log(u / (1 - u));
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
