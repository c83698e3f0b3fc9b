/**
 * The shape of a run's outputs: tidy, long-format, dictionary-encoded columns.
 * One row = (tick, entity, measure, value). Typed columns keep memory small and
 * cross the worker boundary without copying; `rows.ts` turns them into objects.
 */

/** What kind of thing an entity is. */
export type EntityKind = 'world' | 'country' | 'region' | 'route' | 'market' | 'policy';

export interface MeasureInfo {
  /** Stable machine name, e.g. "cultivationHa". */
  id: string;
  kind: EntityKind;
  /** Unit label, e.g. "ha", "kg", "USD/kg", "index". */
  unit: string;
  /** Human label, e.g. "Coca cultivation". */
  label: string;
  /** 'stock' = level at the end of the tick; 'flow' = amount during the tick (sum over a year). */
  aggregation: 'stock' | 'flow';
}

export interface EntityInfo {
  /** Stable id: "world", a country code "COL", a region id, a route id "COL-MEX-sea", a market country, a policy label. */
  id: string;
  kind: EntityKind;
  label: string;
  /** For regions, routes and markets: the country (routes: origin). */
  country?: string;
  /** Routes only. */
  from?: string;
  to?: string;
  mode?: string;
}

/** Long-format per-tick series. All arrays have `length` valid entries. */
export interface Series {
  length: number;
  tick: Int32Array;
  entity: Uint16Array; // index into `entities`
  measure: Uint16Array; // index into `measures`
  value: Float64Array;
  entities: EntityInfo[];
  measures: MeasureInfo[];
}

/** A plain tidy row, as written to CSV/JSONL. */
export interface TidyRow {
  tick: number;
  /** "YYYY-MM" for monthly ticks; "YYYY-tN" otherwise. */
  date: string;
  /** Decimal year at the start of the tick, e.g. 2000.5. */
  year: number;
  kind: EntityKind;
  entity: string;
  measure: string;
  unit: string;
  value: number;
}

export interface RunResult {
  scenario: string;
  seed: number;
  ticks: number;
  ticksPerYear: number;
  /** "YYYY-MM" of tick 0. */
  start: string;
  series: Series;
  /** Flat, named outcomes of the run: one row per run in a sweep. Keys look like "consumptionKg.USA.final". */
  summary: Record<string, number>;
  /** 16 hex digits: a content hash of the series and summary; identical runs give identical hashes on any host. */
  hash: string;
}
