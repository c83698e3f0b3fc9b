/**
 * A live session: one world and seed, re-run under plan after plan. The first run
 * (every slot a placeholder: no levers) keeps a snapshot at the scenario start and
 * at each year boundary. A new plan resumes from the last snapshot before the first
 * tick it can change (plan.ts firstAffectedTick), so moving a lever that starts in
 * 2005 re-runs only 2005 onwards. Resuming gives the same bytes as a run from
 * scratch (test/workshop/session.test.ts), so results stay deterministic.
 * Host-free: the worker wraps it, tests run it in Node.
 */
import type { Policy, Scenario } from '../scenario/schema';
import type { RunResult } from '../results/types';
import { createSimulation, resumeSimulation, type Simulation, type Snapshot } from '../simulation';
import { firstAffectedTick, planPolicies } from './plan';

export interface LiveRun {
  result: RunResult;
  /** Recorded tick the run resumed from (0 = the scenario start). */
  fromTick: number;
  /** Ticks simulated for this answer (0 when the plan was unchanged). */
  ticksRun: number;
}

export interface SessionOptions {
  /** Keep snapshots at the year boundaries a re-run passes (costs a copy of the state per year). */
  captureOnRerun?: boolean;
}

export class LiveSession {
  /** The world with every slot a placeholder. */
  readonly world: Scenario;
  readonly seed: number;
  /** The run without levers: the counterfactual of every plan. */
  readonly baseline: RunResult;
  private readonly snapshots: Snapshot[] = [];
  /** snapshots[0..valid] hold states of the current plan (and of every plan that agrees with it up to there). */
  private valid = -1;
  private policies: Policy[];
  private current: RunResult;
  private readonly capture: boolean;

  constructor(world: Scenario, seed: number, options: SessionOptions = {}) {
    this.world = { ...world, policies: planPolicies(world, []) };
    this.seed = seed;
    this.capture = options.captureOnRerun ?? false;
    this.policies = this.world.policies;
    const sim = createSimulation(this.world, seed);
    this.finish(sim, 0, true);
    this.baseline = sim.result();
    this.current = this.baseline;
  }

  get ticksPerYear(): number {
    return this.world.ticksPerYear;
  }

  /** The scenario a plan's policies make of the world. */
  scenarioOf(policies: readonly Policy[]): Scenario {
    return { ...this.world, policies: [...policies] };
  }

  /**
   * Resume the current plan from the snapshot `years` before the horizon and run it
   * out, `times` times, and throw the results away. The first runs on a resumed
   * state are several times slower than later ones while the engine re-optimises
   * for the restored objects; doing that now keeps it out of the first lever move.
   * `policies` (default: the current plan) may switch levers on so their code is
   * warm too: the runs are thrown away, so the session's answers do not change.
   */
  warmUp(years = 6, times = 3, policies: readonly Policy[] = this.policies, isCancelled?: () => boolean): void {
    const k = Math.max(0, this.valid - years);
    const tpy = this.world.ticksPerYear;
    for (let i = 0; i < times; i++) {
      const sim = resumeSimulation(this.scenarioOf(policies), this.snapshots[k]);
      // The same work as a re-run, snapshots included, with nothing kept (`isCancelled` stops it: nothing to undo).
      while (sim.tick < sim.totalTicks) {
        if (isCancelled?.()) return;
        if (sim.tick % tpy === 0) sim.snapshot();
        sim.step();
      }
      sim.result();
    }
  }

  /**
   * The run of a plan, or null when `isCancelled` (polled every tick) says stop:
   * then the session is as before the call, and the snapshots it took are dropped.
   * `onYear` sees the simulation at each year boundary it passes (for partial answers).
   */
  run(policies: readonly Policy[], isCancelled?: () => boolean, onYear?: (sim: Simulation) => void): LiveRun | null {
    const first = firstAffectedTick(this.world, this.policies, policies);
    if (first === Infinity) return { result: this.current, fromTick: 0, ticksRun: 0 };
    const tpy = this.world.ticksPerYear;
    const k = Math.max(0, Math.min(this.valid, Math.floor(first / tpy)));
    const scenario = this.scenarioOf(policies);
    const sim = resumeSimulation(scenario, this.snapshots[k]);
    const before = sim.tick;
    this.valid = k;
    if (!this.finish(sim, k + 1, this.capture, isCancelled, onYear)) {
      this.valid = k;
      return null;
    }
    this.policies = [...policies];
    this.current = sim.result();
    return { result: this.current, fromTick: k * tpy, ticksRun: sim.tick - before };
  }

  /** Step to the horizon, keeping snapshots at year boundaries from year `from` on when asked; false if cancelled. */
  private finish(sim: Simulation, from: number, capture: boolean, isCancelled?: () => boolean, onYear?: (sim: Simulation) => void): boolean {
    const burnIn = sim.totalTicks - sim.world.horizonTicks;
    const tpy = this.world.ticksPerYear;
    while (sim.tick < sim.totalTicks) {
      if (isCancelled?.()) return false;
      const t = sim.tick - burnIn;
      if (t >= 0 && t % tpy === 0 && t / tpy >= from) {
        if (capture) {
          // (The snapshot this one replaces belongs to a plan no longer current: its arrays are reused.)
          this.snapshots[t / tpy] = sim.snapshot(this.snapshots[t / tpy]);
          this.valid = t / tpy;
        }
        onYear?.(sim);
      }
      sim.step();
    }
    return true;
  }
}
