/**
 * `balloon sweep <file> --redis <url> --role producer|worker|both`.
 * producer: queue runs and gather results into <out> (exactly once, resumable);
 * worker: pull runs from the queue and run them on this host's worker_threads
 * pool until the producer marks the sweep finished; both: the two in one process.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { inputError } from '../../cli/errors';
import { WorkerPool } from '../../pool/pool';
import { finishDirectory } from '../finish';
import { Journal } from '../journal';
import type { LoadedSweep } from '../load';
import { initFor } from '../local';
import type { Role } from '../options';
import { startSweepProgress } from '../progress';
import { runNeeded } from '../record';
import { prepareDirectory, runIndices } from '../state';
import { enqueue, gather } from './producer';
import { finishedKey, openQueue, openRedis, openWorker, queueName } from './queue';

export interface DistributedOptions {
  url: string;
  role: Role;
  dir: string;
  /** Runs at once on this host (worker threads); 0 = none (producer only, with role both). */
  workers: number;
  perTick: boolean;
  quiet: boolean;
  /** Poll interval, ms. */
  pollMs?: number;
  /** How long a worker sees the sweep finished before it exits, ms. */
  graceMs?: number;
}

async function connectOrExplain<T>(url: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (err) {
    throw inputError(`--redis ${url}: cannot reach Redis (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
}

export async function runDistributed(loaded: LoadedSweep, options: DistributedOptions, stdout: (text: string) => void): Promise<void> {
  const name = queueName(loaded.fingerprint);
  const poll = options.pollMs ?? 200;
  const client = await connectOrExplain(options.url, () => openRedis(options.url));
  const queue = await connectOrExplain(options.url, () => openQueue(name, options.url));
  let pool: WorkerPool | undefined;
  let worker: Awaited<ReturnType<typeof openWorker>> | undefined;
  try {
    if (options.role !== 'producer' && options.workers > 0) {
      const threads = new WorkerPool(options.workers, initFor(loaded, options.perTick));
      pool = threads;
      worker = await openWorker(name, options.url, options.workers, (task) => threads.run(task));
      if (!options.quiet && options.role === 'worker') stdout(`worker: pulling runs of "${loaded.plan.sweep.name}" from queue ${name} with ${options.workers} thread${options.workers === 1 ? '' : 's'}\n`);
    }
    if (options.role === 'worker') {
      // Exit once the producer has marked the sweep finished, and it stays so for
      // a grace period (a producer restarting the same sweep clears the mark first).
      const grace = options.graceMs ?? 5000;
      let since = -1;
      for (;;) {
        const now = Date.now(); // host-only
        if ((await client.get(finishedKey(name))) === null) since = -1;
        else if (since < 0) since = now;
        else if (now - since >= grace) break;
        await sleep(Math.min(1000, poll * 5));
      }
      if (!options.quiet) stdout('worker: the sweep is finished\n');
      return;
    }
    // producer (or both)
    prepareDirectory(options.dir, loaded, null);
    const journal = Journal.open(options.dir);
    try {
      await client.del(finishedKey(name));
      const mine = runIndices(loaded.plan.runCount, null);
      const todo = mine.filter((r) => runNeeded(options.dir, journal, r, options.perTick));
      const progress = startSweepProgress(mine.length, mine.length - todo.length, { quiet: options.quiet });
      try {
        await enqueue(queue, loaded, todo, options.perTick);
        if (!options.quiet && options.role === 'producer') stdout(`producer: ${todo.length} runs queued on ${name}; start workers with: balloon sweep ${loaded.file} --redis ${options.url} --role worker\n`);
        const pending = new Set(todo);
        while (pending.size > 0) {
          await gather(queue, loaded, options.dir, journal, options.perTick, (run) => {
            if (pending.delete(run)) progress.tick();
          });
          if (pending.size > 0) await sleep(poll);
        }
      } finally {
        progress.stop();
      }
      const report = await finishDirectory(options.dir, loaded, null, journal);
      await queue.obliterate({ force: true });
      await client.set(finishedKey(name), '1', 'EX', 600);
      if (!options.quiet) stdout(`${report.line}\n`);
    } finally {
      journal.close();
    }
  } finally {
    await worker?.close();
    await pool?.close();
    await queue.close();
    client.disconnect();
  }
}
