/**
 * Run a validated scenario from start to horizon: pure, synchronous, deterministic.
 * Hosts (the browser worker, the CLI, the sweep pool) all call this.
 */
import type { Scenario } from './scenario/schema';
import type { RunResult } from './results/types';
import { createSimulation } from './simulation';

export interface RunOptions {
  seed?: number;
  /** Called every few ticks with ticks done and total ticks (burn-in included). */
  onProgress?: (done: number, total: number) => void;
  /** Polled every few ticks; returning true stops the run with an error. */
  isCancelled?: () => boolean;
}

export class RunCancelledError extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'RunCancelledError';
  }
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const sim = createSimulation(scenario, options.seed ?? scenario.seed);
  const every = Math.max(1, Math.floor(sim.totalTicks / 50));
  while (sim.tick < sim.totalTicks) {
    sim.step();
    if (sim.tick % every === 0) {
      options.onProgress?.(sim.tick, sim.totalTicks);
      if (options.isCancelled?.()) throw new RunCancelledError();
    }
  }
  options.onProgress?.(sim.totalTicks, sim.totalTicks);
  return sim.result();
}
