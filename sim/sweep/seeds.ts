/**
 * Run seeds: a bijection of the run index keyed by the master seed, so every run
 * of a sweep gets its own seed (no two runs share one, whatever the design) and
 * the same sweep file always gives the same seeds, on every host and shard.
 */

/** An invertible 32-bit mix (the finaliser of MurmurHash3): distinct inputs give distinct outputs. */
export function mix32(x: number): number {
  x >>>= 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

/** The seed of run `run` (0-based) of a sweep with master seed `masterSeed`. */
export function runSeed(masterSeed: number, run: number): number {
  const key = mix32(masterSeed ^ 0x9e3779b9);
  return mix32((run + key) >>> 0);
}
