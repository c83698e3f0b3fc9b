/**
 * Hard maxima on scenario sizes. They bound memory before any is allocated and
 * are documented in the README (Reliability). Raise them deliberately, not casually.
 */
export const LIMITS = {
  /** Scenario file size, bytes. */
  fileBytes: 5 * 1024 * 1024,
  /** JSON nesting depth. */
  depth: 32,
  countries: 250,
  regions: 200,
  routes: 2000,
  policies: 500,
  growersPerRegion: 500_000,
  growersTotal: 2_000_000,
  traffickers: 5_000,
  /** Years between start and end. */
  years: 200,
  ticksPerYear: 52,
  ticksTotal: 10_000,
  /** Legs in a trafficking path producer -> consumer. */
  pathLegs: 4,
} as const;
