/**
 * How much each entity (a producer's coca, a market's consumption) changed: from the
 * first recorded year to the last, and against a twin run on the same seeds (the
 * same world without the policies) in the last year. Yearly values: stocks averaged
 * over the year, flows summed. Means over seeds with 90% intervals of the mean.
 */
import type { EntityKind, RunResult } from '../results/types';
import { annualise, measureByTick } from './extract';
import { mean, meanInterval, type Estimate } from './stats';
import type { MeasureId } from '../results/measures';

export interface EntityChange {
  id: string;
  label: string;
  firstYear: number;
  lastYear: number;
  /** Mean over seeds of the first and last year's value (recorded unit, per year for flows). */
  first: number;
  last: number;
  /** last / first − 1, per seed, then mean and interval. */
  sinceStart: Estimate;
  /** The twin's last-year value, mean over seeds; NaN without a twin. */
  twinLast: number;
  /** last / twin's last − 1, paired by seed; null without a twin. */
  vsTwin: Estimate | null;
}

/** Per entity, its yearly values in every run. */
function yearly(runs: readonly RunResult[], measure: MeasureId, kind: EntityKind): Map<string, number[][]> {
  const out = new Map<string, number[][]>();
  for (const run of runs) {
    const table = measureByTick(run, measure, kind);
    if (!table) continue;
    for (const [id, column] of table.values) {
      const list = out.get(id) ?? [];
      list.push(annualise(column, run.ticksPerYear, table.aggregation));
      out.set(id, list);
    }
  }
  return out;
}

const relative = (a: number, b: number) => (b !== 0 ? a / b - 1 : NaN);

/**
 * Changes of `measure` for the entities of `kind` (all, or `entities` in that order),
 * largest first-year value first when no order is given. Twin runs must be on the
 * same seeds in the same order; entities that are zero throughout are left out.
 */
export function entityChanges(runs: readonly RunResult[], twin: readonly RunResult[] | null, measure: MeasureId, kind: EntityKind, entities?: readonly string[]): EntityChange[] {
  if (runs.length === 0) return [];
  const labels = new Map(runs[0].series.entities.filter((e) => e.kind === kind).map((e) => [e.id, e.label]));
  const own = yearly(runs, measure, kind);
  const other = twin && twin.length === runs.length ? yearly(twin, measure, kind) : null;
  const firstYear = Number(runs[0].start.slice(0, 4));
  const ids = entities ? entities.filter((id) => own.has(id)) : [...own.keys()];
  const out = ids.flatMap((id) => {
    const series = own.get(id)!;
    const last = series[0].length - 1;
    if (series.every((ys) => ys.every((v) => v === 0))) return [];
    const firsts = series.map((ys) => ys[0]);
    const lasts = series.map((ys) => ys[last]);
    const twins = other?.get(id)?.map((ys) => ys[last]) ?? null;
    const change: EntityChange = {
      id,
      label: labels.get(id) ?? id,
      firstYear,
      lastYear: firstYear + last,
      first: mean(firsts),
      last: mean(lasts),
      sinceStart: meanInterval(series.map((_, k) => relative(lasts[k], firsts[k]))),
      twinLast: twins ? mean(twins) : NaN,
      vsTwin: twins ? meanInterval(lasts.map((v, k) => relative(v, twins[k]))) : null,
    };
    return [change];
  });
  return entities ? out : out.sort((a, b) => b.first - a.first);
}
