/**
 * A sweep's plan: the design points, each replicated `seedsPerPoint` times.
 * Run r is point floor(r / seedsPerPoint), replicate r % seedsPerPoint, with
 * seed runSeed(masterSeed, r). Every point is applied to the base scenario and
 * validated before any run starts; the first bad point is reported with the
 * parameter that made it bad.
 */
import type { PathSegment } from '../validation/errors';
import { formatPath } from '../validation/errors';
import { parseScenario } from '../scenario/validate';
import type { Scenario } from '../scenario/schema';
import { designPoints } from './designs/index';
import { SWEEP_LIMITS } from './limits';
import { resolvePath, setAt } from './paths';
import type { ParameterValue, Sweep } from './schema';
import { runSeed } from './seeds';

export class SweepPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepPlanError';
  }
}

export interface SweepPlan {
  sweep: Sweep;
  /** The base scenario as written in its file (before defaults). */
  baseInput: unknown;
  /** Each parameter's path resolved against the base (list indices, keys). */
  segments: PathSegment[][];
  /** points[p][d] = value of parameter d at point p. */
  points: ParameterValue[][];
  /** points × seedsPerPoint. */
  runCount: number;
}

export interface PlannedRun {
  run: number;
  point: number;
  replicate: number;
  seed: number;
}

export function plannedRun(plan: Pick<SweepPlan, 'sweep'>, run: number): PlannedRun {
  const k = plan.sweep.seedsPerPoint;
  return { run, point: Math.floor(run / k), replicate: run % k, seed: runSeed(plan.sweep.masterSeed, run) };
}

/** A deep copy of the base scenario input with the point's values set. */
export function applyPoint(baseInput: unknown, segments: readonly PathSegment[][], values: readonly ParameterValue[]): unknown {
  const copy = JSON.parse(JSON.stringify(baseInput)) as unknown;
  segments.forEach((s, d) => setAt(copy, s, values[d]));
  return copy;
}

/** Applies and validates one point; throws SweepPlanError naming the point and the parameter. */
export function pointScenario(plan: SweepPlan, point: number): Scenario {
  const values = plan.points[point];
  const result = parseScenario(applyPoint(plan.baseInput, plan.segments, values));
  if (result.ok) return result.value;
  const first = result.errors[0];
  const culprit = plan.segments.findIndex((s) => {
    const p = formatPath(s);
    return first.path === p || first.path.startsWith(`${p}.`) || first.path.startsWith(`${p}[`);
  });
  const setting = plan.sweep.parameters
    .map((p, d) => `${p.path} = ${JSON.stringify(values[d])}`)
    .filter((_, d) => culprit < 0 || d === culprit)
    .join(', ');
  const who = culprit >= 0 ? `parameter "${plan.sweep.parameters[culprit].path}"` : 'the parameters together';
  throw new SweepPlanError(`design point ${point} (${setting}): ${who} give${culprit >= 0 ? 's' : ''} an invalid scenario: ${first.message}`);
}

/** Resolves the parameter paths and builds the design; validates the base and every point. */
export function buildPlan(sweep: Sweep, baseInput: unknown, tableText?: string, options: { validatePoints?: boolean } = {}): SweepPlan {
  const base = parseScenario(baseInput);
  if (!base.ok) throw new SweepPlanError(`base scenario: ${base.errors[0].message}`);
  const segments = sweep.parameters.map((p) => resolvePath(baseInput, p.path));
  const points = designPoints(sweep, tableText);
  const runCount = points.length * sweep.seedsPerPoint;
  if (runCount > SWEEP_LIMITS.runs) throw new SweepPlanError(`expected at most ${SWEEP_LIMITS.runs} runs, got ${points.length} points × ${sweep.seedsPerPoint} seeds`);
  const plan: SweepPlan = { sweep, baseInput, segments, points, runCount };
  if (options.validatePoints !== false) for (let p = 0; p < points.length; p++) pointScenario(plan, p);
  return plan;
}
