/**
 * A run reduced to yearly values of every (entity kind, measure, entity): small
 * enough to keep for many seeds, enough for reports and stylised facts.
 */
import type { RunResult } from '../results/types';
import { allMeasuresByTick, annualise } from './extract';

export interface AnnualDigest {
  seed: number;
  hash: string;
  /** "YYYY-MM" of the first recorded tick. */
  start: string;
  /** Number of (possibly partial) years recorded. */
  years: number;
  /** "kind/measure" (e.g. "country/cultivationHa") → entity id → per-year value (flows summed, stocks averaged). */
  values: Map<string, Map<string, number[]>>;
}

export function annualDigest(result: RunResult): AnnualDigest {
  const values = new Map<string, Map<string, number[]>>();
  for (const [key, byTick] of allMeasuresByTick(result)) {
    const perEntity = new Map<string, number[]>();
    for (const [entity, column] of byTick.values) perEntity.set(entity, annualise(column, result.ticksPerYear, byTick.aggregation));
    values.set(key, perEntity);
  }
  return { seed: result.seed, hash: result.hash, start: result.start, years: Math.ceil(result.ticks / result.ticksPerYear), values };
}

/** Value of one entity in year index `y` (0 = first recorded year); 0 if absent. */
export function yearValue(d: AnnualDigest, key: string, entity: string, y: number): number {
  return d.values.get(key)?.get(entity)?.[y] ?? 0;
}

/** Sum over several entities in year index `y`. */
export function yearSum(d: AnnualDigest, key: string, entities: Iterable<string>, y: number): number {
  let sum = 0;
  for (const e of entities) sum += yearValue(d, key, e, y);
  return sum;
}

/** Entity ids recorded under `key`. */
export function entitiesOf(d: AnnualDigest, key: string): string[] {
  return [...(d.values.get(key)?.keys() ?? [])];
}
