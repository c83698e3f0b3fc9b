/**
 * Runs a list of jobs on worker threads (one per core by default) and hands the
 * values back in job order, so outputs are identical whatever the number of
 * workers. Only a few finished-but-not-yet-consumed values are held at a time.
 * Even a single run goes to a worker thread, so the main thread stays free to act
 * on Ctrl-C at once (interrupt.ts); only if the worker bundle is missing (tests
 * run from source) do jobs run in this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { installInterruptHandlers } from './interrupt';
import { executeJob, type Job, type JobValue } from './jobs';

/** The bundled worker, next to the bundled CLI in dist/node/. */
function workerScript(): string | null {
  const path = fileURLToPath(new URL('./cli-worker.mjs', import.meta.url));
  return existsSync(path) ? path : null;
}

/**
 * One thread per core, but only for 4 runs or more: each worker compiles the model
 * afresh, which costs about one run, so fewer runs are faster on one thread.
 */
export function defaultWorkers(jobs: number): number {
  return jobs < 4 ? 1 : Math.max(1, Math.min(jobs, availableParallelism()));
}

type Reply =
  | { id: number; ok: true; value: JobValue }
  | { id: number; ok: false; message: string }
  | { id: number; ok?: undefined; progress: number };

export interface RunJobsOptions {
  /** Work done so far, in runs: 2.5 = two runs finished and half of a third (called about 50 times a run). */
  onProgress?: (done: number) => void;
}

/**
 * Run `jobs` on up to `workers` threads; `consume(i, value)` is called for
 * i = 0, 1, 2, ... in order. Rejects with the first job's error.
 */
export async function runJobs(
  jobs: readonly Job[],
  workers: number,
  consume: (index: number, value: JobValue) => void,
  options: RunJobsOptions = {},
): Promise<void> {
  installInterruptHandlers();
  const onProgress = options.onProgress ?? (() => {});
  const script = jobs.length > 0 ? workerScript() : null;
  if (!script) {
    for (let i = 0; i < jobs.length; i++) {
      consume(i, executeJob(jobs[i], (done, total) => onProgress(i + done / total)));
      // let signals (Ctrl-C) and progress output through between runs
      if (i + 1 < jobs.length) await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  const partial = new Map<number, number>(); // job id → fraction done, for jobs in flight
  let finished = 0;
  const report = () => {
    let done = finished;
    for (const f of partial.values()) done += f;
    onProgress(done);
  };
  const threads = Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, () => new Worker(script));
  const ready = new Map<number, JobValue>();
  let next = 0; // next job to send
  let emitted = 0; // next index to consume
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (err: Error) => {
        if (!failed) {
          failed = true;
          reject(err);
        }
      };
      const send = (worker: Worker) => {
        // Hold back when too many finished values wait for an earlier one.
        if (next < jobs.length && ready.size < 2 * threads.length) {
          worker.postMessage({ id: next, job: jobs[next] });
          next++;
          return true;
        }
        return false;
      };
      const idle: Worker[] = [];
      for (const worker of threads) {
        worker.on('message', (reply: Reply) => {
          if (failed) return;
          if (reply.ok === undefined) {
            partial.set(reply.id, reply.progress);
            return report();
          }
          if (!reply.ok) return fail(new Error(reply.message));
          partial.delete(reply.id);
          finished++;
          report();
          ready.set(reply.id, reply.value);
          try {
            while (ready.has(emitted)) {
              const value = ready.get(emitted)!;
              ready.delete(emitted);
              consume(emitted++, value);
            }
          } catch (err) {
            return fail(err as Error);
          }
          if (emitted === jobs.length) return resolve();
          if (!send(worker)) idle.push(worker);
          while (idle.length > 0 && send(idle[0])) idle.shift();
        });
        worker.on('error', (err) => fail(err));
        worker.on('exit', (code) => {
          if (emitted < jobs.length) fail(new Error(`a worker thread exited with code ${code}`));
        });
        if (!send(worker)) idle.push(worker);
      }
    });
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
