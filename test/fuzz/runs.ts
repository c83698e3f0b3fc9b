/**
 * How many cases each fuzz property tries: BALLOON_FUZZ_RUNS, or a small
 * default for CI. Long run: `BALLOON_FUZZ_RUNS=10000 npx vitest run test/fuzz`.
 */
export function fuzzRuns(ciDefault: number): number {
  const raw = process.env.BALLOON_FUZZ_RUNS;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : ciDefault;
}

/** A fixed seed unless BALLOON_FUZZ_SEED is set, so CI failures reproduce. */
export function fuzzSeed(): number {
  const raw = process.env.BALLOON_FUZZ_SEED;
  return raw === undefined ? 20261125 : Number(raw) | 0;
}
