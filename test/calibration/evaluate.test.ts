/**
 * The numbers a calibration fits are the numbers the rest of Balloon reports: a
 * candidate's displacement index is `balloon effect`'s, its fact is judged as
 * `balloon facts` judges it, and its series are the run's yearly values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annualDigest } from '../../sim/analysis/annual';
import { leverEffect } from '../../sim/analysis/effect';
import { annualise, measureByTick } from '../../sim/analysis/extract';
import { evaluateFacts, FACTS, withoutPolicies } from '../../sim/analysis/facts';
import { runPaired } from '../../sim/analysis/paired';
import { evaluateCandidate } from '../../sim/calibration/evaluate';
import { effectStatistic, factEstimate, seriesLoss } from '../../sim/calibration/loss';
import { resolveTargets } from '../../sim/calibration/resolve';
import type { SpecEffect, SpecFact, SpecSeries } from '../../sim/calibration/spec';
import { parseTargets } from '../../sim/calibration/validate';
import { runScenario } from '../../sim/run';
import { parseScenario } from '../../sim/scenario/validate';
import { join } from 'node:path';
import { ROOT } from '../cli/helpers';

function world(behaviour?: Record<string, unknown>) {
  const input = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'two-producers.json'), 'utf8')) as Record<string, unknown>;
  input.end = '2005-12';
  input.policies = [{ lever: 'eradication', country: 'COL', budgetUsdPerYear: 150e6, start: '2001-01', end: '2005-12' }];
  if (behaviour) input.behaviour = behaviour;
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors[0].message);
  return { input, scenario: parsed.value };
}

describe('evaluating a candidate', () => {
  it('gives the series, the displacement index and the fact that balloon reports elsewhere', () => {
    const { input, scenario } = world();
    const observed = 'year,kind,entity,measure,value,unit,source\n2000,country,PER,cultivationHa,40000,ha,x\n2003,country,PER,cultivationHa,50000,ha,x\n';
    const targets = parseTargets({
      name: 't',
      scenario: 'w',
      parameters: [{ path: 'behaviour.growers.incomeSensitivity', range: [0.2, 5], scale: 'log' }],
      targets: [
        { type: 'series', measure: 'cultivationHa', entity: 'PER', years: [2000, 2005], observed: 'o.csv' },
        { type: 'effect', lever: 'eradication', statistic: 'displacementIndex', band: [0.2, 0.6] },
        { type: 'fact', fact: 'peru-rises' },
      ],
    });
    if (!targets.ok) throw new Error(targets.errors[0].message);
    const resolved = resolveTargets(targets.value, () => ({ label: 'w', input, scenario }), () => ({ label: 'o.csv', text: observed }));
    if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
    const spec = resolved.spec;
    const series = spec.targets[0] as SpecSeries;
    expect(series.years).toEqual([2000, 2003]);
    expect(series.observed).toEqual([40000, 50000]);

    const value = 1.3;
    const runs = [0, 1].map((r) => evaluateCandidate(spec, [value], r).summary);
    // The same world written with that value, run directly.
    const { scenario: candidate } = world({ growers: { incomeSensitivity: value } });
    expect(runs.map((r) => r.modelSeed)).toEqual([1, 2]);

    const direct = runScenario(candidate, { seed: 2 });
    const m = measureByTick(direct, 'cultivationHa', 'country')!;
    const per = annualise(m.values.get('PER')!, direct.ticksPerYear, m.aggregation);
    expect(runs[1]['t0.2003']).toBe(per[3]);
    expect(seriesLoss(series, 0, runs)).toBeGreaterThan(0);

    const effect = leverEffect(candidate, 'eradication', [1, 2]);
    expect(effectStatistic(spec.targets[1] as SpecEffect, 1, runs, 1).mean).toBeCloseTo(effect.displacementIndex!.mean, 12);

    const pairs = runPaired(candidate, withoutPolicies(candidate), [1, 2], (r) => annualDigest(r));
    const [fact] = evaluateFacts(candidate, pairs, 0.9, FACTS.filter((f) => f.id === 'peru-rises'));
    const mine = factEstimate(spec.targets[2] as SpecFact, 2, runs, 1);
    expect(mine.estimate.mean).toBeCloseTo(fact.estimate.mean, 12);
    expect(mine.holds).toBe(fact.holds);
  }, 60_000);

  it('gives the change of one measure per unit change of another (ha of coca less per ha eradicated)', () => {
    const { input, scenario } = world();
    const targets = parseTargets({
      name: 't',
      scenario: 'w',
      parameters: [{ path: 'behaviour.growers.incomeSensitivity', range: [0.2, 5], scale: 'log' }],
      targets: [{ type: 'effect', lever: 'eradication', statistic: 'changePerChange', measure: 'cultivationHa', kind: 'country', entity: 'COL', perMeasure: 'eradicatedHa', band: [-0.065, -0.02] }],
    });
    if (!targets.ok) throw new Error(targets.errors[0].message);
    const resolved = resolveTargets(targets.value, () => ({ label: 'w', input, scenario }), () => ({ label: '', text: '' }));
    if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
    const runs = [0].map((r) => evaluateCandidate(resolved.spec, [1.3], r).summary);
    const { scenario: candidate } = world({ growers: { incomeSensitivity: 1.3 } });
    // Directly: both runs from the lever's start (2001-01, tick 12); cultivation a stock (mean ha), eradication a flow (ha a year).
    const withIt = runScenario(candidate, { seed: 1 });
    const without = runScenario(withoutPolicies(candidate), { seed: 1 });
    const window = (r: typeof withIt, measure: 'cultivationHa' | 'eradicatedHa') => {
      const m = measureByTick(r, measure, 'country')!;
      const v = m.values.get('COL')!.slice(12);
      const sum = v.reduce((a, b) => a + b, 0);
      return m.aggregation === 'flow' ? (sum * r.ticksPerYear) / v.length : sum / v.length;
    };
    const dHa = window(withIt, 'cultivationHa') - window(without, 'cultivationHa');
    const dEradicated = window(withIt, 'eradicatedHa') - window(without, 'eradicatedHa');
    expect(dEradicated).toBeGreaterThan(0);
    expect(dHa).toBeLessThan(0);
    const statistic = effectStatistic(resolved.spec.targets[0] as SpecEffect, 0, runs, 1);
    expect(statistic.mean).toBeCloseTo(dHa / dEradicated, 9);
  }, 60_000);
});
