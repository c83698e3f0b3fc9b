/**
 * The displacement index of an intervention (docs/specification.md §5): of the reduction the
 * intervention causes at its target, the share that reappears elsewhere, both
 * measured against a paired counterfactual run (same seed, intervention off).
 *   index = (elsewhere_with − elsewhere_without) / (target_without − target_with)
 * 0 = nothing displaced, 1 = the total is unchanged, > 1 = backfire; negative when
 * "elsewhere" falls too (e.g. a price rise that shrinks the whole market).
 *
 * What "target" and "elsewhere" are depends on the lever (its module's `displacement`):
 * - eradication, alternative development, capacity funding of a producer country:
 *   coca cultivation (ha) in the target country (or region) vs the other producer
 *   countries (or regions);
 * - interdiction on a route: flow (kg) on the route vs the other routes leaving the
 *   same country (the alternatives a trafficker there has);
 * - interdiction in a country, capacity funding of a transit country: flow into the
 *   country vs flow into the other transit countries (legs leaving the target are
 *   left out, since they carry what already went through it).
 * Other levers act on demand or on organisations and have no displacement target.
 */
import type { RunResult } from '../results/types';
import type { Scenario } from '../scenario/schema';
import { measureByTick, windowSum, type MeasureByTick } from './extract';
import { policyLabel } from './counterfactual';
import { tickOf } from './time';
import { leverOf } from '../levers/registry';
import { cultivationTarget } from '../levers/displacementTargets';
import type { DisplacementSpec } from '../levers/types';

export { routeId } from '../levers/displacementTargets';

export interface DisplacementTarget extends DisplacementSpec {
  /** First tick of the window (the intervention's start); the window runs to the end of the run. */
  fromTick: number;
  description: string;
}

/** The target of `policies[index]`, or null when the lever has none. */
export function displacementTarget(scenario: Scenario, index: number): DisplacementTarget | null {
  const policy = scenario.policies[index];
  if (!policy) return null;
  const fromTick = Math.max(0, tickOf(policy.start, scenario.start, scenario.ticksPerYear));
  const spec = leverOf(policy.lever).displacement(policy, scenario);
  if (!spec || spec.target.length === 0) return null;
  return { ...spec, fromTick, description: `${policyLabel(policy, index)}: ${spec.description}` };
}

/** The target of every policy in `indices` together, or null if they do not share a measure. */
export function combinedTarget(scenario: Scenario, indices: readonly number[]): DisplacementTarget | null {
  const parts = indices.map((i) => displacementTarget(scenario, i));
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  let all = parts as DisplacementTarget[];
  // Regions and whole countries mixed (e.g. a regional push inside a national campaign): compare countries.
  if (all.every((p) => p.measure === 'cultivationHa') && all.some((p) => p.kind === 'region') && all.some((p) => p.kind === 'country')) {
    all = all.map((p) => {
      if (p.kind !== 'region') return p;
      const country = scenario.regions.find((r) => r.id === p.target[0])?.country ?? '';
      return { ...cultivationTarget(scenario, country, undefined), fromTick: p.fromTick, description: p.description };
    });
  }
  if (all.some((p) => p.measure !== all[0].measure || p.kind !== all[0].kind)) return null;
  if (all.length === 1) return all[0];
  const target = [...new Set(all.flatMap((p) => p.target))];
  const elsewhere = [...new Set(all.flatMap((p) => p.elsewhere))].filter((id) => !target.includes(id));
  return {
    measure: all[0].measure,
    kind: all[0].kind,
    target,
    elsewhere,
    fromTick: Math.min(...all.map((p) => p.fromTick)),
    description:
      all[0].measure === 'cultivationHa'
        ? `coca cultivation in ${target.join(', ')} vs the other ${all[0].kind === 'region' ? 'regions' : 'producer countries'} (${elsewhere.join(', ')})`
        : `flow on ${target.length === 1 ? 'route' : 'routes'} ${target.join(', ')} vs ${elsewhere.length} alternative routes`,
  };
}

export interface DisplacementTotals {
  /** Sum over the window of the target entities (ha·ticks or kg). */
  target: number;
  elsewhere: number;
}

/** `byTick`: the target's measure for its entity kind when the caller has it already (e.g. from allMeasuresByTick). */
export function displacementTotals(result: RunResult, t: DisplacementTarget, byTick: MeasureByTick | null = measureByTick(result, t.measure, t.kind)): DisplacementTotals {
  return {
    target: windowSum(byTick, t.target, t.fromTick, result.ticks),
    elsewhere: windowSum(byTick, t.elsewhere, t.fromTick, result.ticks),
  };
}
