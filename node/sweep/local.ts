/**
 * Runs a sweep (or one shard of it) on this machine's worker_threads pool,
 * journaling each run as it finishes, then regenerates the outputs. Runs
 * already in the journal are skipped, so the same command resumes.
 */
import { plannedRun } from '../../sim/sweep/plan';
import { onInterrupt } from '../cli/interrupt';
import { WorkerPool } from '../pool/pool';
import type { RunDone, RunTask, SweepInit } from '../pool/protocol';
import { finishDirectory, type FinishReport } from './finish';
import { Journal } from './journal';
import type { LoadedSweep } from './load';
import type { Shard } from './outputs';
import { startSweepProgress } from './progress';
import { lockDirectory } from './lock';
import { keepRun, runNeeded } from './record';
import { prepareDirectory, runIndices } from './state';
import { displayPath } from '../cli/paths';

export interface LocalOptions {
  workers: number;
  shard: Shard | null;
  perTick: boolean;
  quiet: boolean;
  /** Printed to stderr once the directory is known to be usable. */
  banner?: string;
}

export function initFor(loaded: LoadedSweep, perTick: boolean): SweepInit {
  const { plan } = loaded;
  return { baseInput: plan.baseInput, segments: plan.segments, measures: plan.sweep.outputs.measures ?? null, perTick };
}

export function taskFor(loaded: LoadedSweep, run: number): RunTask {
  const planned = plannedRun(loaded.plan, run);
  return { ...planned, values: loaded.plan.points[planned.point] };
}

/** Feeds `todo` through `execute` with at most `window` runs outstanding, keeping each as it finishes. */
export async function drain(
  todo: readonly number[],
  window: number,
  execute: (task: RunTask) => Promise<RunDone>,
  keep: (task: RunTask, done: RunDone) => void,
  loaded: LoadedSweep,
): Promise<void> {
  let next = 0;
  let failure: unknown;
  const lane = async (): Promise<void> => {
    while (next < todo.length && failure === undefined) {
      const task = taskFor(loaded, todo[next++]);
      try {
        keep(task, await execute(task));
      } catch (err) {
        failure ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, window) }, lane));
  if (failure !== undefined) throw failure;
}

export async function runLocalSweep(loaded: LoadedSweep, dir: string, options: LocalOptions): Promise<FinishReport & { ranNow: number }> {
  prepareDirectory(dir, loaded, options.shard);
  const unlock = lockDirectory(dir, 'sweep');
  try {
    return await runLocked(loaded, dir, options);
  } finally {
    unlock();
  }
}

async function runLocked(loaded: LoadedSweep, dir: string, options: LocalOptions): Promise<FinishReport & { ranNow: number }> {
  if (!options.quiet && options.banner) process.stderr.write(`${options.banner}\n`);
  const journal = Journal.open(dir, (line) => void process.stderr.write(`balloon: ${line}\n`));
  try {
    const mine = runIndices(loaded.plan.runCount, options.shard);
    const todo = mine.filter((r) => runNeeded(dir, journal, r, options.perTick));
    let ranNow = 0;
    if (todo.length > 0) {
      const progress = startSweepProgress(mine.length, mine.length - todo.length, { quiet: options.quiet });
      const pool = new WorkerPool(Math.min(options.workers, todo.length), initFor(loaded, options.perTick));
      // Ctrl-C or SIGTERM: every journaled run is safe; restore the terminal and say so.
      const forget = onInterrupt(() => {
        progress.stop();
        return `sweep stopped: ${journal.size} of ${mine.length} runs kept in ${displayPath(dir)}; run the same command to resume`;
      });
      try {
        await drain(todo, pool.size * 2, (task) => pool.run(task), (task, done) => {
          keepRun(dir, journal, task, done);
          ranNow++;
          progress.tick();
        }, loaded);
      } finally {
        forget();
        progress.stop();
        await pool.close();
      }
    }
    return { ...(await finishDirectory(dir, loaded, options.shard, journal)), ranNow };
  } finally {
    journal.close();
  }
}
