/**
 * The effect of an intervention against its paired counterfactual over many seeds:
 * displacement index and cost-effectiveness (change in northern consumption and in
 * southern violence per million USD a year of extra spending), with 90% intervals.
 *
 * "North" and "South" follow the run summary (sim/simulation.ts): a country is
 * northern if it has a consumer market and the consumer role but no producer role;
 * every other country is southern. Southern violence is the sum of the southern
 * countries' violence indices, as in the summary's southernViolenceIndex.
 */
import type { RunResult } from '../results/types';
import type { LeverKind, Scenario } from '../scenario/schema';
import { measureByTick, windowSum } from './extract';
import { withoutLever, withoutPolicy } from './counterfactual';
import { combinedTarget, displacementTotals, type DisplacementTarget, type DisplacementTotals } from './displacement';
import { defaultRunner, runPaired, type Pair, type Runner } from './paired';
import { mean, meanInterval, ratioOfMeans, type Estimate } from './stats';
import { tickOf } from './time';

/** Ids of the northern countries of a scenario (see above). */
export function northernCountries(scenario: Scenario): Set<string> {
  const markets = new Set(scenario.markets.map((m) => m.country));
  return new Set(scenario.countries.filter((c) => c.roles.includes('consumer') && !c.roles.includes('producer') && markets.has(c.id)).map((c) => c.id));
}

/** Per-run quantities, each a mean per year over the measured span [fromTick, end). */
export interface Outcomes {
  displacement: DisplacementTotals | null;
  spendUsdPerYear: number;
  northConsumptionKgPerYear: number;
  southViolence: number;
  /** Northern users and heavy users (those in treatment included), mean over the measured span. */
  northUsers: number;
  northHeavyUsers: number;
}

export function outcomesOf(result: RunResult, scenario: Scenario, fromTick: number, target: DisplacementTarget | null): Outcomes {
  const ticks = Math.max(1, result.ticks - fromTick);
  const perYear = result.ticksPerYear / ticks;
  const north = northernCountries(scenario);
  const south = scenario.countries.map((c) => c.id).filter((c) => !north.has(c));
  const consumption = measureByTick(result, 'consumptionKg', 'market');
  const violence = measureByTick(result, 'violenceIndex', 'country');
  const northMean = (measure: 'users' | 'heavyUsers') => windowSum(measureByTick(result, measure, 'market'), [...north], fromTick, result.ticks) / ticks;
  return {
    displacement: target ? perYearTotals(displacementTotals(result, target), target, ticks, perYear) : null,
    spendUsdPerYear: windowSum(measureByTick(result, 'spendUsd', 'world'), ['world'], fromTick, result.ticks) * perYear,
    northConsumptionKgPerYear: windowSum(consumption, [...north], fromTick, result.ticks) * perYear,
    southViolence: windowSum(violence, south, fromTick, result.ticks) / ticks,
    northUsers: northMean('users'),
    northHeavyUsers: northMean('heavyUsers'),
  };
}

/** Window sums as yearly means: mean hectares for cultivation (a stock), kg per year for flows. */
function perYearTotals(t: DisplacementTotals, target: DisplacementTarget, ticks: number, perYear: number): DisplacementTotals {
  const scale = target.measure === 'flowKg' ? perYear : 1 / ticks;
  return { target: t.target * scale, elsewhere: t.elsewhere * scale };
}

export interface EffectEstimate {
  /** What was switched off, e.g. "#2 eradication COL". */
  intervention: string;
  seeds: number[];
  level: number;
  target: DisplacementTarget | null;
  /** Reduction at the target and increase elsewhere over the measured span: mean hectares for cultivation, kg per year for flows. */
  targetReduction: Estimate | null;
  elsewhereIncrease: Estimate | null;
  /** Increase elsewhere / reduction at the target (ratio of means, bootstrap interval); NaN when the target was not reduced. */
  displacementIndex: Estimate | null;
  extraSpendUsdPerYear: Estimate;
  northConsumptionChangeKgPerYear: Estimate;
  southViolenceChange: Estimate;
  /** Change in northern users and heavy users (mean over the measured span, people). */
  northUsersChange: Estimate;
  northHeavyUsersChange: Estimate;
  /** Change in northern heavy users per million USD a year. NaN when the intervention costs nothing extra. */
  heavyUsersPerMillionUsd: Estimate;
  /** Change in northern consumption, kg per million USD (both per year). NaN when the intervention costs nothing extra. */
  consumptionKgPerMillionUsd: Estimate;
  /** Change in the southern violence index per million USD a year. */
  violencePerMillionUsd: Estimate;
  /** The paired differences (with minus without) of every seed, for plotting their distribution. */
  perSeed: { seed: number; targetReduction: number | null; elsewhereIncrease: number | null; extraSpendUsdPerYear: number; northConsumptionChangeKgPerYear: number; southViolenceChange: number }[];
}

export interface EffectOptions {
  level?: number;
  runner?: Runner;
  onRun?: (done: number, total: number) => void;
}

/** What to run for an effect estimate: the scenario with and without the intervention. */
export interface EffectPlan {
  withIt: Scenario;
  withoutIt: Scenario;
  /** What was switched off, e.g. "eradication COL". */
  intervention: string;
  target: DisplacementTarget | null;
  /** First tick of the span over which effects are measured (the intervention's start). */
  fromTick: number;
}

