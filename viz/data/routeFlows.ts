/**
 * Yearly route flows of a set of runs (mean over the seeds, tonnes per year), and
 * the two differences the route maps show: the change since the first year and a
 * scenario's flows minus another's (its no-policy twin or a baseline, same seeds).
 */
import { annualise, measureByTick } from '../../sim/analysis/extract';
import type { RunResult } from '../../sim/results/types';

/** Year → route id → flow; the maps read it by year. */
export type YearlyFlows = Map<number, Map<string, number>>;

/** Mean over runs of each route's yearly flow, in tonnes. */
export function yearlyRouteFlows(runs: readonly RunResult[]): YearlyFlows {
  const out: YearlyFlows = new Map();
  const firstYear = Number(runs[0].start.slice(0, 4));
  for (const run of runs) {
    const table = measureByTick(run, 'flowKg', 'route');
    if (!table) continue;
    for (const [id, column] of table.values) {
      annualise(column, run.ticksPerYear, 'flow').forEach((kg, i) => {
        const year = out.get(firstYear + i) ?? new Map<string, number>();
        year.set(id, (year.get(id) ?? 0) + kg / 1000 / runs.length);
        out.set(firstYear + i, year);
      });
    }
  }
  return out;
}

/** Per year and route: flow in that year minus flow in the first year (tonnes per year). */
export function changeSinceStart(runs: readonly RunResult[]): YearlyFlows {
  const flows = yearlyRouteFlows(runs);
  const years = [...flows.keys()].sort((a, b) => a - b);
  const first = flows.get(years[0]) ?? new Map<string, number>();
  return new Map(years.map((y) => [y, new Map([...flows.get(y)!].map(([id, v]) => [id, v - (first.get(id) ?? 0)]))]));
}

/** Per year and route: scenario flow − baseline flow (tonnes), over the routes of either. */
export function flowShift(scenario: readonly RunResult[], baseline: readonly RunResult[]): YearlyFlows {
  const a = yearlyRouteFlows(scenario);
  const b = yearlyRouteFlows(baseline);
  const out: YearlyFlows = new Map();
  for (const year of new Set([...a.keys(), ...b.keys()])) {
    const ya = a.get(year) ?? new Map<string, number>();
    const yb = b.get(year) ?? new Map<string, number>();
    out.set(year, new Map([...new Set([...ya.keys(), ...yb.keys()])].map((id) => [id, (ya.get(id) ?? 0) - (yb.get(id) ?? 0)])));
  }
  return out;
}
