/**
 * Displacement and cost-effectiveness from real paired runs of the small fixture
 * (eradication in Colombia, prevention in the USA, both from 2002).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { effectFromPairs, leverEffect, policyEffect, policyPlan, type EffectEstimate, type Outcomes } from '../../sim/analysis/effect';
import { withoutPolicy } from '../../sim/analysis/counterfactual';
import { measureByTick, windowSum } from '../../sim/analysis/extract';
import { seedsFrom } from '../../sim/analysis/paired';
import type { Estimate } from '../../sim/analysis/stats';
import { runScenario } from '../../sim/run';
import { fixture } from './fixture';

const SEEDS = seedsFrom(100, 5);

function contains(e: Estimate) {
  expect(e.lo).toBeLessThanOrEqual(e.mean);
  expect(e.hi).toBeGreaterThanOrEqual(e.mean);
}

describe('effect of eradication in Colombia', () => {
  let effect: EffectEstimate;
  beforeAll(() => {
    effect = policyEffect(fixture(), 0, SEEDS);
  });

  it('reduces Colombian cultivation against the paired counterfactual', () => {
    expect(effect.targetReduction!.mean).toBeGreaterThan(0);
    contains(effect.targetReduction!);
  });

  it('computes the displacement index from the paired runs', () => {
    // recompute one seed's pair by hand: COL and PER cultivation from 2002 on. Eradication is as weak as the
    // spraying evidence (docs/calibration.md), so at some seeds the fixture's Colombia ends slightly above its
    // twin, and a single seed's index is undefined (NaN) when nothing was cut: take the first seed with a cut.
    const s = fixture();
    const sum = (r: ReturnType<typeof runScenario>, c: string) => windowSum(measureByTick(r, 'cultivationHa', 'country'), [c], 24, r.ticks) / (r.ticks - 24);
    const at = effect.perSeed.findIndex((p) => (p.targetReduction ?? 0) > 0);
    expect(at).toBeGreaterThanOrEqual(0);
    const seed = SEEDS[at];
    const withIt = runScenario(s, { seed });
    const withoutIt = runScenario(withoutPolicy(s, 0), { seed });
    const reduction = sum(withoutIt, 'COL') - sum(withIt, 'COL');
    const increase = sum(withIt, 'PER') - sum(withoutIt, 'PER');
    expect(reduction).toBeGreaterThan(0);
    const single = policyEffect(s, 0, [seed]);
    expect(single.targetReduction!.mean).toBeCloseTo(reduction, 6);
    expect(single.elsewhereIncrease!.mean).toBeCloseTo(increase, 6);
    expect(single.displacementIndex!.mean).toBeCloseTo(increase / reduction, 9);

    const index = effect.displacementIndex!;
    expect(index.mean).toBeCloseTo(effect.elsewhereIncrease!.mean / effect.targetReduction!.mean, 9);
    expect(effect.perSeed.map((p) => p.seed)).toEqual(SEEDS);
    expect(effect.perSeed[at].targetReduction).toBeCloseTo(single.targetReduction!.mean, 6);
    // No bound on its size: on this small fixture and five seeds eradication's effect is within seed noise
    // of zero, so the ratio is noise. The balloon's sign and size are asserted on the baseline world over
    // 8-20 seeds in test/model/effects.test.ts and test/model/stylised-facts.test.ts.
    expect(Number.isFinite(index.mean)).toBe(true);
    contains(index);
  });

  it('costs about its budget a year and reports cost-effectiveness with intervals', () => {
    // 150 M USD a year; the agency may not spend all of it in every month
    expect(effect.extraSpendUsdPerYear.mean).toBeGreaterThan(0.5 * 150e6);
    expect(effect.extraSpendUsdPerYear.mean).toBeLessThan(1.5 * 150e6);
    for (const e of [effect.extraSpendUsdPerYear, effect.northConsumptionChangeKgPerYear, effect.southViolenceChange, effect.consumptionKgPerMillionUsd]) {
      expect(Number.isFinite(e.mean)).toBe(true);
      contains(e);
    }
    expect(effect.consumptionKgPerMillionUsd.mean).toBeCloseTo(effect.northConsumptionChangeKgPerYear.mean / (effect.extraSpendUsdPerYear.mean / 1e6), 6);
  });

  it('is deterministic', () => {
    expect(policyEffect(fixture(), 0, SEEDS.slice(0, 2))).toEqual(policyEffect(fixture(), 0, SEEDS.slice(0, 2)));
  });
});

describe('effect of prevention in the USA', () => {
  it('has no displacement target and measures northern consumption against the paired runs', () => {
    const s = fixture();
    const seeds = SEEDS.slice(0, 3);
    const effect = leverEffect(s, 'prevention', seeds);
    expect(effect.target).toBeNull();
    expect(effect.displacementIndex).toBeNull();
    // by hand: USA and ESP are the northern markets (consumer, not producer); window from 2002-01 (tick 24)
    const without = { ...s, policies: s.policies.filter((p) => p.lever !== 'prevention') };
    const north = (r: ReturnType<typeof runScenario>) => windowSum(measureByTick(r, 'consumptionKg', 'market'), ['USA', 'ESP'], 24, r.ticks) * (12 / (r.ticks - 24));
    const diffs = seeds.map((seed) => north(runScenario(s, { seed })) - north(runScenario(without, { seed })));
    expect(effect.northConsumptionChangeKgPerYear.mean).toBeCloseTo(diffs.reduce((a, b) => a + b, 0) / diffs.length, 6);
    contains(effect.northConsumptionChangeKgPerYear);
    // 100 M USD a year of prevention from 2002
    expect(effect.extraSpendUsdPerYear.mean).toBeCloseTo(100e6, -5);
    // users and heavy users: northern means over the window, paired the same way
    const mean = (r: ReturnType<typeof runScenario>, m: 'users' | 'heavyUsers') => windowSum(measureByTick(r, m, 'market'), ['USA', 'ESP'], 24, r.ticks) / (r.ticks - 24);
    const heavy = seeds.map((seed) => mean(runScenario(s, { seed }), 'heavyUsers') - mean(runScenario(without, { seed }), 'heavyUsers'));
    expect(effect.northHeavyUsersChange.mean).toBeCloseTo(heavy.reduce((a, b) => a + b, 0) / heavy.length, 6);
    expect(effect.heavyUsersPerMillionUsd.mean).toBeCloseTo(effect.northHeavyUsersChange.mean / (effect.extraSpendUsdPerYear.mean / 1e6), 6);
    contains(effect.northUsersChange);
  });
});

describe('displacement index when the target was not reduced', () => {
  it('is not a number rather than a misleading ratio', () => {
    const plan = policyPlan(fixture(), 0);
    const side = (target: number, elsewhere: number): Outcomes => ({ displacement: { target, elsewhere }, spendUsdPerYear: 1e8, northConsumptionKgPerYear: 1, southViolence: 1, northUsers: 1, northHeavyUsers: 1 });
    // with the intervention the target grew (100 -> 120) and elsewhere shrank: the ratio would be +1
    const pairs = [1, 2].map((seed) => ({ seed, a: side(120, 80), b: side(100, 100) }));
    const e = effectFromPairs(plan, pairs);
    expect(e.targetReduction!.mean).toBe(-20);
    expect(e.elsewhereIncrease!.mean).toBe(-20);
    expect(Number.isNaN(e.displacementIndex!.mean)).toBe(true);
    // and a real reduction gives the ratio of means
    const reduced = effectFromPairs(plan, [1, 2].map((seed) => ({ seed, a: side(80, 110 + seed), b: side(100, 100) })));
    expect(reduced.displacementIndex!.mean).toBeCloseTo(11.5 / 20, 12);
  });
});
