/** Hard maxima on calibration sizes, checked before any run starts. */
export const CALIBRATION_LIMITS = {
  /** Targets file size, bytes. */
  fileBytes: 1024 * 1024,
  parameters: 32,
  targets: 200,
  /** Candidates in one stage. */
  pointsPerStage: 100_000,
  rounds: 50,
  seeds: 1000,
  /** Runs of the whole calibration (candidates × seeds). */
  runs: 1_000_000,
} as const;
