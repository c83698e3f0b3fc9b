/**
 * Producer: queues every run not yet in the journal, then gathers finished jobs
 * into the same journal as a local sweep. Gathering is idempotent: a job's
 * result is journaled and fsync'd before the job is removed from Redis, and a run
 * already in the journal is never written again, so a producer killed at any
 * moment and restarted loses nothing and duplicates nothing.
 */
import type { Queue } from 'bullmq';
import { inputError } from '../../cli/errors';
import type { RunDone, RunTask } from '../../pool/protocol';
import type { Journal } from '../journal';
import type { LoadedSweep } from '../load';
import { taskFor } from '../local';
import { keepRun } from '../record';
import { jobId } from './queue';

const BATCH = 500;

export async function enqueue(queue: Queue<RunTask, RunDone>, loaded: LoadedSweep, todo: readonly number[], perTick: boolean): Promise<void> {
  for (let i = 0; i < todo.length; i += BATCH) {
    const jobs = todo.slice(i, i + BATCH).map((run) => ({
      name: 'run',
      data: { ...taskFor(loaded, run), perTick },
      opts: { jobId: jobId(run), attempts: 3, removeOnComplete: false, removeOnFail: false },
    }));
    await queue.addBulk(jobs);
  }
}

/**
 * Moves completed jobs into the journal; returns how many runs were newly journaled.
 * A result without the per-tick table this sweep asks for (left by an earlier run of
 * the same sweep without --per-tick) is queued again. Throws on a failed run.
 */
export async function gather(
  queue: Queue<RunTask, RunDone>,
  loaded: LoadedSweep,
  dir: string,
  journal: Journal,
  perTick: boolean,
  onKept: (run: number) => void,
): Promise<number> {
  let added = 0;
  const redo: number[] = [];
  const seen = new Set<string>();
  for (;;) {
    const jobs = await queue.getCompleted(0, BATCH - 1);
    // none left, or only jobs that could not be removed: gather again at the next poll
    if (jobs.every((job) => seen.has(job.id ?? ''))) break;
    for (const job of jobs) seen.add(job.id ?? '');
    for (const job of jobs) {
      const task = job.data;
      const done = job.returnvalue;
      if (task && done && typeof done.hash === 'string') {
        if (perTick && done.perTickCsv === undefined) redo.push(task.run);
        else {
          if (keepRun(dir, journal, task, done)) added++;
          onKept(task.run);
        }
      }
    }
    // A job leaves Redis only once its result is on disk here.
    await journal.flush();
    for (const job of jobs) {
      try {
        await job.remove();
      } catch {
        // already gone (Redis restarted empty): its result is in the journal
      }
    }
  }
  if (redo.length > 0) await enqueue(queue, loaded, redo, perTick);
  const failed = await queue.getFailed(0, 0);
  if (failed.length > 0) {
    const job = failed[0];
    throw inputError(`run ${job.data?.run ?? job.id} failed on a worker after ${job.attemptsMade} attempts: ${job.failedReason}`);
  }
  return added;
}
