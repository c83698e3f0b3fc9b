/**
 * The readable run summary printed by `balloon run`: small tables of yearly values
 * (first year vs last year) per block — production, consumption, seizures, route flows, prices,
 * policy spend, violence. With several seeds each cell is the mean and the central
 * 90% range across seeds. Built from per-run annual digests so that many seeds can
 * be summarised without keeping their series.
 */
import type { AnnualDigest } from '../analysis/annual';
import { spreadInterval, type Estimate } from '../analysis/stats';
import { formatChange, formatInterval, formatNumber } from './number';
import type { TextTable } from './table';

interface BlockSpec {
  title: string;
  /** "kind/measure" key of the digest. */
  measure: string;
  /** Multiply values by this for display (e.g. 1e-3 for kg → t). */
  scale?: number;
  unit: string;
  /** Keep entities for which this holds (default: all). */
  keep?: (entity: string, first: number, last: number) => boolean;
  /** Show at most this many rows, largest last-year value first. */
  top?: number;
}

const BLOCKS: BlockSpec[] = [
  { title: 'Coca cultivation by producer country', measure: 'country/cultivationHa', unit: 'ha', keep: (_e, a, b) => a > 0 || b > 0 },
  { title: 'Cocaine production by producer country', measure: 'country/productionKg', unit: 't/year', scale: 1e-3, keep: (_e, a, b) => a > 0 || b > 0 },
  { title: 'Consumption by market', measure: 'market/consumptionKg', unit: 't/year', scale: 1e-3 },
  { title: 'Users by market', measure: 'market/users', unit: 'people' },
  { title: 'Seizures by country', measure: 'country/seizuresKg', unit: 't/year', scale: 1e-3, keep: (_e, a, b) => a > 0 || b > 0, top: 10 },
  { title: 'Flow by route', measure: 'route/flowKg', unit: 't/year', scale: 1e-3, keep: (_e, a, b) => a > 0 || b > 0, top: 12 },
  { title: 'Wholesale price by market', measure: 'market/wholesalePriceUsdPerKg', unit: 'USD/kg' },
  { title: 'Retail price by market', measure: 'market/retailPriceUsdPerGram', unit: 'USD/g' },
  { title: 'Farmgate price by producer region', measure: 'region/farmgatePriceUsdPerKg', unit: 'USD/kg', top: 10 },
  { title: 'Violence index by country', measure: 'country/violenceIndex', unit: 'index', keep: (_e, a, b) => a > 0 || b > 0, top: 10 },
];

const WORLD_ROWS: { measure: string; label: string; scale?: number; unit: string }[] = [
  { measure: 'producedKg', label: 'produced', scale: 1e-3, unit: 't/year' },
  { measure: 'consumedKg', label: 'consumed', scale: 1e-3, unit: 't/year' },
  { measure: 'seizedKg', label: 'seized', scale: 1e-3, unit: 't/year' },
  { measure: 'lostKg', label: 'lost', scale: 1e-3, unit: 't/year' },
  { measure: 'stocksKg', label: 'stocks', scale: 1e-3, unit: 't' },
  { measure: 'traffickerCount', label: 'trafficking organisations', unit: 'count' },
  { measure: 'traffickerRevenueUsd', label: 'trafficker revenue', unit: 'USD/year' },
  { measure: 'bribesUsd', label: 'bribes', unit: 'USD/year' },
  { measure: 'spendUsd', label: 'policy spend', unit: 'USD/year' },
  { measure: 'violenceIndex', label: 'violence index', unit: 'index' },
  { measure: 'top5ShareOfFlow', label: 'top-5 share of flow', unit: 'share' },
];

function yearLabel(start: string, offset: number): string {
  const year = Number(start.slice(0, 4)) + offset;
  return start.endsWith('-01') ? String(year) : `${year}/${String(year + 1).slice(2)}`;
}

function estimate(values: number[], level: number): Estimate {
  return spreadInterval(values, level);
}

