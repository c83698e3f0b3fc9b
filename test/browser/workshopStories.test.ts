/**
 * The workshop's guided stories say only what the model shows. Each step's claim is
 * checked against the run the workshop shows for that step (the baseline world, seed 1,
 * full fidelity, the step's levers in the page's slots) and the run without levers.
 * When the model does not show a claim, the test fails and says which story, which
 * step, what it claims and what the model shows: rewrite the story, or fix the model.
 * Runs in Node (no browser needed): the workshop's runs are byte-identical to these.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { annualise, measureByTick } from '../../sim/analysis/extract';
import { corridorOf } from '../../sim/analysis/corridors';
import { runScenario } from '../../sim/run';
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { parseScenarioText } from '../../sim/scenario/validate';
import { DEFAULT_START, withDefaults } from '../../viz/workshop/data/placement';
import { planPolicies, rowCost, type LeverRow } from '../../sim/workshop/plan';
import { stories, type Story } from '../../viz/workshop/data/stories';
import { digest, type Digest } from '../../sim/workshop/digest';
import { ROOT } from './harness';

const SEED = 1;

interface Shown {
  run: RunResult;
  digest: Digest;
}

/** What the model shows, in words, and whether the claim holds. */
interface Verdict {
  holds: boolean;
  shown: string;
}

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Yearly mean of a digest series over [from, to] (calendar years). */
function over(d: Digest, series: readonly number[], from: number, to: number): number {
  return mean(series.slice(from - d.firstYear, to - d.firstYear + 1));
}

function fail(s: Story, step: number, claim: string, v: Verdict): string {
  return `Story "${s.title}", step ${step + 1} "${s.steps[step].title}" claims: ${claim}. The model (seed ${SEED}, full fidelity, as the workshop shows it) shows: ${v.shown}. Rewrite the step's text, or fix the model.`;
}

