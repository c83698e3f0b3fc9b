/**
 * Sweep throughput on 1 and 2 worker threads (issue 7: ≥ 1.8× on 2 workers).
 * Runs a fixed 32-run Latin hypercube sweep over the baseline world (what a
 * researcher sweeps: runs of a few hundred ms, so the figure is the pool's
 * scaling, not its per-message overhead as with a toy world) through
 * the same worker pool as `balloon sweep` (journal and file outputs left out:
 * they are not the bottleneck), on warmed-up threads, 3 times per worker count,
 * and reports runs/s (median, min, max) and the speed-up of the medians. Called by bench/main.ts;
 * standalone: `npx tsx bench/sweep.ts` after `npm run build:node`.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../node/cli/paths';
import { WorkerPool } from '../node/pool/pool';
import type { RunTask } from '../node/pool/protocol';
import { buildPlan, plannedRun, type SweepPlan } from '../sim/sweep/plan';
import { parseSweep } from '../sim/sweep/validate';

export interface SweepBenchFigures {
  sweep: string;
  runs: number;
  repeats: number;
  /** Runs per second, over `repeats` timed sweeps. */
  workers1: { median: number; min: number; max: number };
  workers2: { median: number; min: number; max: number };
  /** workers2.median / workers1.median (target ≥ 1.8). */
  speedup: number;
  /**
   * The same 1-vs-2-thread ratio for a pure arithmetic loop (no model, no messages
   * beyond one per job): what this machine allows right now. On an idle 2-core
   * machine it is close to 2; speedup / machineSpeedup is the pool's own efficiency.
   */
  machineSpeedup: number;
  /** 1-minute load average before and after: above the core count, other processes took CPU and the figures understate. */
  loadAverage: [number, number];
}

const SWEEP = {
  name: 'bench: 32 runs of the baseline world',
  base: 'scenarios/baseline.json',
  parameters: [
    { path: 'countries.COL.corruption', min: 0.3, max: 0.8 },
    { path: 'markets.USA.elasticity', min: -1, max: -0.3 },
  ],
  design: { type: 'lhs', points: 16, seed: 1 },
  seedsPerPoint: 2,
  masterSeed: 1,
};

function plan(): SweepPlan {
  const sweep = parseSweep(SWEEP);
  if (!sweep.ok) throw new Error(sweep.errors[0].message);
  const base = JSON.parse(readFileSync(join(packageRoot(), SWEEP.base), 'utf8')) as unknown;
  return buildPlan(sweep.value, base);
}

function tasks(p: SweepPlan): RunTask[] {
  return Array.from({ length: p.runCount }, (_, run) => {
    const planned = plannedRun(p, run);
    return { ...planned, values: p.points[planned.point] };
  });
}

function newPool(p: SweepPlan, workers: number): WorkerPool {
  return new WorkerPool(workers, { baseInput: p.baseInput, segments: p.segments, measures: null, perTick: false });
}

/** Runs/s of the whole sweep on `pool`. */
async function runsPerSecond(pool: WorkerPool, all: RunTask[]): Promise<number> {
  const t0 = performance.now(); // host-only
  await Promise.all(all.map((t) => pool.run(t)));
  return all.length / ((performance.now() - t0) / 1000); // host-only
}

const SPIN = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => { let x = 0; for (let i = 0; i < n; i++) x += Math.sqrt(i); parentPort.postMessage(x); });`;

/** Jobs per second of a CPU-bound loop on `threads` worker threads. */
async function spinRate(threads: number, jobs = 6, n = 1e8): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(SPIN, { eval: true }));
  try {
    let next = 0;
    const t0 = performance.now(); // host-only
    await Promise.all(
      workers.map(async (w) => {
        while (next < jobs) {
          next++;
          await new Promise((resolve) => {
            w.once('message', resolve);
            w.postMessage(n);
          });
        }
      }),
    );
    return jobs / ((performance.now() - t0) / 1000); // host-only
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function spread(xs: number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

export async function measureSweepThroughput(repeats = 3): Promise<SweepBenchFigures> {
  const p = plan();
  const loadBefore = loadavg()[0];
  const all = tasks(p);
  const pools = [newPool(p, 1), newPool(p, 2)];
  const one: number[] = [];
  const two: number[] = [];
  try {
    // Warm up every worker thread (module load, JIT: the first runs of a cold thread are several times slower).
    for (const pool of pools) await runsPerSecond(pool, all);
    // Interleaved, so a load change on a shared machine hits both alike.
    for (let i = 0; i < repeats; i++) {
      one.push(await runsPerSecond(pools[0], all));
      two.push(await runsPerSecond(pools[1], all));
    }
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
  }
  const spinOne: number[] = [];
  const spinTwo: number[] = [];
  for (let i = 0; i < repeats; i++) {
    spinOne.push(await spinRate(1));
    spinTwo.push(await spinRate(2));
  }
  const workers1 = spread(one);
  const workers2 = spread(two);
  return { sweep: SWEEP.name, runs: p.runCount, repeats, workers1, workers2, speedup: workers2.median / workers1.median, machineSpeedup: spread(spinTwo).median / spread(spinOne).median, loadAverage: [loadBefore, loadavg()[0]] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measureSweepThroughput().then((f) => console.log(JSON.stringify(f, null, 2)));
}
