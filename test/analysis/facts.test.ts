/** The stylised-fact measures, checked against hand computations on real paired runs of the small fixture. */
import { beforeAll, describe, expect, it } from 'vitest';
import { annualDigest, type AnnualDigest } from '../../sim/analysis/annual';
import { evaluateFacts, factYearIndex, FACTS, withoutPolicies, type FactResult } from '../../sim/analysis/facts';
import { runPaired, seedsFrom, type Pair } from '../../sim/analysis/paired';
import { pickSeries } from '../../sim/results/rows';
import type { RunResult } from '../../sim/results/types';
import { runScenario } from '../../sim/run';
import { fixture } from './fixture';

/** Mean over the ticks of year `y` of one stock series, computed from the tidy series directly. */
function yearMean(r: RunResult, measure: string, entity: string, kind: string, y: number): number {
  const s = pickSeries(r, measure, entity, kind);
  const values = s.value.filter((_, i) => Math.floor(s.tick[i] / r.ticksPerYear) === y);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('stylised facts', () => {
  const scenario = fixture();
  const seeds = seedsFrom(40, 3);
  let pairs: Pair<AnnualDigest>[];
  let facts: Map<string, FactResult>;
  let raw: RunResult[];
  beforeAll(() => {
    raw = seeds.map((seed) => runScenario(scenario, { seed }));
    pairs = runPaired(scenario, withoutPolicies(scenario), seeds, annualDigest);
    facts = new Map(evaluateFacts(scenario, pairs).map((f) => [f.id, f]));
  });

  it('finds the fact year inside the run', () => {
    expect(factYearIndex('2000-01', 16)).toBe(12);
    expect(factYearIndex('2000-01', 6)).toBe(5);
    expect(factYearIndex('2014-01', 5)).toBe(0);
  });

  it('evaluates every fact and reports whether it holds', () => {
    expect([...facts.keys()]).toEqual(FACTS.map((f) => f.id));
    for (const f of facts.values()) {
      expect(typeof f.holds).toBe('boolean');
      if (Number.isFinite(f.estimate.lo)) {
        expect(f.estimate.lo).toBeLessThanOrEqual(f.estimate.mean);
        expect(f.estimate.hi).toBeGreaterThanOrEqual(f.estimate.mean);
      }
    }
  });

  it('measures the change of Colombian cultivation from the first year to the last', () => {
    const last = factYearIndex(scenario.start, 6);
    const changes = raw.map((r) => {
      const first = yearMean(r, 'cultivationHa', 'COL', 'country', 0);
      return (yearMean(r, 'cultivationHa', 'COL', 'country', last) - first) / first;
    });
    const f = facts.get('colombia-falls')!;
    expect(f.estimate.mean).toBeCloseTo(changes.reduce((a, b) => a + b, 0) / changes.length, 9);
    expect(f.holds).toBe(f.estimate.hi < 0);
  });

  it('measures displacement against the paired run without policies', () => {
    const f = facts.get('displacement-index')!;
    let num = 0;
    let den = 0;
    for (const [i, seed] of seeds.entries()) {
      const without = runScenario(withoutPolicies(scenario), { seed });
      for (let y = 0; y < 6; y++) {
        num += yearMean(raw[i], 'cultivationHa', 'PER', 'country', y) - yearMean(without, 'cultivationHa', 'PER', 'country', y);
        den += yearMean(without, 'cultivationHa', 'COL', 'country', y) - yearMean(raw[i], 'cultivationHa', 'COL', 'country', y);
      }
    }
    expect(f.estimate.mean).toBeCloseTo(num / den, 6);
  });

  it('measures the markup from production-weighted farmgate and consumption-weighted wholesale prices', () => {
    const f = facts.get('markup')!;
    const ratios = raw.map((r) => {
      const regions = scenario.regions.map((g) => g.id);
      const prod = regions.map((g) => pickSeries(r, 'productionKg', g, 'region').value.slice(60).reduce((a, b) => a + b, 0));
      const farm = regions.map((g) => yearMean(r, 'farmgatePriceUsdPerKg', g, 'region', 5));
      const markets = ['USA', 'ESP'];
      const cons = markets.map((m) => pickSeries(r, 'consumptionKg', m, 'market').value.slice(60).reduce((a, b) => a + b, 0));
      const whole = markets.map((m) => yearMean(r, 'wholesalePriceUsdPerKg', m, 'market', 5));
      const weighted = (w: number[], v: number[]) => w.reduce((s, x, i) => s + x * v[i], 0) / w.reduce((a, b) => a + b, 0);
      return weighted(cons, whole) / weighted(prod, farm);
    });
    expect(f.estimate.mean).toBeCloseTo(ratios.reduce((a, b) => a + b, 0) / ratios.length, 6);
  });

  it('does not call a fact true when the scenario lacks what it is about', () => {
    // the fixture has no Bolivia and no West African country
    expect(facts.get('bolivia-rises')!.holds).toBe(false);
    expect(Number.isNaN(facts.get('bolivia-rises')!.estimate.mean)).toBe(true);
    expect(facts.get('west-africa-route')!.estimate.mean).toBe(0);
    expect(facts.get('west-africa-route')!.holds).toBe(false);
  });
});
