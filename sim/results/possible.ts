/**
 * Which summary outcomes an entity can have at all. A country with no producer region never
 * cultivates or produces coca; a country that pays for no policy never spends on one, nor
 * does the world of a scenario without policies. Those cultivationHa, productionKg and
 * spendUsd outcomes are zero by construction, whatever the run, so a table with one row per
 * run (a sweep's runs.csv) leaves them out instead of carrying columns of zeros. A zero that
 * a run could have avoided (no seizures in a country this run, no flow on a route) is an
 * outcome and is kept.
 */
import type { EntityInfo } from './types';

const PRODUCTION = new Set(['cultivationHa', 'productionKg']);

/** A predicate on summary keys "MEASURE.ENTITY.stat": false for outcomes that are zero by construction. */
export function possibleOutcome(entities: readonly EntityInfo[]): (key: string) => boolean {
  const countries = new Set<string>();
  const producers = new Set<string>();
  const payers = new Set<string>();
  // A policy without a single paying country (intelligence sharing) splits its cost among
  // members the entities do not list: then any country may spend.
  let anyMayPay = false;
  let policies = 0;
  for (const e of entities) {
    if (e.kind === 'country') countries.add(e.id);
    else if (e.kind === 'region' && e.country) producers.add(e.country);
    else if (e.kind === 'policy') {
      policies++;
      if (e.country) payers.add(e.country);
      else anyMayPay = true;
    }
  }
  return (key) => {
    const first = key.indexOf('.');
    const last = key.lastIndexOf('.');
    if (first < 0 || last <= first) return true;
    const measure = key.slice(0, first);
    const entity = key.slice(first + 1, last);
    if (measure === 'spendUsd' && entity === 'world') return policies > 0;
    if (!countries.has(entity)) return true;
    if (PRODUCTION.has(measure)) return producers.has(entity);
    if (measure === 'spendUsd') return anyMayPay || payers.has(entity);
    return true;
  };
}

/** The summary without the outcomes that are zero by construction. */
export function possibleSummary(summary: Record<string, number>, entities: readonly EntityInfo[]): Record<string, number> {
  const possible = possibleOutcome(entities);
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(summary)) if (possible(key)) out[key] = value;
  return out;
}
