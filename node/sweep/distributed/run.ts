/**
 * `balloon sweep <file> --redis <url> --role producer|worker|both`.
 * producer: queue runs and gather results into <out> (exactly once, resumable),
 * holding the sweep's lease (lease.ts: a second producer is refused at once);
 * worker: pull runs from the queue and run them on this host's worker_threads
 * pool until the producer marks the sweep finished; both: the two in one process.
 * Redis outages are bounded (health.ts): lines while retrying, then exit 75 after
 * the timeout; when Redis comes back without the queue, the producer queues again
 * every run its journal lacks.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { unavailableError } from '../../cli/errors';
import { onInterrupt } from '../../cli/interrupt';
import { WorkerPool } from '../../pool/pool';
import { finishDirectory } from '../finish';
import { Journal } from '../journal';
import type { LoadedSweep } from '../load';
import { initFor } from '../local';
import type { Role } from '../options';
import { startSweepProgress } from '../progress';
import { runNeeded } from '../record';
import { lockDirectory } from '../lock';
import { prepareDirectory, runIndices } from '../state';
import { DEFAULT_REDIS_TIMEOUT_S, displayUrl, reasonOf, RedisLostError, RedisWatch } from './health';
import { ProducerLease } from './lease';
import { enqueue, gather } from './producer';
import { finishedKey, LOCK_MS, openQueue, openRedis, openWorker, queueName, STALLED_CHECK_MS } from './queue';
import { displayPath } from '../../cli/paths';

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
  /** Seconds Redis may stay unreachable before the command gives up (exit 75); default 60. */
  redisTimeoutS?: number;
}

const stderr = (text: string) => void process.stderr.write(text);

