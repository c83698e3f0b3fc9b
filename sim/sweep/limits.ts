/** Hard maxima on sweep sizes, checked before any run starts. */
export const SWEEP_LIMITS = {
  /** Sweep file size, bytes. */
  fileBytes: 1024 * 1024,
  parameters: 64,
  valuesPerParameter: 10_000,
  /** Design points (before seeds). */
  points: 1_000_000,
  seedsPerPoint: 10_000,
  /** Runs = points × seeds per point. */
  runs: 1_000_000,
} as const;
