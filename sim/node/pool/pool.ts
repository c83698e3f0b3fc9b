/**
 * A pool of worker_threads running sweep runs. Each worker holds up to
 * `prefetch` tasks (1 by default: between runs a worker waits one message round
 * trip, well under a millisecond against runs of 100 ms and more, and no task
 * waits behind a busy worker while another one idles at the end of a sweep; with
 * 2 a 16-run sweep on 2 workers got 1.5-1.7x instead of 1.75-1.8x). A worker
 * that dies fails its tasks (the sweep stops; nothing journaled is lost).
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../cli/paths';
import type { InitMessage, RunDone, RunTask, WorkerReply } from './protocol';

/** The bundled worker: next to this bundle (dist/node/), else the package's dist/node/worker.mjs. */
export function workerScript(): string {
  const here = fileURLToPath(new URL('./worker.mjs', import.meta.url));
  if (existsSync(here)) return here;
  const built = join(packageRoot(), 'dist', 'node', 'worker.mjs');
  if (existsSync(built)) return built;
  throw new Error('the sweep worker is not built (dist/node/worker.mjs is missing); run `npm run build:node`');
}

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

interface Pending {
  task: RunTask;
  resolve: (done: RunDone) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;

  constructor(size: number, init: Omit<InitMessage, 'type'>, private readonly prefetch = 1) {
    const script = workerScript();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      const slot: Slot = { worker, inFlight: new Map() };
      worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
      worker.on('error', (err) => this.onDeath(slot, err));
      worker.on('exit', (code) => {
        if (!this.closed) this.onDeath(slot, new Error(`a sweep worker exited with code ${code}`));
      });
      worker.postMessage({ type: 'init', ...init } satisfies InitMessage);
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Runs the task on the first worker with room; resolves with its outcome. */
  run(task: RunTask): Promise<RunDone> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.inFlight.size < this.prefetch && (!best || s.inFlight.size < best.inFlight.size)) best = s;
      if (!best) return;
      const job = this.queue.shift()!;
      best.inFlight.set(job.task.run, job);
      best.worker.postMessage({ type: 'run', ...job.task });
    }
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const job = slot.inFlight.get(reply.run);
    if (!job) return;
    slot.inFlight.delete(reply.run);
    if (reply.type === 'done') job.resolve(reply);
    else job.reject(new Error(reply.message));
    this.dispatch();
  }

  private onDeath(slot: Slot, err: Error): void {
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
