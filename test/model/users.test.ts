/**
 * Users in states (sim/model/users.ts): flows conserve people, the initial state is a steady state,
 * more treatment money never raises heavy users, and prevention acts only after its lag.
 */
import { describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../sim/model/world';
import { createState } from '../../sim/model/init';
import type { MarketState } from '../../sim/model/state';
import { applyFlows, gramsPerYear, preventionTicks, quitRates, reachedPerYear, userFlows } from '../../sim/model/users';
import { runScenario } from '../../sim/run';
import { pickSeries } from '../../sim/results/rows';
import { twoProducers } from './helpers';

/** A small deterministic stream for test inputs (no Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function setup(patch: (s: any) => void = () => {}): { world: World; ms: MarketState } {
  const world = buildWorld(twoProducers([], patch));
  const state = createState(world, 1);
  return { world, ms: state.markets };
}

const heavyOf = (ms: MarketState, m: number) => ms.heavyUsers[m] + ms.treatedUsers[m];

describe('users in states', () => {
  it('start with the data: users, heavy share, mean grams and mean quit rate', () => {
    const { world, ms } = setup();
    for (let m = 0; m < world.markets.n; m++) {
      const users = world.markets.users0[m];
      const h = world.markets.heavyShare0[m];
      expect(ms.lightUsers[m] + ms.heavyUsers[m]).toBeCloseTo(users, 3);
      expect(ms.heavyUsers[m] / users).toBeCloseTo(h, 12);
      const g = gramsPerYear(world, m);
      expect(g.heavy / g.light).toBeCloseTo(world.behaviour.markets.heavyConsumptionRatio, 12);
      expect((ms.lightUsers[m] * g.light + ms.heavyUsers[m] * g.heavy) / users).toBeCloseTo(world.markets.gramsPerUserPerYear[m], 9);
      const q = quitRates(world, m);
      expect((ms.lightUsers[m] * q.light + ms.heavyUsers[m] * q.heavy) / users).toBeCloseTo(world.markets.quitRate[m], 12);
      expect(q.heavy).toBeLessThan(q.light);
    }
  });

  it('hold still without levers at the reference price (the initial state is a steady state)', () => {
    const { world, ms } = setup();
    const start = { light: Float64Array.from(ms.lightUsers), heavy: Float64Array.from(ms.heavyUsers) };
    for (let t = 0; t < 20 * world.ticksPerYear; t++) {
      for (let m = 0; m < world.markets.n; m++) applyFlows(ms, m, userFlows(world, ms, m, 1, 0, 0));
    }
    for (let m = 0; m < world.markets.n; m++) {
      expect(Math.abs(ms.lightUsers[m] / start.light[m] - 1)).toBeLessThan(1e-9);
      expect(Math.abs(ms.heavyUsers[m] / start.heavy[m] - 1)).toBeLessThan(1e-9);
      expect(ms.treatedUsers[m]).toBe(0);
    }
  });

  it('move people between states without creating or losing any, and never below zero', () => {
    const { world, ms } = setup();
    const rnd = lcg(21);
    for (let trial = 0; trial < 2000; trial++) {
      const m = trial % world.markets.n;
      const population = world.countries.population[world.markets.country[m]];
      ms.lightUsers[m] = rnd() * 0.05 * population;
      ms.heavyUsers[m] = rnd() < 0.1 ? 0 : rnd() * 0.02 * population;
      ms.treatedUsers[m] = rnd() < 0.3 ? 0 : rnd() * 0.01 * population;
      const before = ms.lightUsers[m] + ms.heavyUsers[m] + ms.treatedUsers[m];
      const price = 0.2 + 3 * rnd();
      const treatment = rnd() < 0.3 ? 0 : rnd() * 1e10;
      const protectedPeople = (rnd() - 0.3) * 5e7;
      const f = userFlows(world, ms, m, price, treatment, protectedPeople);
      for (const v of Object.values(f)) expect(v).toBeGreaterThanOrEqual(0);
      applyFlows(ms, m, f);
      const entered = f.initiation;
      const left = f.quitLight + f.quitHeavy + f.quitAfterTreatment + f.quitInTreatment;
      const after = ms.lightUsers[m] + ms.heavyUsers[m] + ms.treatedUsers[m];
      expect(after - before).toBeCloseTo(entered - left, 4);
      expect(ms.lightUsers[m]).toBeGreaterThanOrEqual(0);
      expect(ms.heavyUsers[m]).toBeGreaterThanOrEqual(0);
      expect(ms.treatedUsers[m]).toBeGreaterThanOrEqual(0);
      expect(after).toBeLessThanOrEqual(population);
    }
  });

  it('more treatment money never raises heavy users (at the same prices), and it lowers them', () => {
    const budgets = [0, 1e6, 1e7, 1e8, 5e8, 2e9, 1e10];
    for (const ticksPerYear of [12, 4, 1]) {
      const rnd = lcg(7 + ticksPerYear);
      const years = 15;
      const prices = Array.from({ length: years * ticksPerYear }, () => 0.6 + 0.8 * rnd());
      const paths = budgets.map((budget) => {
        const { world, ms } = setup((s) => (s.ticksPerYear = ticksPerYear));
        return prices.map((p) => {
          applyFlows(ms, 0, userFlows(world, ms, 0, p, budget, 0));
          return heavyOf(ms, 0);
        });
      });
      for (let b = 1; b < budgets.length; b++) {
        for (let t = 0; t < prices.length; t++) expect(paths[b][t]).toBeLessThanOrEqual(paths[b - 1][t] * (1 + 1e-12));
      }
      expect(paths[3][prices.length - 1]).toBeLessThan(paths[0][prices.length - 1] * 0.99);
    }
  });

  it('higher prices lower initiation and raise heavy users\' quitting', () => {
    const { world, ms } = setup();
    const low = userFlows(world, ms, 0, 0.8, 0, 0);
    const high = userFlows(world, ms, 0, 1.25, 0, 0);
    expect(high.initiation).toBeLessThan(low.initiation);
    expect(high.quitHeavy).toBeGreaterThan(low.quitHeavy);
  });

  it('prevention reaches about budget / cost people while few are reached, at most a cohort a year, fewer below the initial budget', () => {
    const { world } = setup();
    const usa = world.countries.id.indexOf('USA');
    const cohort = world.countries.population[usa] * world.behaviour.markets.preventionCohortShare;
    const cost = world.behaviour.markets.preventionCostUsdPerPerson;
    expect(reachedPerYear(world, usa, 0)).toBe(0);
    expect(reachedPerYear(world, usa, 1e6) / (1e6 / cost)).toBeGreaterThan(0.99);
    let last = 0;
    for (const usd of [1e7, 1e8, 1e9, 1e10, 1e11]) {
      const r = reachedPerYear(world, usa, usd);
      expect(r).toBeGreaterThan(last);
      expect(r).toBeLessThanOrEqual(cohort);
      last = r;
    }
    expect(last).toBeGreaterThan(0.99 * cohort);
    expect(reachedPerYear(world, usa, -1e6)).toBeCloseTo(-1e6 / cost, 6);
    expect(reachedPerYear(world, usa, -1e12)).toBe(-cohort);
  });

  it('prevention changes nothing before its lag and lowers users after it (full model, same seed)', () => {
    const prevention = { lever: 'prevention', country: 'USA', budgetUsdPerYear: 500e6, start: '2003-01' };
    const base = twoProducers([]);
    const world = buildWorld(base);
    const lagTicks = preventionTicks(world).lag;
    expect(lagTicks).toBeGreaterThan(0);
    const without = runScenario(base, { seed: 3 });
    const withIt = runScenario(twoProducers([prevention]), { seed: 3 });
    const startTick = 3 * world.ticksPerYear;
    const series = (r: typeof without, measure: string) => pickSeries(r, measure, 'USA', 'market').value;
    const users0 = series(without, 'users');
    const users1 = series(withIt, 'users');
    for (let t = 0; t < startTick + lagTicks; t++) expect(users1[t]).toBe(users0[t]);
    expect(users1[startTick + lagTicks + 1]).not.toBe(users0[startTick + lagTicks + 1]);
    // Not a test of its size (prices move too): the first months after the lag, initiation is lower at nearly the same prices.
    const t = startTick + lagTicks + 2;
    expect(series(withIt, 'lightUsers')[t]).toBeLessThan(series(without, 'lightUsers')[t]);
  });
});
