/**
 * The causal sizes of issue 14, measured as `scripts/probe-effects.ts` measures them: the Colombia case
 * (colombia-2000s) against its twin without policies and against itself without its eradication or its
 * interdiction levers, paired at seeds 1-20. Each band is the (from the record or the causal
 * evidence); a band the model does not meet yet is an expected failure that turns red the day it does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { annualDigest, yearSum, yearValue, type AnnualDigest } from '../../sim/analysis/annual';
import { runScenario } from '../../sim/run';
import { loadScenario } from '../../sim/scenario/validate';
import { readJson } from './helpers';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const CULT = 'country/cultivationHa';
const NORTH = ['USA', 'CAN', 'ESP', 'NLD', 'GBR', 'DEU', 'ITA', 'FRA'];
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const rel = (from: number, to: number) => (to - from) / from;

interface Runs {
  policy: AnnualDigest;
  twin: AnnualDigest;
  noEradication: AnnualDigest;
  noInterdiction: AnnualDigest;
}

describe('causal sizes of the Colombia case (colombia-2000s, seeds 1-20)', () => {
  const runs: Runs[] = [];
  beforeAll(() => {
    const input = readJson('scenarios/colombia-2000s.json') as { policies: { lever: string }[] };
    const variants = {
      policy: loadScenario(input),
      twin: loadScenario({ ...input, policies: [] }),
      noEradication: loadScenario({ ...input, policies: input.policies.filter((p) => p.lever !== 'eradication') }),
      noInterdiction: loadScenario({ ...input, policies: input.policies.filter((p) => p.lever !== 'interdiction') }),
    };
    for (const seed of SEEDS) {
      runs.push(Object.fromEntries(Object.entries(variants).map(([k, s]) => [k, annualDigest(runScenario(s, { seed }))])) as unknown as Runs);
    }
  }, 900_000);

  const cultivation = (d: AnnualDigest, c: string, year: number) => yearValue(d, CULT, c, year);
  const upTo = (f: (year: number) => number, last: number) => {
    let sum = 0;
    for (let y = 0; y <= last; y++) sum += f(y);
    return sum;
  };
  const north = (d: AnnualDigest, year: number) => yearSum(d, 'market/consumptionKg', NORTH, year);
  const spend = (d: AnnualDigest) => upTo((y) => yearValue(d, 'world/spendUsd', 'world', y), d.years - 1);
  /** Dollars per kg kept from northern consumers over the run by the levers `without` lacks (Infinity if none kept). */
  const costPerKg = (without: keyof Runs) => {
    const kept = mean(runs.map((r) => upTo((y) => north(r[without], y) - north(r.policy, y), r.policy.years - 1)));
    const usd = mean(runs.map((r) => spend(r.policy) - spend(r[without])));
    return kept > 0 ? usd / kept : Infinity;
  };

  it('Colombia falls 45-70 % from 2000 to 2009 (record -58 %)', () => {
    const change = mean(runs.map((r) => rel(cultivation(r.policy, 'COL', 0), cultivation(r.policy, 'COL', 9))));
    expect(change).toBeGreaterThan(-0.7);
    expect(change).toBeLessThan(-0.45);
  });

  // Not yet: -51 % by 2012 at seeds 1-20 (docs/model.md section 10): Colombia stops falling after 2003.
  it.fails('Colombia falls 55-80 % from 2000 to 2012 (record -70 %; not yet)', () => {
    const change = mean(runs.map((r) => rel(cultivation(r.policy, 'COL', 0), cultivation(r.policy, 'COL', 12))));
    expect(change).toBeGreaterThan(-0.8);
    expect(change).toBeLessThan(-0.55);
  });

  it.each(['PER', 'BOL'])('%s is above its no-policy twin in 2009', (c) => {
    expect(mean(runs.map((r) => rel(cultivation(r.twin, c, 9), cultivation(r.policy, c, 9))))).toBeGreaterThan(0);
  });

  it('a fifth to three fifths of Colombia\'s cut reappears in Peru and Bolivia, 2000-2012 (record about 0.25)', () => {
    const cut = mean(runs.map((r) => upTo((y) => cultivation(r.twin, 'COL', y) - cultivation(r.policy, 'COL', y), 12)));
    const moved = mean(runs.map((r) => upTo((y) => ['PER', 'BOL'].reduce((a, c) => a + cultivation(r.policy, c, y) - cultivation(r.twin, c, y), 0), 12)));
    expect(cut).toBeGreaterThan(0);
    expect(moved / cut).toBeGreaterThan(0.2);
    expect(moved / cut).toBeLessThan(0.6);
  });

  it('one hectare eradicated removes 0.02-0.065 ha of coca in Colombia (Mejia, Restrepo & Rozo 2017)', () => {
    const last = runs[0].policy.years - 1;
    const less = mean(runs.map((r) => upTo((y) => cultivation(r.noEradication, 'COL', y) - cultivation(r.policy, 'COL', y), last)));
    const eradicated = mean(runs.map((r) => upTo((y) => yearValue(r.policy, 'country/eradicatedHa', 'COL', y) - yearValue(r.noEradication, 'country/eradicatedHa', 'COL', y), last)));
    expect(eradicated).toBeGreaterThan(0);
    expect(less / eradicated).toBeGreaterThan(0.02);
    expect(less / eradicated).toBeLessThan(0.065);
  });

  it('eradication costs at least $150 000 per kg kept from northern consumers, interdiction at most half of that (Mejia & Restrepo 2016)', () => {
    const eradication = costPerKg('noEradication');
    const interdiction = costPerKg('noInterdiction');
    expect(eradication).toBeGreaterThan(150_000);
    expect(interdiction).toBeLessThan(eradication / 2);
  });
});
