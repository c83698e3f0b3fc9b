/**
 * One candidate on one seed (what a sweep worker runs for a calibration): apply the
 * candidate's values to each scenario, run what the targets need (the scenario;
 * without a lever or policy for paired effects; without any policy for facts),
 * each variant once, and reduce them to the per-seed numbers the losses use:
 *   series  t{i}.{year}      the model's yearly value (flows summed, stocks averaged)
 *   effect  t{i}.num, .den   numerator and denominator of the statistic (ratio of means over seeds)
 *   fact    t{i}.num (.den)  the fact's per-seed value (sim/analysis/facts.ts)
 *   modelSeed               the seed of the runs (firstSeed + replicate)
 * Host-free and deterministic.
 */
import { annualDigest, type AnnualDigest } from '../analysis/annual';
import { leverPlan, planOutcomes, policyPlan, type EffectPlan } from '../analysis/effect';
import { annualise, measureByTick, windowSum } from '../analysis/extract';
import { FACTS, factYearIndex, withoutPolicies } from '../analysis/facts';
import { runScenario } from '../run';
import type { RunResult } from '../results/types';
import type { MeasureId } from '../results/measures';
import { parseScenario } from '../scenario/validate';
import type { Scenario } from '../scenario/schema';
import { applyPoint } from '../sweep/plan';
import { replicateSeed, statKey, type CalibrationSpec, type SpecEffect } from './spec';

export interface Evaluation {
  /** Run hashes of every variant run, joined by "+". */
  hash: string;
  summary: Record<string, number>;
}

export class CandidateError extends Error {}

/** The plan of a paired-effect target on its scenario. */
export function effectPlanOf(scenario: Scenario, target: Pick<SpecEffect, 'switchOff'>): EffectPlan {
  return 'lever' in target.switchOff ? leverPlan(scenario, target.switchOff.lever) : policyPlan(scenario, target.switchOff.policy);
}

/** A measure's mean per year over ticks [from, end): yearly mean level for stocks, amount per year for flows. */
function windowPerYear(result: RunResult, measure: string, kind: SpecEffect['kind'] & string, entity: string, from: number): number {
  const byTick = measureByTick(result, measure as MeasureId, kind); // checked against ALL_MEASURES by validate.ts
  const ticks = Math.max(1, result.ticks - from);
  const sum = windowSum(byTick, [entity], from, result.ticks);
  return byTick?.aggregation === 'flow' ? (sum * result.ticksPerYear) / ticks : sum / ticks;
}

export function evaluateCandidate(spec: CalibrationSpec, values: readonly unknown[], replicate: number): Evaluation {
  const seed = replicateSeed(spec, replicate);
  const scenarios = new Map<number, Scenario>();
  const scenarioOf = (s: number): Scenario => {
    let sc = scenarios.get(s);
    if (!sc) {
      const parsed = parseScenario(applyPoint(spec.scenarios[s].input, spec.scenarios[s].segments, values as never));
      if (!parsed.ok) throw new CandidateError(`${spec.scenarios[s].label} with the candidate's values: ${parsed.errors[0].message}`);
      sc = parsed.value;
      scenarios.set(s, sc);
    }
    return sc;
  };
  const runs = new Map<string, RunResult>();
  const run = (key: string, make: () => Scenario): RunResult => {
    let r = runs.get(key);
    if (!r) {
      r = runScenario(make(), { seed });
      runs.set(key, r);
    }
    return r;
  };
  const digests = new Map<string, AnnualDigest>();
  const digest = (key: string, r: RunResult): AnnualDigest => {
    let d = digests.get(key);
    if (!d) {
      d = annualDigest(r);
      digests.set(key, d);
    }
    return d;
  };

  // The seed the candidate ran on (the sweep engine's own "seed" column is only its run label).
  const summary: Record<string, number> = { modelSeed: seed };
  spec.targets.forEach((target, i) => {
    const s = target.scenario;
    const asIs = `${s}`;
    if (target.type === 'series') {
      const result = run(asIs, () => scenarioOf(s));
      const byTick = measureByTick(result, target.measure as MeasureId, target.kind); // checked by validate.ts
      const column = byTick?.values.get(target.entity);
      const annual = column ? annualise(column, result.ticksPerYear, byTick!.aggregation) : [];
      const first = Number(result.start.slice(0, 4));
      for (const year of target.years) summary[statKey.year(i, year)] = annual[year - first] ?? NaN;
      return;
    }
    if (target.type === 'effect') {
      const plan = effectPlanOf(scenarioOf(s), target);
      const withIt = run(asIs, () => plan.withIt);
      const variant = 'lever' in target.switchOff ? `lever:${target.switchOff.lever}` : `policy:${target.switchOff.policy}`;
      const withoutIt = run(`${s}|${variant}`, () => plan.withoutIt);
      const a = planOutcomes(plan, withIt, 'a');
      const b = planOutcomes(plan, withoutIt, 'b');
      let num: number;
      let den: number;
      if (target.statistic === 'displacementIndex') {
        num = (a.displacement?.elsewhere ?? NaN) - (b.displacement?.elsewhere ?? NaN);
        den = (b.displacement?.target ?? NaN) - (a.displacement?.target ?? NaN);
      } else if (target.statistic === 'costPerKg') {
        num = a.spendUsdPerYear - b.spendUsdPerYear;
        den =
          target.per === 'consumption'
            ? b.northConsumptionKgPerYear - a.northConsumptionKgPerYear
            : windowPerYear(withoutIt, 'producedKg', 'world', 'world', plan.fromTick) - windowPerYear(withIt, 'producedKg', 'world', 'world', plan.fromTick);
      } else {
        const va = windowPerYear(withIt, target.measure!, target.kind!, target.entity!, plan.fromTick);
        const vb = windowPerYear(withoutIt, target.measure!, target.kind!, target.entity!, plan.fromTick);
        num = va - vb;
        den =
          target.statistic === 'changePerChange'
            ? windowPerYear(withIt, target.perMeasure!, target.kind!, target.entity!, plan.fromTick) - windowPerYear(withoutIt, target.perMeasure!, target.kind!, target.entity!, plan.fromTick)
            : vb;
      }
      summary[statKey.num(i)] = num;
      summary[statKey.den(i)] = den;
      return;
    }
    const sc = scenarioOf(s);
    const fact = FACTS.find((f) => f.id === target.fact);
    if (!fact) throw new CandidateError(`no stylised fact "${target.fact}"`);
    const da = digest(asIs, run(asIs, () => sc));
    const db = digest(`${s}|none`, run(`${s}|none`, () => withoutPolicies(sc)));
    const v = fact.value({ scenario: sc, run: da, counterfactual: db, first: 0, last: factYearIndex(da.start, da.years) });
    summary[statKey.num(i)] = v.num;
    if (v.den !== undefined) summary[statKey.den(i)] = v.den;
  });
  return { hash: [...runs.values()].map((r) => r.hash).join('+'), summary };
}
