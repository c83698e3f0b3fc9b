/**
 * The BullMQ side of distributed sweeps: one queue per sweep (named after its
 * fingerprint, so every host must hold the same sweep file, base scenario and
 * design table), job id "run-N" per run (adding a run twice is a no-op), and a
 * "finished" key that tells workers to exit.
 *
 * Worker settings (documented in SECURITY.md): a job's lock lasts LOCK_MS and is
 * renewed every LOCK_MS / 2 by the worker's main thread (runs are on worker
 * threads, so it is never blocked); every STALLED_CHECK_MS each worker puts back
 * the jobs whose lock expired. A worker killed with -9 thus gives its run back
 * within LOCK_MS + STALLED_CHECK_MS (9 s; BullMQ's defaults take up to 60 s). A
 * job may be put back MAX_STALLED times (killed workers, Redis outages) before it
 * counts as failed; after a Redis error a worker tries again every RETRY_MS.
 */
import type { ConnectionOptions, Job, Queue, Worker } from 'bullmq';
import type { RunDone, RunTask } from '../../pool/protocol';

export type RunJob = Job<RunTask, RunDone>;

export function queueName(fingerprint: string): string {
  return `balloon-sweep-${fingerprint.slice(0, 20)}`;
}

export function jobId(run: number): string {
  return `run-${run}`; // BullMQ refuses integer custom ids
}

export function finishedKey(name: string): string {
  return `balloon:${name}:finished`;
}

export const LOCK_MS = 6000;
export const STALLED_CHECK_MS = 3000;
export const MAX_STALLED = 10;
export const RETRY_MS = 1000;

export function connection(url: string): ConnectionOptions {
  // Workers block on Redis: BullMQ requires maxRetriesPerRequest null for them.
  // Reconnect forever, at most a second apart; RedisWatch bounds the outage.
  return { url, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(1000, 50 * times) };
}

/** A plain Redis client for the sweep's own keys. */
export async function openRedis(url: string): Promise<import('ioredis').Redis> {
  const { Redis } = await import('ioredis');
  let connected = false;
  // Fail fast when the server cannot be reached at all; once connected, reconnect
  // forever (commands wait meanwhile) and let RedisWatch bound the outage.
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => (connected ? Math.min(1000, 50 * times) : null),
  });
  let lastError: Error | undefined;
  client.on('error', (err: Error) => (lastError = err)); // reported through the failing command instead
  try {
    await client.connect();
  } catch (err) {
    throw lastError ?? err;
  }
  connected = true;
  return client;
}

/** `onError` hears every connection error (BullMQ prints them with their stack when nobody listens). */
export async function openQueue(name: string, url: string, onError: (err: Error) => void = () => {}): Promise<Queue<RunTask, RunDone>> {
  const { Queue } = await import('bullmq');
  const queue = new Queue<RunTask, RunDone>(name, { connection: connection(url) });
  queue.on('error', onError);
  await queue.waitUntilReady();
  return queue;
}

export async function openWorker(
  name: string,
  url: string,
  concurrency: number,
  process: (task: RunTask) => Promise<RunDone>,
  onError: (err: Error) => void = () => {},
): Promise<Worker<RunTask, RunDone>> {
  const { Worker } = await import('bullmq');
  const worker = new Worker<RunTask, RunDone>(name, async (job) => process(job.data), {
    connection: connection(url),
    concurrency,
    autorun: true,
    lockDuration: LOCK_MS,
    stalledInterval: STALLED_CHECK_MS,
    maxStalledCount: MAX_STALLED,
    runRetryDelay: RETRY_MS,
  });
  worker.on('error', onError);
  await worker.waitUntilReady();
  return worker;
}
