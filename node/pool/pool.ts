/**
 * The pool of sweep and calibration runs: the threads.ts pool on the sweep worker
 * (worker.ts, bundled to dist/node/worker.mjs), every worker sharing one SweepInit.
 * With prefetch 2 a 16-run sweep on 2 workers got 1.5-1.7x instead of 1.75-1.8x,
 * so each worker holds one run at a time.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunDone, RunTask, SweepInit } from './protocol';
import { bundleBeside, ThreadPool } from './threads';

/** The bundled worker: next to this bundle (dist/node/), or, run from source (node/pool/), the package's dist/node/worker.mjs. */
export function workerScript(): string {
  const here = bundleBeside('worker.mjs');
  if (here) return here;
  const built = fileURLToPath(new URL('../../dist/node/worker.mjs', import.meta.url));
  if (existsSync(built)) return built;
  throw new Error('the sweep worker is not built (dist/node/worker.mjs is missing); run `npm run build:node`');
}

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

export class WorkerPool extends ThreadPool<RunTask, RunDone, SweepInit> {
  constructor(size: number, init: SweepInit, prefetch = 1) {
    super(workerScript(), size, { init, prefetch, name: 'a sweep worker' });
  }
}
