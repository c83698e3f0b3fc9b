/** The contract between the workshop page and its live-simulation workers (comlink). */
import type { Policy } from '../../../sim/scenario/schema';
import type { Digest } from '../../../sim/workshop/digest';
import type { Fidelity } from '../../../sim/workshop/fidelity';

export type InitReply = { ok: true; baseline: Digest; ms: number } | { ok: false; message: string };

export interface LiveReply {
  digest: Digest;
  /** Recorded tick the re-run resumed from. */
  fromTick: number;
  ticksRun: number;
  /** Time spent in the worker: simulation and digest, ms. */
  ms: number;
}

/** A digest of the years simulated so far in re-run `job`. */
export type PartialListener = (job: number, digest: Digest) => void;

export interface LiveWorkerApi {
  /** Where partial answers go (one listener for the worker's life). */
  listen(listener: PartialListener): void;
  /** Validate the world (scenario file text), run it without levers and keep its snapshots. */
  init(scenarioText: string, fidelity: Fidelity, seed: number): InitReply;
  /**
   * Re-run the last years a few times under every lever and throw the runs away, so the
   * engine has compiled that code before the first real move (a cold engine answers it
   * several times slower). Stops when `cancelFlag` becomes non-zero; the session is unchanged.
   */
  warm(cancelFlag?: Int32Array): void;
  /**
   * Run the world under a plan's fixed-length policy list (see sim/workshop/plan.ts); null
   * when `cancelFlag` (over a SharedArrayBuffer) became non-zero during the run.
   * With a `job` number, the listener gets a partial digest every two simulated years.
   */
  rerun(policies: Policy[], cancelFlag?: Int32Array, job?: number): LiveReply | null;
}
