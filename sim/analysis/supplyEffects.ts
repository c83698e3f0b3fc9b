/**
 * The effect of a scenario's added supply-side levers against a baseline run on the
 * same seeds, for a package of mixed levers (eradication and interdiction together,
 * as in Plan Colombia), where one combined target does not exist:
 *
 * - coca: the added levers aimed at producers (eradication, alternative development,
 *   capacity funding of a producer) → displacement of coca cultivation (hectares) and
 *   of production (kilograms) from the targeted countries or regions to the others;
 * - routes: the added levers aimed at routes and transit countries (interdiction,
 *   capacity funding of a transit country, intelligence sharing between partners) →
 *   displacement of flow from the targeted routes to the alternative routes;
 *
 * each over its own span of years (from the group's first start to the end), plus, for the
 * whole package: extra spend, the change in northern consumption and southern violence,
 * and the cost per kilogram kept from northern consumers (docs/specification.md §7: extra spend per
 * year / fall in northern consumption per year). Demand-side and organisation levers
 * have no displacement target; they still count in spend and outcomes.
 */
import type { RunResult } from '../results/types';
import type { Scenario } from '../scenario/schema';
import { displacementTarget, type DisplacementTarget } from './displacement';
import { effectFromPairs, outcomesOf, type EffectEstimate, type EffectPlan } from './effect';
import { measureByTick, windowSum } from './extract';
import { mean, ratioOfMeans, type Estimate } from './stats';
import { tickOf } from './time';
import { LEVER_MODULES, leverOf } from '../levers/registry';

export type SupplyGroup = 'coca' | 'routes';

/** Levers that act on supply (production or trafficking). */
export const SUPPLY_LEVERS: ReadonlySet<string> = new Set(LEVER_MODULES.filter((l) => l.supply).map((l) => l.kind));

/** Indices of the scenario's policies that the baseline does not have (same JSON). */
export function addedPolicies(scenario: Scenario, baseline: Scenario): number[] {
  const inBaseline = new Set(baseline.policies.map((p) => JSON.stringify(p)));
  return scenario.policies.flatMap((p, i) => (inBaseline.has(JSON.stringify(p)) ? [] : [i]));
}

/** A policy's target within a package: its displacement target, or else its lever's package target (intelligence sharing). */
function packageTarget(scenario: Scenario, index: number): DisplacementTarget | null {
  const policy = scenario.policies[index];
  const spec = policy ? leverOf(policy.lever).packageTarget?.(policy, scenario) : null;
  if (!spec) return null;
  return { ...spec, fromTick: Math.max(0, tickOf(policy.start, scenario.start, scenario.ticksPerYear)) };
}

function targetOf(scenario: Scenario, index: number): DisplacementTarget | null {
  return displacementTarget(scenario, index) ?? packageTarget(scenario, index);
}

function groupOf(t: DisplacementTarget): SupplyGroup {
  return t.measure === 'cultivationHa' ? 'coca' : 'routes';
}

/** Targets of several levers as one: regions of a national campaign count as their country. */
function mergeTargets(scenario: Scenario, parts: DisplacementTarget[], what: string): DisplacementTarget {
  let all = parts;
  if (all.some((p) => p.kind === 'region') && all.some((p) => p.kind === 'country')) {
    const countryOf = new Map(scenario.regions.map((r) => [r.id, r.country]));
    const producers = [...new Set(scenario.regions.map((r) => r.country))];
    all = all.map((p) => {
      if (p.kind !== 'region') return p;
      const target = [...new Set(p.target.map((id) => countryOf.get(id) ?? id))];
      return { ...p, kind: 'country', target, elsewhere: producers.filter((c) => !target.includes(c)) };
    });
  }
  const target = [...new Set(all.flatMap((p) => p.target))];
  const elsewhere = [...new Set(all.flatMap((p) => p.elsewhere))].filter((id) => !target.includes(id));
  const description =
    all.length === 1
      ? all[0].description
      : all[0].measure === 'cultivationHa'
        ? `coca in ${target.join(', ')} vs ${elsewhere.join(', ')}`
        : `flow on ${target.length} targeted route${target.length === 1 ? '' : 's'} vs ${elsewhere.length} alternative route${elsewhere.length === 1 ? '' : 's'}`;
  return { measure: all[0].measure, kind: all[0].kind, target, elsewhere, fromTick: Math.min(...all.map((p) => p.fromTick)), description: `${what}: ${description}` };
}

export interface SupplyTarget {
  group: SupplyGroup;
  /** Policy indices (in the scenario) of the group. */
  policies: number[];
  target: DisplacementTarget;
}

/** The displacement targets of the added supply-side levers, one per group that has any. */
export function supplyTargets(scenario: Scenario, added: readonly number[]): SupplyTarget[] {
  const byGroup = new Map<SupplyGroup, { policies: number[]; parts: DisplacementTarget[] }>();
  for (const i of added) {
    const t = targetOf(scenario, i);
    if (!t) continue;
    const g = byGroup.get(groupOf(t)) ?? { policies: [], parts: [] };
    g.policies.push(i);
    g.parts.push(t);
    byGroup.set(groupOf(t), g);
  }
  return (['coca', 'routes'] as const).flatMap((group) => {
    const g = byGroup.get(group);
    if (!g) return [];
    const levers = [...new Set(g.policies.map((i) => scenario.policies[i].lever))].join(', ');
    return [{ group, policies: g.policies, target: mergeTargets(scenario, g.parts, levers) }];
  });
}

export interface GroupEffect {
  group: SupplyGroup;
  target: DisplacementTarget;
  /** Displacement index of the group's measure (hectares for coca, kilograms for routes), with its reduction and increase. */
  effect: EffectEstimate;
  /** Coca only: the same split measured in production (kilograms a year). */
  kilograms: Estimate | null;
}

