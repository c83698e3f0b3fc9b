/**
 * The effect of a scenario against a baseline run on the same seeds: displacement
 * index and cost-effectiveness, computed by sim/analysis exactly as `balloon effect`
 * does, with the scenario's own policies (those not in the baseline) as the intervention.
 */
import { combinedTarget } from '../../sim/analysis/displacement';
import { effectFromPairs, planOutcomes, type EffectEstimate, type EffectPlan } from '../../sim/analysis/effect';
import { tickOf } from '../../sim/analysis/time';
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';

export function comparisonPlan(scenario: Scenario, baseline: Scenario): EffectPlan {
  const inBaseline = new Set(baseline.policies.map((p) => JSON.stringify(p)));
  const added = scenario.policies.flatMap((p, i) => (inBaseline.has(JSON.stringify(p)) ? [] : [i]));
  const starts = added.map((i) => tickOf(scenario.policies[i].start, scenario.start, scenario.ticksPerYear));
  return {
    withIt: scenario,
    withoutIt: baseline,
    intervention: scenario.name,
    target: added.length > 0 ? combinedTarget(scenario, added) : null,
    fromTick: Math.max(0, starts.length > 0 ? Math.min(...starts) : 0),
  };
}

/** Effect estimate from runs of both scenarios on the same seeds (in the same order). */
export function comparisonEffect(scenario: Scenario, runs: readonly RunResult[], baseline: Scenario, baseRuns: readonly RunResult[]): EffectEstimate {
  const plan = comparisonPlan(scenario, baseline);
  const pairs = runs.map((run, k) => ({ seed: run.seed, a: planOutcomes(plan, run, 'a'), b: planOutcomes(plan, baseRuns[k], 'b') }));
  return effectFromPairs(plan, pairs);
}