describe('workshop stories say only what the model shows', () => {
  let world: Scenario;
  let library: Story[];
  const cache = new Map<string, Shown>();
  let none: Shown;

  const show = (rows: readonly LeverRow[]): Shown => {
    const policies = planPolicies(world, withDefaults(world, DEFAULT_START, rows));
    const key = JSON.stringify(policies);
    let shown = cache.get(key);
    if (!shown) {
      const run = runScenario({ ...world, policies }, { seed: SEED });
      shown = { run, digest: digest(run, { ...world, policies }, none?.run ?? run) };
      cache.set(key, shown);
    }
    return shown;
  };
  const story = (id: string) => library.find((s) => s.id === id)!;

  beforeAll(() => {
    const parsed = parseScenarioText(readFileSync(join(ROOT, 'scenarios', 'baseline.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors[0].message);
    world = parsed.value;
    library = stories(world);
    none = show([]);
  });

  it('The Colombia case, step 1: Colombia grows most of the coca, then Peru, then Bolivia; flows go north through the Caribbean and Central America', () => {
    const s = story('colombia');
    const d = none.digest;
    const first = (c: string) => d.cultivationKha[c][0];
    const total = Object.values(d.cultivationKha).reduce((a, col) => a + col[0], 0);
    const order: Verdict = {
      holds: first('COL') > total / 2 && first('COL') > first('PER') && first('PER') > first('BOL'),
      shown: `in ${d.firstYear} COL ${first('COL').toFixed(0)}, PER ${first('PER').toFixed(0)}, BOL ${first('BOL').toFixed(0)} thousand ha of ${total.toFixed(0)}`,
    };
    expect(order.holds, fail(s, 0, 'Colombia grows most of the world’s coca; Peru and Bolivia follow', order)).toBe(true);
    // Into the US: the share arriving from the Caribbean or Central America and Mexico.
    const central = new Set(['MEX', 'GTM', 'HND', 'PAN', 'SLV', 'NIC', 'CRI', 'BLZ']);
    let north = 0;
    let via = 0;
    for (const r of world.routes.filter((x) => x.to === 'USA')) {
      const t = d.flowT[r.id ?? `${r.from}-${r.to}-${r.mode}`]?.[0] ?? 0;
      north += t;
      if (central.has(r.from) || corridorOf(r.from) === 'caribbean') via += t;
    }
    const routes: Verdict = { holds: via > north / 2, shown: `${pct(via / north).slice(1)} of the flow into the US in ${d.firstYear} comes through the Caribbean, Central America or Mexico` };
    expect(routes.holds, fail(s, 0, 'flows go north through the Caribbean and Central America', routes)).toBe(true);
  });

  it('The Colombia case, step 2: Colombia’s police capability grows with a lag under US funding', () => {
    const s = story('colombia');
    const funded = show(s.steps[1].rows).run;
    const capacity = (run: RunResult) => annualise(measureByTick(run, 'policeCapacityUsd', 'country')!.values.get('COL')!, run.ticksPerYear, 'stock');
    const a = capacity(funded);
    const b = capacity(none.run);
    const gain = (y: number) => a[y] / b[y] - 1;
    const v: Verdict = { holds: gain(4) > 0.05 && gain(4) > gain(1), shown: `Colombian police capacity against no lever: ${pct(gain(1))} in 2001, ${pct(gain(4))} in 2004` };
    expect(v.holds, fail(s, 1, 'capability grows with a lag', v)).toBe(true);
  });

  it('The Colombia case, step 3: eradication cuts Colombian coca', () => {
    const s = story('colombia');
    const d = show(s.steps[2].rows).digest;
    const change = over(d, d.cultivationKha.COL, 2002, 2015) / over(none.digest, none.digest.cultivationKha.COL, 2002, 2015) - 1;
    const v: Verdict = { holds: change < -0.05, shown: `Colombian coca 2002–2015 ${pct(change)} against no lever` };
    expect(v.holds, fail(s, 2, 'eradication in Colombia lowers Colombian coca ("watch Colombian coca")', v)).toBe(true);
  });

  it('The Colombia case, step 4: with interdiction added, traffickers ship a little less from Colombia and more from Peru and Bolivia', () => {
    const s = story('colombia');
    const before = show(s.steps[2].rows).digest;
    const after = show(s.steps[3].rows).digest;
    const sum = (d: Digest, pick: (from: string) => boolean) =>
      world.routes.filter((r) => pick(r.from)).reduce((acc, r) => acc + over(d, d.flowT[r.id ?? `${r.from}-${r.to}-${r.mode}`] ?? [], 2001, 2015), 0);
    const producers = new Set(world.regions.map((r) => r.country));
    const outOfCol = sum(after, (f) => f === 'COL') / sum(before, (f) => f === 'COL') - 1;
    const elsewhere = sum(after, (f) => f !== 'COL' && !producers.has(f)) / sum(before, (f) => f !== 'COL' && !producers.has(f)) - 1;
    const otherProducers = sum(after, (f) => f !== 'COL' && producers.has(f)) / sum(before, (f) => f !== 'COL' && producers.has(f)) - 1;
    const v: Verdict = {
      holds: outOfCol < 0 && otherProducers > 0.02,
      shown: `2001–2015 flows against the plan without interdiction: out of Colombia ${pct(outOfCol)}, out of Peru and Bolivia ${pct(otherProducers)}, on routes from transit countries ${pct(elsewhere)}`,
    };
    expect(v.holds, fail(s, 3, 'traffickers ship a little less from Colombia and more from Peru and Bolivia', v)).toBe(true);
  });

  it('The Colombia case, step 5: the cut in Colombia reappears in Peru and Bolivia (visible on the cultivation chart)', () => {
    const s = story('colombia');
    const d = show(s.steps[4].rows).digest;
    const others = (x: Digest) => over(x, x.cultivationKha.PER, 2008, 2015) + over(x, x.cultivationKha.BOL, 2008, 2015);
    const rise = others(d) / others(none.digest) - 1;
    const index = d.outcomes.displacementIndex;
    const v: Verdict = {
      holds: rise > 0.05 && index !== null && index > 0.1,
      shown: `Peru + Bolivia coca 2008–2015 ${pct(rise)} against no lever; displacement index ${index === null ? 'none (no cut)' : index.toFixed(3)}, ${d.outcomes.displacedKha.toFixed(1)} thousand ha moved`,
    };
    expect(v.holds, fail(s, 4, '"Where did it go? Watch Peru and Bolivia": part of the cut in Colombia reappears in Peru and Bolivia, visibly (at least +5 % there, displacement index above 0.1)', v)).toBe(true);
  });

  it('Enforcement versus prevention, step 3: US consumption and heavy users rise when budget moves from enforcement to prevention', () => {
    const s = story('prevention');
    const moved = show(s.steps[2].rows).run;
    const yearly = (run: RunResult, measure: 'consumptionKg' | 'heavyUsers', kind: 'flow' | 'stock') => annualise(measureByTick(run, measure, 'market')!.values.get('USA')!, run.ticksPerYear, kind);
    const change = (measure: 'consumptionKg' | 'heavyUsers', kind: 'flow' | 'stock') => {
      const a = yearly(moved, measure, kind);
      const b = yearly(none.run, measure, kind);
      return mean(a.slice(2006 - 2000)) / mean(b.slice(2006 - 2000)) - 1;
    };
    const consumption = change('consumptionKg', 'flow');
    const heavy = change('heavyUsers', 'stock');
    const v: Verdict = { holds: consumption > 0 && heavy > 0, shown: `US consumption 2006–2015 ${pct(consumption)}, US heavy users ${pct(heavy)} against no lever` };
    expect(v.holds, fail(s, 2, 'US consumption and heavy users rise (enforcement\'s price effect wins)', v)).toBe(true);
  });

  it('Enforcement versus prevention, step 2: the share moved is about $1bn a year, with no new money', () => {
    const s = story('prevention');
    const row = s.steps[1].rows[0];
    const moved = rowCost(world, row);
    const v: Verdict = { holds: moved > 0.7e9 && moved < 1.3e9, shown: `the step moves $${(moved / 1e9).toFixed(2)}bn a year` };
    expect(v.holds, fail(s, 1, 'about $1bn a year moves from enforcement', v)).toBe(true);
  });
});