export interface SupplyEffects {
  /** Added policies (indices in the scenario). */
  added: number[];
  /** Added supply-side policies that found no target (e.g. capacity funding of a consumer country). */
  untargeted: number[];
  groups: GroupEffect[];
  /** The whole package from its first start: spend, northern consumption, southern violence, cost-effectiveness. */
  overall: EffectEstimate;
  /** Extra spend per kilogram kept from northern consumers (USD/kg); NaN when consumption did not fall. */
  costPerKgUsd: Estimate;
  /** Southern violence change relative to the baseline's level over that span (−0.1 = 10 % lower). */
  violenceRelative: Estimate;
}

function plan(scenario: Scenario, baseline: Scenario, target: DisplacementTarget | null, fromTick: number): EffectPlan {
  return { withIt: scenario, withoutIt: baseline, intervention: scenario.name, target, fromTick };
}

function pairsFor(p: EffectPlan, runs: readonly RunResult[], baseRuns: readonly RunResult[]) {
  return runs.map((run, k) => ({
    seed: run.seed,
    a: outcomesOf(run, p.withIt, p.fromTick, p.target),
    b: outcomesOf(baseRuns[k], p.withoutIt, p.fromTick, p.target),
  }));
}

/** Production (kg/yr) at the coca target and elsewhere, over that span. */
function productionSplit(run: RunResult, t: DisplacementTarget): { target: number; elsewhere: number } {
  const table = measureByTick(run, 'productionKg', t.kind === 'region' ? 'region' : 'country');
  const perYear = run.ticksPerYear / Math.max(1, run.ticks - t.fromTick);
  return { target: windowSum(table, t.target, t.fromTick, run.ticks) * perYear, elsewhere: windowSum(table, t.elsewhere, t.fromTick, run.ticks) * perYear };
}

function kilogramIndex(t: DisplacementTarget, runs: readonly RunResult[], baseRuns: readonly RunResult[], level: number): Estimate {
  const reduction: number[] = [];
  const increase: number[] = [];
  runs.forEach((run, k) => {
    const a = productionSplit(run, t);
    const b = productionSplit(baseRuns[k], t);
    reduction.push(b.target - a.target);
    increase.push(a.elsewhere - b.elsewhere);
  });
  if (!(mean(reduction) > 0)) return { mean: NaN, lo: NaN, hi: NaN, n: runs.length, level };
  return ratioOfMeans(increase, reduction, level, runs[0]?.seed ?? 1);
}

/**
 * Effects of what `scenario` adds to `baseline`, from runs of both on the same seeds
 * (same order). Throws when the run lists differ in length.
 */
export function supplyEffects(scenario: Scenario, runs: readonly RunResult[], baseline: Scenario, baseRuns: readonly RunResult[], level = 0.9): SupplyEffects {
  if (runs.length !== baseRuns.length) throw new RangeError(`runs: expected as many runs of "${scenario.name}" as of "${baseline.name}", got ${runs.length} and ${baseRuns.length}`);
  const added = addedPolicies(scenario, baseline);
  const starts = added.map((i) => tickOf(scenario.policies[i].start, scenario.start, scenario.ticksPerYear));
  const fromTick = Math.max(0, starts.length > 0 ? Math.min(...starts) : 0);
  const targets = supplyTargets(scenario, added);
  const targeted = new Set(targets.flatMap((t) => t.policies));
  const untargeted = added.filter((i) => SUPPLY_LEVERS.has(scenario.policies[i].lever) && !targeted.has(i));

  const overallPlan = plan(scenario, baseline, null, fromTick);
  const overallPairs = pairsFor(overallPlan, runs, baseRuns);
  const overall = effectFromPairs(overallPlan, overallPairs, level);
  const spend = overallPairs.map((p) => p.a.spendUsdPerYear - p.b.spendUsdPerYear);
  const kept = overallPairs.map((p) => p.b.northConsumptionKgPerYear - p.a.northConsumptionKgPerYear);
  const nan: Estimate = { mean: NaN, lo: NaN, hi: NaN, n: runs.length, level };
  const seed = runs[0]?.seed ?? 1;
  const costPerKgUsd = mean(kept) > 0 && spend.some((s) => Math.abs(s) >= 1) ? ratioOfMeans(spend, kept, level, seed) : nan;
  const violenceRelative = ratioOfMeans(
    overallPairs.map((p) => p.a.southViolence - p.b.southViolence),
    overallPairs.map((p) => p.b.southViolence),
    level,
    seed,
  );

  const groups = targets.map(({ group, target }) => {
    const p = plan(scenario, baseline, target, target.fromTick);
    return {
      group,
      target,
      effect: effectFromPairs(p, pairsFor(p, runs, baseRuns), level),
      kilograms: group === 'coca' ? kilogramIndex(target, runs, baseRuns, level) : null,
    };
  });
  return { added, untargeted, groups, overall, costPerKgUsd, violenceRelative };
}

/**
 * Why an interval does not settle the question, or null when it does: one seed gives
 * no interval; an interval that spans zero on fewer than 10 seeds cannot tell the sign.
 */
export function intervalCaveat(e: Estimate | null, minSeeds = 10): string | null {
  if (!e || !Number.isFinite(e.mean)) return null;
  if (e.n < 2 || !Number.isFinite(e.lo) || !Number.isFinite(e.hi)) return `one seed: no interval (run ${minSeeds} or more seeds)`;
  if (e.lo <= 0 && e.hi >= 0 && e.n < minSeeds) return `${e.n} seeds: the interval spans zero, too few seeds to tell the sign (run ${minSeeds} or more)`;
  return null;
}
