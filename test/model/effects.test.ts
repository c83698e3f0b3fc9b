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
  it('eradication in Colombia lowers its cultivation and raises cultivation in Peru and Bolivia (production balloon)', () => {
    const treated = withLever({ lever: 'eradication', country: 'COL', budgetUsdPerYear: 2e8, start: '2002-01' });
    const col = effect(treated, (r) => meanFrom(r, 'cultivationHa', 'COL', 'country', 2004));
    const others = effect(treated, (r) => meanFrom(r, 'cultivationHa', 'PER', 'country', 2004) + meanFrom(r, 'cultivationHa', 'BOL', 'country', 2004));
    expect(mean(col)).toBeLessThan(0);
    expect(mean(others)).toBeGreaterThan(0);
    // Partial displacement: the rest of the world does not make up all of Colombia's loss.
    expect(mean(others)).toBeLessThan(-mean(col));
  });

  // The mechanism is general (issue 14): the same pressure on any one producer moves cultivation to the others,
  // through the one source market that links them. Eradication scaled to each country's coca (about a third of
  // Colombia's $200M for every 50k ha).
  const balloonFrom = (target: string, budget: number) => {
    const treated = withLever({ lever: 'eradication', country: target, budgetUsdPerYear: budget, start: '2002-01' });
    const others = ['COL', 'PER', 'BOL'].filter((c) => c !== target);
    const own = effect(treated, (r) => meanFrom(r, 'cultivationHa', target, 'country', 2004));
    const elsewhere = effect(treated, (r) => others.reduce((a, c) => a + meanFrom(r, 'cultivationHa', c, 'country', 2004), 0));
    expect(mean(own)).toBeLessThan(0);
    expect(mean(elsewhere)).toBeGreaterThan(0);
    // Partial displacement is asserted where the test can see it: for Colombia (above). What a small producer's
    // cut moves into the two large ones is as large as their seed-to-seed noise (Bolivia: -4 700 ± 280 ha own,
    // +5 200 ± 1 800 ha elsewhere over 16 seeds, standard errors), so 8 seeds give its direction, not its size.
    if (target === 'COL') expect(mean(elsewhere)).toBeLessThan(-mean(own));
  };
  it.each([
    ['COL', 2e8],
    ['BOL', 2.5e7],
  ] as const)('eradication in %s raises cultivation in the other producers (balloon from any producer)', balloonFrom);
  // Not yet (issue 14, open): eradication in Peru lowers Peru's coca by about 8 600 ha but moves no measurable area
  // elsewhere (Colombia -1 000 +- 2 200 ha, Bolivia 0 +- 90 over 16 seeds): Peru's shortfall raises Peru's own price
  // and hardly any other. Expected to fail; it turns red the day the model shows it.
  it.fails('eradication in PER raises cultivation in the other producers (balloon from any producer; not yet)', () => balloonFrom('PER', 6e7));

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