function cell(e: Estimate): string {
  return Number.isFinite(e.lo) ? formatInterval(e.mean, e.lo, e.hi) : formatNumber(e.mean);
}

/** Per-seed values of (measure, entity) in year `y` (or the sum over years when y is 'total'). */
function across(digests: readonly AnnualDigest[], measure: string, entity: string, y: number | 'total', scale: number): number[] {
  return digests.map((d) => {
    const years = d.values.get(measure)?.get(entity) ?? [];
    const v = y === 'total' ? years.reduce((s, x) => s + x, 0) : (years[y] ?? 0);
    return v * scale;
  });
}

function block(spec: BlockSpec, digests: readonly AnnualDigest[], level: number): TextTable | null {
  const first = digests[0];
  const perEntity = first.values.get(spec.measure);
  if (!perEntity) return null;
  const last = first.years - 1;
  const scale = spec.scale ?? 1;
  let rows = [...perEntity.keys()]
    .map((entity) => ({
      entity,
      a: estimate(across(digests, spec.measure, entity, 0, scale), level),
      b: estimate(across(digests, spec.measure, entity, last, scale), level),
    }))
    .filter((r) => (spec.keep ? spec.keep(r.entity, r.a.mean, r.b.mean) : true));
  if (rows.length === 0) return null;
  rows.sort((x, y) => y.b.mean - x.b.mean || (x.entity < y.entity ? -1 : 1));
  const hidden = spec.top && rows.length > spec.top ? rows.length - spec.top : 0;
  if (hidden) rows = rows.slice(0, spec.top);
  return {
    title: `${spec.title} (${spec.unit})`,
    header: ['', yearLabel(first.start, 0), yearLabel(first.start, last), 'change'],
    rows: rows.map((r) => [r.entity, cell(r.a), cell(r.b), formatChange(r.a.mean, r.b.mean)]),
    note: hidden ? `  (${hidden} more not shown)` : undefined,
  };
}

function spendBlock(digests: readonly AnnualDigest[], level: number): TextTable | null {
  const years = digests[0].years;
  const keys = ['policy/spendUsd', 'world/spendUsd'].filter((k) => digests[0].values.has(k));
  const rows = keys.flatMap((key) =>
    [...digests[0].values.get(key)!.keys()].map((entity) => ({
      entity,
      total: estimate(across(digests, key, entity, 'total', 1), level),
      perYear: estimate(across(digests, key, entity, 'total', 1 / years), level),
    })),
  ).filter((r) => r.total.mean > 0);
  if (rows.length === 0) return null;
  rows.sort((x, y) => (x.entity === 'world' ? 1 : y.entity === 'world' ? -1 : y.total.mean - x.total.mean));
  return {
    title: 'Policy spend (USD)',
    header: ['', 'total over the run', 'mean per year'],
    rows: rows.map((r) => [r.entity, cell(r.total), cell(r.perYear)]),
  };
}

function worldBlock(digests: readonly AnnualDigest[], level: number): TextTable | null {
  const first = digests[0];
  const last = first.years - 1;
  const rows = WORLD_ROWS.filter((w) => first.values.get(`world/${w.measure}`)?.has('world')).map((w) => {
    const a = estimate(across(digests, `world/${w.measure}`, 'world', 0, w.scale ?? 1), level);
    const b = estimate(across(digests, `world/${w.measure}`, 'world', last, w.scale ?? 1), level);
    return [`${w.label} (${w.unit})`, cell(a), cell(b), formatChange(a.mean, b.mean)];
  });
  if (rows.length === 0) return null;
  return { title: 'World', header: ['', yearLabel(first.start, 0), yearLabel(first.start, last), 'change'], rows };
}

/** The report's tables. All digests must come from runs of the same scenario. */
export function reportTables(digests: readonly AnnualDigest[], level = 0.9): TextTable[] {
  if (digests.length === 0) return [];
  const tables: (TextTable | null)[] = [worldBlock(digests, level), ...BLOCKS.map((b) => block(b, digests, level)), spendBlock(digests, level)];
  return tables.filter((t): t is TextTable => t !== null);
}
