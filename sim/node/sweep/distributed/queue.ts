/**
 * The BullMQ side of distributed sweeps: one queue per sweep (named after its
 * fingerprint, so every host must hold the same sweep file, base scenario and
 * design table), job id "run-N" per run (adding a run twice is a no-op), and a
 * "finished" key that tells workers to exit.
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

export function connection(url: string): ConnectionOptions {
  // Workers block on Redis: BullMQ requires maxRetriesPerRequest null for them.
  return { url, maxRetriesPerRequest: null };
}

/** A plain Redis client for the sweep's own keys. */
export async function openRedis(url: string): Promise<import('ioredis').Redis> {
  const { Redis } = await import('ioredis');
  let connected = false;
  // Fail fast when the server cannot be reached at all; once connected, ride out short outages.
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 20,
    retryStrategy: (times) => (connected ? Math.min(2000, 100 * times) : null),
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

export async function openQueue(name: string, url: string): Promise<Queue<RunTask, RunDone>> {
  const { Queue } = await import('bullmq');
  const queue = new Queue<RunTask, RunDone>(name, { connection: connection(url) });
  await queue.waitUntilReady();
  return queue;
}

export async function openWorker(
  name: string,
  url: string,
  concurrency: number,
  process: (task: RunTask) => Promise<RunDone>,
): Promise<Worker<RunTask, RunDone>> {
  const { Worker } = await import('bullmq');
  const worker = new Worker<RunTask, RunDone>(name, async (job) => process(job.data), { connection: connection(url), concurrency, autorun: true });
  await worker.waitUntilReady();
  return worker;
}