/** Plan for `policies[index]`: the scenario against itself without that policy. */
export function policyPlan(scenario: Scenario, index: number): EffectPlan {
  const withoutIt = withoutPolicy(scenario, index);
  const policy = scenario.policies[index];
  return {
    withIt: scenario,
    withoutIt,
    intervention: withoutIt.name.slice(scenario.name.length + ' without '.length),
    target: combinedTarget(scenario, [index]),
    fromTick: Math.max(0, tickOf(policy.start, scenario.start, scenario.ticksPerYear)),
  };
}

/** Plan for every policy of lever `kind` together. */
export function leverPlan(scenario: Scenario, kind: LeverKind): EffectPlan {
  const withoutIt = withoutLever(scenario, kind);
  const indices = scenario.policies.flatMap((p, i) => (p.lever === kind ? [i] : []));
  return {
    withIt: scenario,
    withoutIt,
    intervention: `all ${kind} levers`,
    target: combinedTarget(scenario, indices),
    fromTick: Math.max(0, Math.min(...indices.map((i) => tickOf(scenario.policies[i].start, scenario.start, scenario.ticksPerYear)))),
  };
}

/** The outcomes a plan needs from one run; `which` says whether it is the run with ('a') or without ('b') the intervention. */
export function planOutcomes(plan: EffectPlan, result: RunResult, which: 'a' | 'b'): Outcomes {
  return outcomesOf(result, which === 'a' ? plan.withIt : plan.withoutIt, plan.fromTick, plan.target);
}

/** The index is only meaningful when the intervention reduced its target on average; otherwise NaN. */
function displacement(increase: number[], reduction: number[], level: number, seed: number): Estimate {
  if (!(mean(reduction) > 0)) return { mean: NaN, lo: NaN, hi: NaN, n: reduction.length, level };
  return ratioOfMeans(increase, reduction, level, seed);
}

/** The estimate from paired outcomes (a = with the intervention, b = without), however they were run. */
export function effectFromPairs(plan: EffectPlan, pairs: readonly Pair<Outcomes>[], level = 0.9): EffectEstimate {
  const { target } = plan;
  const seeds = pairs.map((p) => p.seed);
  const diff = (f: (o: Outcomes) => number) => pairs.map((p) => f(p.a) - f(p.b));
  const spend = diff((o) => o.spendUsdPerYear);
  const consumption = diff((o) => o.northConsumptionKgPerYear);
  const violence = diff((o) => o.southViolence);
  const users = diff((o) => o.northUsers);
  const heavyUsers = diff((o) => o.northHeavyUsers);
  const spendMillions = spend.map((s) => s / 1e6);
  const bootstrapSeed = seeds[0] ?? 1;
  let reduction: number[] | null = null;
  let increase: number[] | null = null;
  if (target) {
    reduction = pairs.map((p) => p.b.displacement!.target - p.a.displacement!.target);
    increase = pairs.map((p) => p.a.displacement!.elsewhere - p.b.displacement!.elsewhere);
  }
  const anySpend = spend.some((s) => Math.abs(s) >= 1);
  const nan: Estimate = { mean: NaN, lo: NaN, hi: NaN, n: pairs.length, level };
  return {
    intervention: plan.intervention,
    seeds,
    level,
    target,
    targetReduction: reduction ? meanInterval(reduction, level) : null,
    elsewhereIncrease: increase ? meanInterval(increase, level) : null,
    displacementIndex: reduction && increase ? displacement(increase, reduction, level, bootstrapSeed) : null,
    extraSpendUsdPerYear: meanInterval(spend, level),
    northConsumptionChangeKgPerYear: meanInterval(consumption, level),
    southViolenceChange: meanInterval(violence, level),
    northUsersChange: meanInterval(users, level),
    northHeavyUsersChange: meanInterval(heavyUsers, level),
    heavyUsersPerMillionUsd: anySpend ? ratioOfMeans(heavyUsers, spendMillions, level, bootstrapSeed) : nan,
    consumptionKgPerMillionUsd: anySpend ? ratioOfMeans(consumption, spendMillions, level, bootstrapSeed) : nan,
    violencePerMillionUsd: anySpend ? ratioOfMeans(violence, spendMillions, level, bootstrapSeed) : nan,
    perSeed: seeds.map((seed, i) => ({
      seed,
      targetReduction: reduction ? reduction[i] : null,
      elsewhereIncrease: increase ? increase[i] : null,
      extraSpendUsdPerYear: spend[i],
      northConsumptionChangeKgPerYear: consumption[i],
      southViolenceChange: violence[i],
    })),
  };
}

/** Run a plan's pairs in this thread and estimate. */
export function estimateEffect(plan: EffectPlan, seeds: readonly number[], options: EffectOptions = {}): EffectEstimate {
  const pairs = runPaired(plan.withIt, plan.withoutIt, seeds, (r, which) => planOutcomes(plan, r, which), options.runner ?? defaultRunner, options.onRun);
  return effectFromPairs(plan, pairs, options.level ?? 0.9);
}

/** Effect of `policies[index]`: the scenario against itself without that policy, on `seeds`. */
export function policyEffect(scenario: Scenario, index: number, seeds: readonly number[], options: EffectOptions = {}): EffectEstimate {
  return estimateEffect(policyPlan(scenario, index), seeds, options);
}

/** Effect of every policy of lever `kind` together, on `seeds`. */
export function leverEffect(scenario: Scenario, kind: LeverKind, seeds: readonly number[], options: EffectOptions = {}): EffectEstimate {
  return estimateEffect(leverPlan(scenario, kind), seeds, options);
}
