import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../sim/scenario/validate';
import type { Policy, Scenario, ScenarioInput } from '../../sim/scenario/schema';
import { runScenario } from '../../sim/run';
import type { RunResult } from '../../sim/results/types';
import { annualise, pickSeries } from '../../sim/results/rows';

export function readJson(relativeToRepo: string): ScenarioInput {
  const path = fileURLToPath(new URL(`../../${relativeToRepo}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as ScenarioInput;
}

/** The two-producer test world, optionally with policies and overrides, validated. */
export function twoProducers(policies: unknown[] = [], patch: (s: any) => void = () => {}): Scenario {
  const input = readJson('test/fixtures/two-producers.json') as any;
  input.policies = policies;
  patch(input);
  return loadScenario(input);
}

export function withPolicies(base: Scenario, policies: Policy[]): Scenario {
  return { ...base, policies: [...base.policies, ...policies] };
}

/** Mean of a measure's yearly values (flows summed per year, stocks averaged) over years fromYear..toYear. */
export function meanBetween(result: RunResult, measure: string, entity: string, kind: string, fromYear: number, toYear = 9999): number {
  const picked = pickSeries(result, measure, entity, kind);
  const m = result.series.measures.find((x) => x.id === measure && x.kind === kind);
  if (!m || picked.value.length === 0) throw new Error(`no ${kind} ${entity} ${measure} in the result`);
  const yearly = annualise(picked, result.ticksPerYear, m.aggregation);
  const values = yearly.value.filter((_, i) => yearly.year[i] >= fromYear && yearly.year[i] <= toYear);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Mean of a measure's yearly values from `fromYear` to the horizon. */
export function meanFrom(result: RunResult, measure: string, entity: string, kind: string, fromYear: number): number {
  return meanBetween(result, measure, entity, kind, fromYear);
}

/** Paired runs over seeds: the difference treated - control of `measureOf(result)`, per seed. */
export function pairedDifferences(control: Scenario, treated: Scenario, seeds: number[], measureOf: (r: RunResult) => number): number[] {
  return seeds.map((seed) => measureOf(runScenario(treated, { seed })) - measureOf(runScenario(control, { seed })));
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
