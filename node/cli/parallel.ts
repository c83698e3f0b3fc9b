/**
 * Runs a list of jobs on worker threads (one per core by default; the pool of
 * ../pool/threads.ts) and hands the values back in job order, so outputs are
 * identical whatever the number of workers. Only a few finished-but-not-yet-consumed values are held at a time.
 * Even a single run goes to a worker thread, so the main thread stays free to act
 * on Ctrl-C at once (interrupt.ts); only if the worker bundle is missing (tests
 * run from source) do jobs run in this thread.
 */
import { availableParallelism } from 'node:os';
import { bundleBeside, ThreadPool } from '../pool/threads';
import { installInterruptHandlers } from './interrupt';
import { executeJob, type Job, type JobValue } from './jobs';

/**
 * One thread per core, but only for 4 runs or more: each worker compiles the model
 * afresh, which costs about one run, so fewer runs are faster on one thread.
 */
export function defaultWorkers(jobs: number): number {
  return jobs < 4 ? 1 : Math.max(1, Math.min(jobs, availableParallelism()));
}

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
  const script = jobs.length > 0 ? bundleBeside('cli-worker.mjs') : null;
  if (!script) {
    for (let i = 0; i < jobs.length; i++) {
      consume(i, executeJob(jobs[i], (done, total) => onProgress(i + done / total)));
      // let signals (Ctrl-C) and progress output through between runs
      if (i + 1 < jobs.length) await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  const partial = new Map<number, number>(); // job index → fraction done, for jobs in flight
  let finished = 0;
  const report = () => {
    let done = finished;
    for (const f of partial.values()) done += f;
    onProgress(done);
  };
  const pool = new ThreadPool<Job, JobValue>(script, Math.max(1, Math.min(workers, jobs.length)), { name: 'a worker thread' });
  const ready = new Map<number, JobValue>();
  let next = 0; // next job to send
  let emitted = 0; // next index to consume
  let inFlight = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (err: Error) => {
        if (!failed) {
          failed = true;
          reject(err);
        }
      };
      const done = (index: number, value: JobValue) => {
        if (failed) return;
        inFlight--;
        partial.delete(index);
        finished++;
        report();
        ready.set(index, value);
        try {
          while (ready.has(emitted)) {
            const v = ready.get(emitted)!;
            ready.delete(emitted);
            consume(emitted++, v);
          }
        } catch (err) {
          return fail(err as Error);
        }
        if (emitted === jobs.length) return resolve();
        send();
      };
      // One job per worker; hold back when too many finished values wait for an earlier one.
      const send = () => {
        while (!failed && next < jobs.length && inFlight < pool.size && ready.size < 2 * pool.size) {
          const index = next++;
          inFlight++;
          const progress = (fraction: number) => {
            if (failed) return;
            partial.set(index, fraction);
            report();
          };
          pool.run(jobs[index], progress).then((value) => done(index, value), fail);
        }
      };
      send();
    });
  } finally {
    await pool.close();
  }
}
