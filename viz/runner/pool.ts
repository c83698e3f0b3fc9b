/**
 * The pool of simulation workers, sized from the cores the browser offers
 * (`navigator.hardwareConcurrency`, see poolSize). A batch (one or more scenarios,
 * each with its seeds) is split into one task per scenario × seed; idle workers take
 * the next task. Workers start when a batch first needs them (the default page runs one
 * task: one worker) and stay for the next batch. Each task is the same call as on one
 * worker, so the results do not depend on the pool's size. Cancelling sets a shared flag
 * the running simulations poll (when the page is cross-origin isolated) or else
 * terminates the workers and starts fresh ones.
 */
import * as Comlink from 'comlink';
import type { RunResult } from '../../sim/results/types';
import type { ScenarioError } from '../../sim/scenario/validate';
import type { SimWorkerApi, ValidationReport } from '../worker/protocol';

/** Workers for `tasks` parallel tasks: one per core the browser offers (at least one, never more than the tasks). */
export function poolSize(tasks = Infinity, cores = globalThis.navigator?.hardwareConcurrency): number {
  const offered = Number.isInteger(cores) && cores! > 0 ? cores! : 2;
  return Math.max(1, Math.min(offered, tasks));
}

export interface BatchJob {
  /** Scenario file text or a parsed scenario object. */
  scenario: string | object;
  seeds: number[];
}

export type BatchOutcome =
  | { ok: true; results: RunResult[][] }
  | { ok: false; cancelled: boolean; job: number; errors: ScenarioError[]; message: string };

interface Slot {
  worker: Worker;
  api: Comlink.Remote<SimWorkerApi>;
  /** A run is in progress: messages to this worker wait until it ends. */
  busy: boolean;
  /** The worker has warmed up (its engine has compiled the simulation and every lever's code). */
  warm: boolean;
}

function spawn(): Slot {
  const worker = new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module', name: 'balloon-sim' });
  return { worker, api: Comlink.wrap<SimWorkerApi>(worker), busy: false, warm: false };
}

export class SimPool {
  private slots: Slot[] = [];
  private generation = 0;
  private flag: Int32Array | undefined;
  private abort: (() => void) | null = null;

  /** `size`: the most workers a batch uses (default: one per core the browser offers). */
  constructor(readonly size = poolSize()) {
    this.slots.push(spawn());
  }

  /** Workers for a batch of `tasks` tasks, started now if missing. */
  private lanes(tasks: number): Slot[] {
    const wanted = Math.max(1, Math.min(this.size, tasks));
    while (this.slots.length < wanted) this.slots.push(spawn());
    return this.slots.slice(0, wanted);
  }

  /**
   * Start every worker the pool may use and let each one not yet warmed run, twice, the first of
   * `texts` (scenario files) with one policy of each lever found in them (see the worker's `warm`:
   * only the second run's compiled code lasts), so that a later batch does not start on cold
   * engines. For idle moments: a task sent meanwhile waits for the warm-up to end. Resolves when
   * the warm-ups end.
   */
  warmUp(texts: string[]): Promise<void> {
    const warming: Promise<void>[] = [];
    for (const slot of this.lanes(this.size)) {
      if (slot.warm) continue;
      slot.warm = true;
      warming.push(slot.api.warm(texts).then(() => slot.api.warm(texts)).then(() => undefined));
    }
    return Promise.all(warming).then(() => undefined);
  }

  /** Whether cancel can stop a run in place (else it restarts the workers). */
  get sharedCancel(): boolean {
    return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer !== 'undefined';
  }

  /** Validate in an idle worker; null when every worker is running (the caller may validate itself). */
  validate(text: string): Promise<ValidationReport> | null {
    const idle = this.slots.find((s) => !s.busy);
    return idle ? idle.api.validate(text) : null;
  }

  /** Run every job's seeds; `onProgress` gets the overall fraction done in [0,1]. A batch still in flight is cancelled first. */
  async run(jobs: BatchJob[], onProgress?: (fraction: number) => void): Promise<BatchOutcome> {
    if (this.abort) this.cancel();
    const generation = ++this.generation;
    const tasks = jobs.flatMap((job, j) => job.seeds.map((seed, s) => ({ job: j, index: s, seed })));
    const results: RunResult[][] = jobs.map((job) => new Array(job.seeds.length));
    const done = new Array(tasks.length).fill(0);
    const report = () => onProgress?.(done.reduce((a, b) => a + b, 0) / Math.max(1, tasks.length));
    this.flag = this.sharedCancel ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    const flag = this.flag;
    let next = 0;
    let failure: BatchOutcome | null = null;

    const cancelled = new Promise<BatchOutcome>((resolve) => {
      this.abort = () => resolve({ ok: false, cancelled: true, job: -1, errors: [], message: 'run cancelled' });
    });

    const lane = async (slot: Slot): Promise<void> => {
      while (next < tasks.length && !failure && generation === this.generation) {
        const task = tasks[next++];
        const at = tasks.indexOf(task);
        const progress = onProgress
          ? Comlink.proxy((_seed: number, ticks: number, total: number) => {
              done[at] = ticks / total;
              report();
            })
          : undefined;
        slot.busy = true;
        const outcome = await slot.api.run(jobs[task.job].scenario, [task.seed], progress, flag).finally(() => (slot.busy = false));
        if (generation !== this.generation) return;
        if (!outcome.ok) {
          failure ??= { ok: false, cancelled: outcome.cancelled, job: task.job, errors: outcome.errors, message: outcome.message };
          return;
        }
        results[task.job][task.index] = outcome.results[0];
      }
    };

    const finished = Promise.all(this.lanes(tasks.length).map(lane)).then(
      (): BatchOutcome => failure ?? (generation === this.generation ? { ok: true, results } : { ok: false, cancelled: true, job: -1, errors: [], message: 'run cancelled' }),
    );
    const outcome = await Promise.race([finished, cancelled]);
    if (generation === this.generation) this.abort = null;
    if (outcome.ok) onProgress?.(1);
    return outcome;
  }

  /** Stop the batch in flight; its `run` promise resolves as cancelled. */
  cancel(): void {
    if (this.flag) Atomics.store(this.flag, 0, 1);
    else {
      // No shared memory: the only way to stop a synchronous run is to end its worker.
      for (const slot of this.slots) {
        slot.api[Comlink.releaseProxy]();
        slot.worker.terminate();
      }
      this.slots = this.slots.map(() => spawn());
    }
    this.generation++;
    this.abort?.();
  }
}
