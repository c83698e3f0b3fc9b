/** What the sweep pool sends its worker threads and gets back (structured-clone-able); the envelopes are threads.ts's. */
import type { PathSegment } from '../../sim/validation/errors';
import type { ParameterValue } from '../../sim/sweep/schema';

/** Sent once to each worker: what every run shares. */
export interface SweepInit {
  baseInput: unknown;
  segments: PathSegment[][];
  /** Measures kept in outcomes and per-tick tables; null = all. */
  measures: string[] | null;
  perTick: boolean;
}

export interface RunTask {
  run: number;
  point: number;
  replicate: number;
  seed: number;
  values: ParameterValue[];
  /** Overrides the pool's per-tick setting (distributed runs carry it in the job). */
  perTick?: boolean;
}

export interface RunDone {
  type: 'done';
  run: number;
  hash: string;
  summary: Record<string, number>;
  /** CSV lines (no header) of the per-tick table, each starting with run and seed; only if perTick. */
  perTickCsv?: string;
}
