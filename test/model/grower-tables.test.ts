/**
 * The tabulated distributions of the grower decision (sim/model/grower-tables.ts) must be
 * the distributions the model describes: log-normal cost multipliers with mean 1 and log-sd
 * `costHeterogeneity`, and standard logistic taste shocks.
 */
import { describe, expect, it } from 'vitest';
import { COST_CLASSES, costClassFactors, levelOf, SHOCK_LEVELS, shockOddsFactors } from '../../sim/model/grower-tables';

const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0) / a.length;
const variance = (a: ArrayLike<number>) => {
  const m = mean(a);
  return Array.from(a).reduce((s, x) => s + (x - m) ** 2, 0) / a.length;
};

describe('cost classes', () => {
  it.each([0.1, 0.35, 1])('have mean 1 and log-sd close to costHeterogeneity %s, in increasing order', (h) => {
    const f = costClassFactors(h);
    expect(f.length).toBe(COST_CLASSES);
    expect(mean(f)).toBeCloseTo(1, 12);
    // 64 midpoint quantiles of a normal have a sd 1% short of 1.
    const sd = Math.sqrt(variance(Array.from(f, Math.log)));
    expect(sd / h).toBeGreaterThan(0.985);
    expect(sd / h).toBeLessThan(1.0);
    for (let k = 1; k < f.length; k++) expect(f[k]).toBeGreaterThan(f[k - 1]);
  });

  it('are all 1 without heterogeneity', () => {
    expect(Array.from(costClassFactors(0))).toEqual(new Array(COST_CLASSES).fill(1));
  });
});

describe('taste shocks', () => {
  it('are a discretised standard logistic: mean 0, variance within 1% of pi^2/3, symmetric', () => {
    const f = shockOddsFactors(1);
    expect(f.length).toBe(SHOCK_LEVELS);
    const shocks = Array.from(f, (x) => -Math.log(x));
    expect(Math.abs(mean(shocks))).toBeLessThan(1e-9);
    expect(variance(shocks) / (Math.PI ** 2 / 3)).toBeGreaterThan(0.99);
    expect(variance(shocks) / (Math.PI ** 2 / 3)).toBeLessThanOrEqual(1);
    for (let k = 0; k < SHOCK_LEVELS; k++) expect(f[k] * f[SHOCK_LEVELS - 1 - k]).toBeCloseTo(1, 12);
    // P(shock < 0) = 1/2 and P(shock < ln 3) = 3/4, as for the logistic.
    expect(shocks.filter((e) => e < 0).length / SHOCK_LEVELS).toBe(0.5);
    expect(shocks.filter((e) => e < Math.log(3)).length / SHOCK_LEVELS).toBeCloseTo(0.75, 3);
  });

  it('scale with the choice noise and vanish without it', () => {
    const one = shockOddsFactors(1);
    const half = shockOddsFactors(0.5);
    for (let k = 0; k < SHOCK_LEVELS; k += 97) expect(Math.log(half[k])).toBeCloseTo(0.5 * Math.log(one[k]), 10);
    expect(Array.from(shockOddsFactors(0)).every((x) => x === 1)).toBe(true);
  });

  it('levelOf maps [0, 1) onto equal bins', () => {
    expect(levelOf(0, 8)).toBe(0);
    expect(levelOf(0.124999, 8)).toBe(0);
    expect(levelOf(0.125, 8)).toBe(1);
    expect(levelOf(0.9999999999, 8)).toBe(7);
    expect(levelOf(1, 8)).toBe(7);
  });
});
