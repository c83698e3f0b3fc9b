/**
 * Pull measures out of a run's long-format series as per-tick arrays, one per
 * entity, and aggregate them by year (flows summed, stocks averaged).
 * The same measure id can exist for several entity kinds (cultivationHa per
 * country and per region), so lookups take the entity kind too.
 */
import type { EntityKind, RunResult, Series } from '../results/types';
import type { MeasureId } from '../results/measures';

export interface MeasureByTick {
  aggregation: 'stock' | 'flow';
  unit: string;
  /** entity id → value per tick (0 where the run recorded nothing). */
  values: Map<string, Float64Array>;
}

/** Every (entity kind, measure) in one pass, keyed "kind/measure", e.g. "country/cultivationHa". */
export function allMeasuresByTick(result: RunResult): Map<string, MeasureByTick> {
  const { series } = result;
  const out = new Map<string, MeasureByTick>();
  const columns = new Map<number, Float64Array>();
  const stride = series.entities.length;
  for (let i = 0; i < series.length; i++) {
    const e = series.entity[i];
    const m = series.measure[i];
    const slot = m * stride + e;
    let column = columns.get(slot);
    if (!column) {
      const entity = series.entities[e];
      const measure = series.measures[m];
      const key = `${entity.kind}/${measure.id}`;
      let table = out.get(key);
      if (!table) {
        table = { aggregation: measure.aggregation, unit: measure.unit, values: new Map() };
        out.set(key, table);
      }
      column = new Float64Array(result.ticks);
      columns.set(slot, column);
      table.values.set(entity.id, column);
    }
    const t = series.tick[i];
    if (t >= 0 && t < result.ticks) column[t] = series.value[i];
  }
  return out;
}

/** Row numbers of a series by measure index, built on the first lookup of a series (views read many measures of one run). */
const rowIndex = new WeakMap<Series, { length: number; rows: Int32Array[] }>();

function rowsOfMeasure(series: Series, measure: number): Int32Array {
  let index = rowIndex.get(series);
  if (!index || index.length !== series.length) {
    const counts = new Int32Array(series.measures.length);
    for (let i = 0; i < series.length; i++) counts[series.measure[i]]++;
    const rows = Array.from(counts, (n) => new Int32Array(n));
    counts.fill(0);
    for (let i = 0; i < series.length; i++) {
      const m = series.measure[i];
      rows[m][counts[m]++] = i;
    }
    index = { length: series.length, rows };
    rowIndex.set(series, index);
  }
  return index.rows[measure];
}

/** Tables already read, by series (a table is read-only: views, analyses and the effect table read the same measures of one run many times). */
const tables = new WeakMap<Series, { length: number; byKey: Map<string, MeasureByTick | null> }>();

/**
 * One measure for one entity kind, or null if the run did not record it (a measure `kind` entities do not have fails to compile).
 * Read once per run and measure: callers must not change the table or its columns.
 */
export function measureByTick<K extends EntityKind>(result: RunResult, measureId: MeasureId<K>, kind: K): MeasureByTick | null {
  let read = tables.get(result.series);
  if (!read || read.length !== result.series.length) {
    read = { length: result.series.length, byKey: new Map() };
    tables.set(result.series, read);
  }
  const key = `${kind}/${measureId}/${result.ticks}`;
  let table = read.byKey.get(key);
  if (table === undefined) {
    table = readMeasure(result, measureId, kind);
    read.byKey.set(key, table);
  }
  return table;
}

function readMeasure(result: RunResult, measureId: string, kind: EntityKind): MeasureByTick | null {
  const { series } = result;
  let table: MeasureByTick | null = null;
  const matching: number[] = [];
  series.measures.forEach((m, i) => m.id === measureId && matching.push(i));
  if (matching.length === 0) return null;
  // Rows in their recorded order (a later row for the same tick and entity wins, as in one pass).
  const rows = matching.length === 1 ? rowsOfMeasure(series, matching[0]) : Int32Array.from(matching.flatMap((m) => [...rowsOfMeasure(series, m)])).sort();
  for (const i of rows) {
    const measure = series.measures[series.measure[i]];
    if (measure.id !== measureId) continue;
    const entity = series.entities[series.entity[i]];
    if (entity.kind !== kind) continue;
    table ??= { aggregation: measure.aggregation, unit: measure.unit, values: new Map() };
    let column = table.values.get(entity.id);
    if (!column) {
      column = new Float64Array(result.ticks);
      table.values.set(entity.id, column);
    }
    const t = series.tick[i];
    if (t >= 0 && t < result.ticks) column[t] = series.value[i];
  }
  return table;
}

/** Per-year values of one per-tick column: sum for flows, mean for stocks. A partial last year counts what was recorded. */
export function annualise(column: Float64Array, ticksPerYear: number, aggregation: 'stock' | 'flow'): number[] {
  const years = Math.ceil(column.length / ticksPerYear);
  const out: number[] = [];
  for (let y = 0; y < years; y++) {
    const from = y * ticksPerYear;
    const to = Math.min(column.length, from + ticksPerYear);
    let sum = 0;
    for (let t = from; t < to; t++) sum += column[t];
    out.push(aggregation === 'flow' ? sum : sum / (to - from));
  }
  return out;
}

/** Sum of the columns of `entities` over ticks [from, to). Missing entities count as 0. */
export function windowSum(byTick: MeasureByTick | null, entities: readonly string[], from: number, to: number): number {
  if (!byTick) return 0;
  let sum = 0;
  for (const id of entities) {
    const column = byTick.values.get(id);
    if (!column) continue;
    for (let t = Math.max(0, from); t < Math.min(to, column.length); t++) sum += column[t];
  }
  return sum;
}
