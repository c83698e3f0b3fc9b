/**
 * The app's data layer, in Node (no browser needed): seeds as typed, page state in
 * the URL, tidy plot rows from real runs (means, intervals, top-N and "Other"),
 * paired differences between scenarios, and yearly route flows for the map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { annualise, measureByTick } from '../../sim/analysis/extract';
import { runScenario } from '../../sim/run';
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { parseScenarioText } from '../../sim/scenario/validate';
import { differenceRows, scenarioRows } from '../../viz/data/compareRows';
import { measureRows, OTHER, summariseColumns } from '../../viz/data/plotRows';
import { formatSeeds, parseSeeds } from '../../viz/state/seeds';
import { readState, stateQuery } from '../../viz/state/url';
import { yearlyRouteFlows } from '../../viz/data/routeFlows';
import { defaultComparison } from '../../viz/state/compare';
import { ROOT } from './harness';

function load(path: string): Scenario {
  const parsed = parseScenarioText(readFileSync(join(ROOT, path), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors[0].message);
  return parsed.value;
}

describe('seeds and page state', () => {
  it('reads seeds as people type them and rejects the rest in words', () => {
    // A bare number counts seeds, as the CLI's --seeds does: 3 = seeds 1-3 (from the first seed).
    expect(parseSeeds('3')).toEqual({ ok: true, seeds: [1, 2, 3] });
    expect(parseSeeds('3', 10)).toEqual({ ok: true, seeds: [10, 11, 12] });
    expect(parseSeeds('7-7')).toEqual({ ok: true, seeds: [7] });
    expect(parseSeeds('33').ok).toBe(false);
    expect(parseSeeds('0').ok).toBe(false);
    expect(parseSeeds('1-4')).toEqual({ ok: true, seeds: [1, 2, 3, 4] });
    expect(parseSeeds(' 5, 1,5 ,9-10')).toEqual({ ok: true, seeds: [5, 1, 9, 10] });
    for (const bad of ['', 'x', '4-2', '1.5', '-3', '99999999999']) {
      const r = parseSeeds(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^seeds: expected .*, got /);
    }
    expect(parseSeeds('1-1000').ok).toBe(false);
    expect(formatSeeds([1, 2, 3])).toBe('1-3');
    expect(formatSeeds([1, 5, 9])).toBe('1,5,9');
    expect(formatSeeds([7])).toBe('7-7');
    expect(parseSeeds(formatSeeds([7]))).toEqual({ ok: true, seeds: [7] });
  });

  it('round-trips the page state through the query string', () => {
    const state = { scenario: 'colombia-2000s', seeds: '5', first: 4, view: 'compare' as const, compare: ['baseline', 'colombia-2000s'], baseline: 'colombia-2000s', year: 2007, twin: false as const, file: undefined };
    const query = stateQuery(state);
    expect(query).toContain('compare=baseline,colombia-2000s');
    expect(readState(query)).toEqual(state);
    expect(readState('?view=nonsense&year=abc')).toMatchObject({ scenario: 'baseline', seeds: '1', view: 'results', year: undefined });
  });
});

describe('plot rows from runs', () => {
  let scenario: Scenario;
  let runs: RunResult[];
  beforeAll(() => {
    scenario = load('test/fixtures/small-scenario.json');
    runs = [1, 2, 3].map((seed) => runScenario(scenario, { seed }));
  });

  it('gives one row per tick per entity with the mean over seeds inside a 5-95% interval', () => {
    const rows = measureRows(runs, { measure: 'consumptionKg', kind: 'market', scale: 1e-3, annualRate: true });
    expect(new Set(rows.map((r) => r.series))).toEqual(new Set(scenario.markets.map((m) => m.country)));
    expect(rows.length).toBe(runs[0].ticks * scenario.markets.length);
    const usa = measureByTick(runs[1], 'consumptionKg', 'market')!.values.get('USA')!;
    const row = rows.find((r) => r.series === 'USA' && Math.abs(r.x - 2002) < 1e-9)!;
    const t = 24;
    const values = runs.map((run) => measureByTick(run, 'consumptionKg', 'market')!.values.get('USA')![t] * 1e-3 * 12);
    expect(row.y).toBeCloseTo(values.reduce((a, b) => a + b) / 3, 9);
    expect(row.lo).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
    expect(row.lo).toBeLessThan(row.hi);
    expect(row.hi).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
    expect(usa.length).toBe(runs[0].ticks);
  });

  it('keeps the top entities and sums the rest as Other, preserving the total', () => {
    const all = measureRows(runs, { measure: 'traffickers', kind: 'country', scale: 1 });
    const top = measureRows(runs, { measure: 'traffickers', kind: 'country', scale: 1, top: 1, restAsOther: true });
    const entities = new Set(all.map((r) => r.series));
    expect(entities.size).toBeGreaterThan(1);
    expect(new Set(top.map((r) => r.series)).size).toBe(2);
    expect(top.some((r) => r.series === OTHER)).toBe(true);
    const at = (rows: typeof all, x: number) => rows.filter((r) => r.x === x).reduce((s, r) => s + r.y, 0);
    const x = all[all.length - 1].x;
    expect(at(top, x)).toBeCloseTo(at(all, x), 9);
  });

  it('summarises one column as itself and smooths with a centred moving mean', () => {
    const column = new Float64Array([1, 2, 3, 4]);
    expect(summariseColumns('a', 'A', [0, 1, 2, 3], [column]).map((r) => [r.y, r.lo, r.hi])).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
      [4, 4, 4],
    ]);
    const raw = measureRows(runs.slice(0, 1), { measure: 'producedKg', kind: 'world', scale: 1 });
    const smooth = measureRows(runs.slice(0, 1), { measure: 'producedKg', kind: 'world', scale: 1, smooth: 3 });
    expect(smooth[5].y).toBeCloseTo((raw[4].y + raw[5].y + raw[6].y) / 3, 9);
  });

  it('finds no difference between a scenario and itself, and the right one against a changed world', () => {
    const view = { measure: 'consumedKg' as const, kind: 'world' as const, scale: 1 };
    const a = { id: 'a', name: 'A', runs };
    const same = { id: 'b', name: 'B', runs };
    expect(differenceRows([a, same], a, view).every((r) => r.y === 0 && r.lo === 0 && r.hi === 0)).toBe(true);
    const doubled = { ...scenario, markets: scenario.markets.map((m) => ({ ...m, users: m.users * 2 })) };
    const more = { id: 'c', name: 'C', runs: [1, 2, 3].map((seed) => runScenario(doubled, { seed })) };
    const diff = differenceRows([a, more], a, view);
    const totals = scenarioRows([a, more], view);
    const last = runs[0].ticks - 1;
    const xs = [...new Set(totals.map((r) => r.x))];
    const cRow = totals.filter((r) => r.series === 'c')[last];
    const aRow = totals.filter((r) => r.series === 'a')[last];
    expect(diff.filter((r) => r.x === xs[last])[0].y).toBeCloseTo(cRow.y - aRow.y, 6);
    // The worlds differ from the first tick on.
    expect(diff.some((r) => Math.abs(r.y) > 1)).toBe(true);
    expect(diff.every((r) => r.lo <= r.y + 1e-9 && r.y <= r.hi + 1e-9)).toBe(true);
  });

  it('gives the map yearly route flows in tonnes, the mean of the seeds', () => {
    const flows = yearlyRouteFlows(runs);
    const years = [...flows.keys()];
    expect(years[0]).toBe(2000);
    expect(years.length).toBe(runs[0].ticks / runs[0].ticksPerYear);
    const id = [...measureByTick(runs[0], 'flowKg', 'route')!.values.keys()][0];
    const expected = runs.map((run) => annualise(measureByTick(run, 'flowKg', 'route')!.values.get(id)!, 12, 'flow')[2] / 1000).reduce((a, b) => a + b) / 3;
    expect(flows.get(2002)!.get(id)).toBeCloseTo(expected, 9);
  });
});

describe('the comparison ticked by default', () => {
  const ids = ['baseline', 'capacity-funding', 'colombia-2000s'];
  it('is the baseline and the scenario in view', () => {
    expect(defaultComparison(ids, { baseline: 'baseline', scenario: 'colombia-2000s' })).toEqual(['baseline', 'colombia-2000s']);
  });
  it('tops up to two in library order when the scenario in view is the baseline or not in the library', () => {
    expect(defaultComparison(ids, { baseline: 'baseline', scenario: 'baseline' })).toEqual(['baseline', 'capacity-funding']);
    expect(defaultComparison(ids, { baseline: 'baseline', scenario: 'file:mine.json' })).toEqual(['baseline', 'capacity-funding']);
    expect(defaultComparison(ids, { baseline: 'gone', scenario: 'colombia-2000s' })).toEqual(['colombia-2000s', 'baseline']);
  });
});
