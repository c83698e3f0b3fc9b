/**
 * Emergent effects, each against a paired counterfactual (same seeds, lever
 * off) on the bundled baseline world. Nothing here peeks at a formula: each
 * test switches a lever on and looks at what agents did elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run';
import { loadScenario } from '../../sim/scenario/validate';
import type { Scenario } from '../../sim/scenario/schema';
import type { RunResult } from '../../sim/results/types';
import { mean, meanBetween, meanFrom, readJson } from './helpers';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const baseline: Scenario = loadScenario(readJson('scenarios/baseline.json'));
const controlRuns = new Map<number, RunResult>();
const control = (seed: number) => {
  if (!controlRuns.has(seed)) controlRuns.set(seed, runScenario(baseline, { seed }));
  return controlRuns.get(seed)!;
};

function withLever(policy: Record<string, unknown>): Scenario {
  return loadScenario({ ...readJson('scenarios/baseline.json'), policies: [policy] });
}

/** Per-seed differences treated - control of a measure averaged from `fromYear`. */
function effect(treated: Scenario, measure: (r: RunResult) => number): number[] {
  return SEEDS.map((seed) => measure(runScenario(treated, { seed })) - measure(control(seed)));
}

describe('emergent effects against paired counterfactuals', () => {
  // Eradication as the causal evidence measures it (Mejia, Restrepo & Rozo 2017: one more hectare sprayed lowers a
  // year's coca area by 0.02-0.065 ha; the kill share is fitted to it, docs/calibration.md): Colombia loses a little
  // coca, far less than a hectare per hectare eradicated (the model before issue 14's fit: about 3 ha per ha).
  it('eradication in Colombia lowers its coca by far less than a hectare per hectare eradicated (spraying evidence)', () => {
    const treated = withLever({ lever: 'eradication', country: 'COL', budgetUsdPerYear: 2e8, start: '2002-01' });
    const col = effect(treated, (r) => meanFrom(r, 'cultivationHa', 'COL', 'country', 2004));
    const eradicated = effect(treated, (r) => meanFrom(r, 'eradicatedHa', 'COL', 'country', 2004));
    expect(mean(eradicated)).toBeGreaterThan(0);
    const perHa = mean(col) / mean(eradicated);
    expect(perHa).toBeLessThan(0.05);
    expect(perHa).toBeGreaterThan(-0.25);
  });

  // The balloon (issue 14): territorial control, the police's own field presence that capacity funding raises, makes
  // coca costlier for growers in one producer; the world harvest falls, the source market prices the scarcity
  // everywhere, and growers in the other producers plant more. The same pressure on any one producer moves
  // cultivation to the others, in part (the world total still falls). Budgets scaled to each country's police.
  it.each([
    ['COL', 3e8],
    ['PER', 1e8],
    ['BOL', 5e7],
  ] as const)('territorial control in %s moves cultivation to the other producers, in part (balloon from any producer)', (target, budget) => {
    const treated = withLever({ lever: 'capacityFunding', donor: 'USA', recipient: target, budgetUsdPerYear: budget, start: '2002-01' });
    const others = ['COL', 'PER', 'BOL'].filter((c) => c !== target);
    const own = effect(treated, (r) => meanFrom(r, 'cultivationHa', target, 'country', 2004));
    const elsewhere = effect(treated, (r) => others.reduce((a, c) => a + meanFrom(r, 'cultivationHa', c, 'country', 2004), 0));
    expect(mean(own)).toBeLessThan(0);
    expect(mean(elsewhere)).toBeGreaterThan(0);
    expect(mean(elsewhere)).toBeLessThan(-mean(own));
  });

  it('interdiction on one route shifts flow to other routes (route balloon)', () => {
    const route = 'COL-MEX-sea';
    const treated = withLever({ lever: 'interdiction', country: 'MEX', route, budgetUsdPerYear: 2e9, start: '2002-01' });
    const onRoute = effect(treated, (r) => meanFrom(r, 'flowKg', route, 'route', 2003));
    const otherIntoMexicoOrUsa = effect(treated, (r) =>
      r.series.entities
        .filter((e) => e.kind === 'route' && e.id !== route && (e.to === 'USA' || e.to === 'MEX' || e.to === 'GTM' || e.to === 'HND'))
        .reduce((sum, e) => sum + meanFrom(r, 'flowKg', e.id, 'route', 2003), 0),
    );
    expect(mean(onRoute)).toBeLessThan(0);
    expect(mean(otherIntoMexicoOrUsa)).toBeGreaterThan(0);
  });

  // Prevention reaches young people before they start (issue 21): it lowers initiation, so light users fall first
  // and heavy users later, through escalation. Consumption sits mostly with heavy users, so its change (+700 ± 2 200 kg
  // a year from 2006, 8 seeds, standard error) is below the paired runs' supply noise: the users are the effect.
  it('prevention lowers the number of users in its market, light users first', () => {
    const treated = withLever({ lever: 'prevention', country: 'USA', budgetUsdPerYear: 3e9, start: '2001-01' });
    const users = effect(treated, (r) => meanFrom(r, 'users', 'USA', 'market', 2006));
    const light = effect(treated, (r) => meanFrom(r, 'lightUsers', 'USA', 'market', 2006));
    const before = effect(treated, (r) => meanBetween(r, 'users', 'USA', 'market', 2000, 2000));
    expect(Math.max(...before.map(Math.abs))).toBe(0); // nothing before the lever starts
    expect(mean(users)).toBeLessThan(0);
    expect(mean(light)).toBeLessThan(0);
  });

  it('capacity funding raises the recipient\'s capability with a lag, and its seizures', () => {
    const treated = withLever({ lever: 'capacityFunding', donor: 'USA', recipient: 'PER', budgetUsdPerYear: 3e8, start: '2002-01' });
    const before = effect(treated, (r) => meanBetween(r, 'capability', 'PER', 'country', 2000, 2001));
    const firstYear = effect(treated, (r) => meanBetween(r, 'capability', 'PER', 'country', 2002, 2002));
    const later = effect(treated, (r) => meanBetween(r, 'capability', 'PER', 'country', 2006, 2010));
    const seizures = effect(treated, (r) => meanFrom(r, 'seizuresKg', 'PER', 'country', 2004));
    expect(Math.max(...before.map(Math.abs))).toBe(0); // nothing before the funding starts
    expect(mean(firstYear)).toBeGreaterThan(0);
    expect(mean(later)).toBeGreaterThan(2 * mean(firstYear)); // the lag: capability keeps building
    expect(mean(seizures)).toBeGreaterThan(0);
  });

  it('asset seizure shrinks traffickers\' capital', () => {
    const treated = loadScenario({
      ...readJson('scenarios/baseline.json'),
      policies: ['COL', 'MEX', 'USA', 'ESP'].map((country) => ({ lever: 'assetSeizure', country, budgetUsdPerYear: 5e8, start: '2002-01' })),
    });
    const capital = effect(treated, (r) => meanFrom(r, 'traffickerCapitalUsd', 'world', 'world', 2004));
    expect(mean(capital)).toBeLessThan(0);
  });
});