async function connectOrExplain<T>(url: string, open: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    });
    return await Promise.race([open(), late]);
  } catch (err) {
    throw unavailableError(`--redis ${displayUrl(url)}: cannot reach Redis (${reasonOf(err)})`);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for `p` at most `ms`; errors are ignored (used to close connections to a Redis that may be gone). */
async function bounded(p: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  if (!p) return true;
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([
    p.then(() => true, () => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]);
  clearTimeout(timer);
  return done;
}

export async function runDistributed(loaded: LoadedSweep, options: DistributedOptions, stdout: (text: string) => void): Promise<void> {
  const name = queueName(loaded.fingerprint);
  const url = displayUrl(options.url);
  const poll = options.pollMs ?? 200;
  const timeoutMs = 1000 * (options.redisTimeoutS ?? DEFAULT_REDIS_TIMEOUT_S);
  const client = await connectOrExplain(options.url, () => openRedis(options.url), 10_000);
  const watch = new RedisWatch(client, { url: options.url, timeoutMs, write: stderr, quiet: options.quiet });
  const note = (err: Error) => watch.note(err);
  let queue: Awaited<ReturnType<typeof openQueue>> | undefined;
  let pool: WorkerPool | undefined;
  let worker: Awaited<ReturnType<typeof openWorker>> | undefined;
  let journal: Journal | undefined;
  let lease: ProducerLease | undefined;
  let unlock: (() => void) | undefined;
  let expected = 0;
  let clean = true;
  try {
    queue = await connectOrExplain(options.url, () => openQueue(name, options.url, note), 10_000);
    const q = queue;
    if (options.role !== 'producer' && options.workers > 0) {
      const threads = new WorkerPool(options.workers, initFor(loaded, options.perTick));
      pool = threads;
      worker = await watch.guard(openWorker(name, options.url, options.workers, (task) => threads.run(task), note));
      if (!options.quiet && options.role === 'worker') stdout(`worker: pulling runs of "${loaded.plan.sweep.name}" from queue ${name} with ${options.workers} thread${options.workers === 1 ? '' : 's'}\n`);
    }
    if (options.role === 'worker') {
      // Exit once the producer has marked the sweep finished, and it stays so for
      // a grace period (a producer restarting the same sweep clears the mark first).
      const grace = options.graceMs ?? 5000;
      onInterrupt(() => `worker stopped; the runs it held go back to the queue for other workers within ${(LOCK_MS + STALLED_CHECK_MS) / 1000} s`);
      let since = -1;
      for (;;) {
        const now = Date.now(); // host-only
        if ((await watch.guard(client.get(finishedKey(name)))) === null) since = -1;
        else if (since < 0) since = now;
        else if (now - since >= grace) break;
        await sleep(Math.min(1000, poll * 5));
      }
      if (!options.quiet) stdout('worker: the sweep is finished\n');
      return;
    }
    // producer (or both)
    // the lease first: a refused producer leaves nothing behind
    lease = await watch.guard(ProducerLease.acquire(client, name, options.dir, url));
    prepareDirectory(options.dir, loaded, null);
    unlock = lockDirectory(options.dir, 'sweep');
    const j = Journal.open(options.dir, (line) => stderr(`balloon: ${line}\n`));
    journal = j;
    await watch.guard(client.del(finishedKey(name)));
    // a key only this producer writes: missing after an outage means Redis lost its data
    const markKey = `balloon:${name}:queued`;
    await watch.guard(client.set(markKey, '1'));
    const mine = runIndices(loaded.plan.runCount, null);
    expected = mine.length;
    const todo = mine.filter((r) => runNeeded(options.dir, j, r, options.perTick));
    const progress = startSweepProgress(mine.length, mine.length - todo.length, { quiet: options.quiet });
    const forget = onInterrupt(() => {
      progress.stop();
      return `sweep stopped: ${j.size} of ${mine.length} runs kept in ${displayPath(options.dir)}; run the same command to resume`;
    });
    try {
      await watch.guard(enqueue(q, loaded, todo, options.perTick));
      if (!options.quiet && options.role === 'producer') stdout(`producer: ${todo.length} runs queued on ${name}; start workers with: balloon sweep ${loaded.file} --redis ${url} --role worker\n`);
      const pending = new Set(todo);
      while (pending.size > 0) {
        await watch.guard(
          gather(q, loaded, options.dir, j, options.perTick, (run) => {
            if (pending.delete(run)) progress.tick();
          }),
        );
        if (watch.recovered() !== undefined) {
          // Redis may have come back without its data (no persistence): then the queue is
          // gone and every run the journal lacks is queued again (a no-op for jobs still there).
          const lostQueue = (await watch.guard(client.exists(markKey))) === 0;
          await watch.guard(lease.renew(true));
          if (lostQueue) await watch.guard(client.set(markKey, '1'));
          await watch.guard(enqueue(q, loaded, [...pending], options.perTick));
          if (lostQueue && !options.quiet) stderr(`balloon: Redis came back without this sweep's queue; queued again the ${pending.size} runs the journal lacks\n`);
        } else await watch.guard(lease.renew());
        if (pending.size > 0) await sleep(poll);
      }
    } finally {
      forget();
      progress.stop();
    }
    const report = await finishDirectory(options.dir, loaded, null, j);
    await watch.guard(q.obliterate({ force: true }));
    await watch.guard(client.set(finishedKey(name), '1', 'EX', 600));
    await watch.guard(client.del(markKey));
    if (!options.quiet) stdout(`${report.line}\n`);
  } catch (err) {
    clean = false;
    if (err instanceof RedisLostError) {
      const kept = journal ? `; ${journal.size} of ${expected} runs are kept in ${displayPath(options.dir)}` : '';
      throw unavailableError(`--redis ${url}: ${err.message}${kept}; run the same command again once Redis is back (--redis-timeout sets how long to wait)`);
    }
    if (err instanceof Error && !('lines' in err) && /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection is closed|ENOTFOUND/.test(err.message)) {
      throw unavailableError(`--redis ${url}: lost Redis (${reasonOf(err)}); run the same command again`);
    }
    throw err;
  } finally {
    watch.stop();
    journal?.close();
    unlock?.();
    if (lease) await bounded(lease.release(), clean ? 2000 : 500);
    const closed = (await bounded(worker?.close(!clean), clean ? 30_000 : 1000)) && (await bounded(queue?.close(), clean ? 5000 : 1000));
    await pool?.close();
    if (!closed) {
      void worker?.disconnect().catch(() => {});
      void queue?.disconnect().catch(() => {});
    }
    client.disconnect();
    // Connections to a Redis that is gone may hold the event loop open: make sure the command ends.
    if (!clean || !closed) setTimeout(() => process.exit(), 1000).unref();
  }
}
