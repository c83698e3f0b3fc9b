/**
 * The one pool of worker_threads of the Node hosts: the CLI's multi-seed runs
 * (cli/parallel.ts) and sweep and calibration runs (pool.ts) both use it, each with
 * its own worker entry (serve.ts on the worker side). Each worker holds up to
 * `prefetch` tasks (1 by default: between tasks a worker waits one message round
 * trip, well under a millisecond against runs of 100 ms and more, and no task
 * waits behind a busy worker while another one idles at the end). A worker that
 * dies fails its tasks; the others go on, and when none is left every queued task
 * fails.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Main thread → worker: once `init` (what every task shares), then one `task` a message. */
export type ToWorker<I, T> = { type: 'init'; init: I } | { type: 'task'; id: number; task: T };

/** Worker → main thread: a task's value or error, or how far it has got (0..1). */
export type FromWorker<V> = { id: number; ok: true; value: V } | { id: number; ok: false; message: string } | { id: number; progress: number };

/** A bundled worker entry next to the running bundle (dist/node/NAME), or null (run from source). */
export function bundleBeside(name: string): string | null {
  const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return existsSync(path) ? path : null;
}

export interface ThreadPoolOptions<I> {
  /** Sent once to each worker before its first task. */
  init?: I;
  /** Tasks a worker holds at once (default 1). */
  prefetch?: number;
  /** The worker in messages: "a sweep worker" → "a sweep worker exited with code 1". */
  name: string;
}

interface Pending<T, V> {
  id: number;
  task: T;
  resolve: (value: V) => void;
  reject: (err: Error) => void;
  onProgress?: (fraction: number) => void;
}

interface Slot<T, V> {
  worker: Worker;
  inFlight: Map<number, Pending<T, V>>;
}

export class ThreadPool<T, V, I = undefined> {
  private readonly slots: Slot<T, V>[] = [];
  private readonly queue: Pending<T, V>[] = [];
  private readonly prefetch: number;
  private nextId = 0;
  private closed = false;

  constructor(script: string, size: number, options: ThreadPoolOptions<I>) {
    this.prefetch = options.prefetch ?? 1;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      const slot: Slot<T, V> = { worker, inFlight: new Map() };
      worker.on('message', (reply: FromWorker<V>) => this.onReply(slot, reply));
      worker.on('error', (err) => this.onDeath(slot, err));
      worker.on('exit', (code) => {
        if (!this.closed) this.onDeath(slot, new Error(`${options.name} exited with code ${code}`));
      });
      if (options.init !== undefined) worker.postMessage({ type: 'init', init: options.init } satisfies ToWorker<I, T>);
      this.slots.push(slot);
    }
  }

  /** Workers alive. */
  get size(): number {
    return this.slots.length;
  }

  /** Runs the task on the first worker with room; resolves with its value. `onProgress` hears how far it has got. */
  run(task: T, onProgress?: (fraction: number) => void): Promise<V> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject, onProgress });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Slot<T, V> | undefined;
      for (const s of this.slots) if (s.inFlight.size < this.prefetch && (!best || s.inFlight.size < best.inFlight.size)) best = s;
      if (!best) return;
      const job = this.queue.shift()!;
      best.inFlight.set(job.id, job);
      best.worker.postMessage({ type: 'task', id: job.id, task: job.task } satisfies ToWorker<I, T>);
    }
  }

  private onReply(slot: Slot<T, V>, reply: FromWorker<V>): void {
    const job = slot.inFlight.get(reply.id);
    if (!job) return;
    if ('progress' in reply) return job.onProgress?.(reply.progress);
    slot.inFlight.delete(reply.id);
    if (reply.ok) job.resolve(reply.value);
    else job.reject(new Error(reply.message));
    this.dispatch();
  }

  private onDeath(slot: Slot<T, V>, err: Error): void {
    for (const job of slot.inFlight.values()) job.reject(err);
    slot.inFlight.clear();
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (this.slots.length === 0) for (const job of this.queue.splice(0)) job.reject(err);
    else this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the worker pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
