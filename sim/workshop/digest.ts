/**
 * What the workshop shows of a run, small enough to post to the page at every
 * lever move: yearly series of the trade-off measures (northern consumption,
 * southern violence, coca cultivation per producer, lever spending, route flows)
 * and the outcomes a plan is judged on, against the run without levers.
 * Host-free (the worker computes it; tests check it in Node).
 */
import type { Policy, Scenario } from '../scenario/schema';
import type { RunResult } from '../results/types';
import { allMeasuresByTick, annualise, type MeasureByTick } from '../analysis/extract';
import { combinedTarget, displacementTarget, displacementTotals, routeId, type DisplacementTarget } from '../analysis/displacement';
import { northernCountries } from '../analysis/effect';

/** Years at the end of the horizon the outcomes average over. */
export const OUTCOME_YEARS = 5;

export interface Outcomes {
  /** Consumption in northern markets, tonnes per year (mean of the last years). */
  northConsumptionT: number;
  /** Sum of southern countries' violence indices (mean of the last years). */
  southViolence: number;
  /** Coca cultivation in all producer countries, thousand ha (mean of the last years). */
  cultivationKha: number;
  /** Lever spending over the whole run, USD billion. */
  costUsdBn: number;
  /** Share of the cut in targeted cultivation that reappeared elsewhere; null without a cultivation target or cut. */
  displacementIndex: number | null;
  /** Extra coca elsewhere than the targets, thousand ha (mean since the levers started); 0 without a target. */
  displacedKha: number;
}

export interface Digest {
  hash: string;
  seed: number;
  /** First year of the horizon; series are indexed by year - firstYear. */
  firstYear: number;
  years: number;
  northConsumptionT: number[];
  southViolence: number[];
  /** Producer country → thousand ha per year. */
  cultivationKha: Record<string, number[]>;
  /** Lever spending, USD million per year. */
  spendUsdM: number[];
  /** Route id → tonnes per year. */
  flowT: Record<string, number[]>;
  outcomes: Outcomes;
  /** What the displacement compares, in words; '' without a target. */
  displacementNote: string;
}

function yearly(table: MeasureByTick | undefined, ids: Iterable<string>, tpy: number, scale: number): number[] {
  let out: number[] | null = null;
  for (const id of ids) {
    const column = table?.values.get(id);
    if (!column || !table) continue;
    const years = annualise(column, tpy, table.aggregation);
    out ??= years.map(() => 0);
    years.forEach((v, i) => (out![i] += v * scale));
  }
  return out ?? [];
}

function tail(values: readonly number[], n: number): number {
  const kept = values.slice(Math.max(0, values.length - n));
  return kept.length === 0 ? 0 : kept.reduce((a, b) => a + b, 0) / kept.length;
}

/** The combined cultivation target of a plan's cultivation levers (eradication, alternative development, capacity funding of producers). */
export function cultivationTarget(scenario: Scenario, policies: readonly Policy[]): DisplacementTarget | null {
  const indices = policies.map((_, i) => i).filter((i) => displacementTarget(scenario, i)?.measure === 'cultivationHa');
  return indices.length === 0 ? null : combinedTarget(scenario, indices);
}

export function digest(result: RunResult, scenario: Scenario, baseline: RunResult): Digest {
  const tpy = result.ticksPerYear;
  const all = allMeasuresByTick(result);
  const north = northernCountries(scenario);
  const south = scenario.countries.map((c) => c.id).filter((c) => !north.has(c));
  const producers = [...new Set(scenario.regions.map((r) => r.country))];
  const cultivation = all.get('country/cultivationHa');
  const cultivationKha: Record<string, number[]> = {};
  for (const c of producers) cultivationKha[c] = yearly(cultivation, [c], tpy, 1e-3);
  const flowT: Record<string, number[]> = {};
  const flows = all.get('route/flowKg');
  for (const r of scenario.routes) flowT[routeId(r)] = yearly(flows, [routeId(r)], tpy, 1e-3);
  const northConsumptionT = yearly(all.get('market/consumptionKg'), north, tpy, 1e-3);
  const southViolence = yearly(all.get('country/violenceIndex'), south, tpy, 1);
  const spendUsdM = yearly(all.get('world/spendUsd'), ['world'], tpy, 1e-6);
  const years = northConsumptionT.length;

  const target = cultivationTarget(scenario, scenario.policies);
  let displacementIndex: number | null = null;
  let displacedKha = 0;
  if (target) {
    const ticks = Math.max(1, result.ticks - target.fromTick);
    const withLevers = displacementTotals(result, target, all.get(`${target.kind}/${target.measure}`) ?? null);
    const without = displacementTotals(baseline, target);
    const cut = (without.target - withLevers.target) / ticks;
    const moved = (withLevers.elsewhere - without.elsewhere) / ticks;
    displacedKha = moved * 1e-3;
    // A cut below one hectare on average is no cut: the index would be noise over nothing.
    displacementIndex = cut >= 1 ? moved / cut : null;
  }
  return {
    hash: result.hash,
    seed: result.seed,
    firstYear: Number(result.start.slice(0, 4)),
    years,
    northConsumptionT,
    southViolence,
    cultivationKha,
    spendUsdM,
    flowT,
    outcomes: {
      northConsumptionT: tail(northConsumptionT, OUTCOME_YEARS),
      southViolence: tail(southViolence, OUTCOME_YEARS),
      cultivationKha: tail(producers.map((c) => cultivationKha[c]).reduce((acc, col) => col.map((v, i) => v + (acc[i] ?? 0)), [] as number[]), OUTCOME_YEARS),
      costUsdBn: spendUsdM.reduce((a, b) => a + b, 0) / 1000,
      displacementIndex,
      displacedKha,
    },
    displacementNote: target?.description ?? '',
  };
}
