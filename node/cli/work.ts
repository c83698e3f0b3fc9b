/**
 * The work limit of the command line. A scenario within every validation limit
 * can still take minutes a run (2 M growers × 9 828 weekly ticks ≈ 2.5 minutes
 * on one core). Its size is measured in grower-ticks (growers × ticks simulated,
 * burn-in included: grower updates are the part of a tick that grows with the
 * world; on the reference machine about 7 ns each); over WORK_LIMIT, `run`,
 * `compare`, `effect`, `facts` and `sweep` ask for --allow-long, and `validate`
 * prints the estimate. Long horizons also cost through organisations' learning,
 * which this measure does not count: the progress bar's ETA covers the rest.
 */
import type { Scenario } from '../../sim/scenario/schema';
import { totalTicks } from '../../sim/scenario/time';
import { usageError } from './errors';

/** Grower-ticks a run may take without --allow-long (2 billion: about 15 s of grower updates). */
export const WORK_LIMIT = 2e9;

export interface WorkEstimate {
  growers: number;
  ticks: number;
  growerTicks: number;
}

export function workOf(scenario: Scenario): WorkEstimate {
  const growers = scenario.regions.reduce((sum, r) => sum + r.growers, 0);
  const ticks = totalTicks(scenario);
  return { growers, ticks, growerTicks: growers * ticks };
}

/** "19.7 billion" and the like. */
export function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} billion`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} million`;
  return String(n);
}

export function describeWork(w: WorkEstimate): string {
  return `${w.growers} growers × ${w.ticks} ticks = ${formatCount(w.growerTicks)} grower-ticks a run`;
}

/** Refuses (exit 2) a scenario over the work limit unless --allow-long was given. */
export function checkWork(file: string, scenario: Scenario, allowLong: boolean | undefined): void {
  const w = workOf(scenario);
  if (allowLong || w.growerTicks <= WORK_LIMIT) return;
  throw usageError(`${file}: ${describeWork(w)}, over the work limit of ${formatCount(WORK_LIMIT)} (minutes a run); pass --allow-long to run it anyway`);
}
