/**
 * The effect of a compared scenario against the baseline run on the same seeds:
 * displacement of coca (hectares and kilograms) and of route flows, spend, cost per
 * kilogram kept from northern consumers and the change in southern violence, computed
 * by sim/analysis (supplyEffects) with the scenario's own policies (those not in the
 * baseline) as the intervention.
 */
import { supplyEffects, type SupplyEffects } from '../../sim/analysis/supplyEffects';
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';

/** Effects from runs of both scenarios on the same seeds (in the same order). */
export function comparisonEffect(scenario: Scenario, runs: readonly RunResult[], baseline: Scenario, baseRuns: readonly RunResult[]): SupplyEffects {
  return supplyEffects(scenario, runs, baseline, baseRuns);
}
