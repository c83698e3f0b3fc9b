/**
 * docs/specification.md §6 on every tick of many random valid scenarios: mass balance,
 * money balance, nothing negative / NaN / infinite, shares summing to 1.
 * BALLOON_INVARIANT_RUNS sets the number of scenarios (default small for CI).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../../sim/simulation';
import { checkInvariants } from '../../sim/model/invariants';
import { loadScenario } from '../../sim/scenario/validate';
import { readJson } from './helpers';

const RUNS = Number(process.env.BALLOON_INVARIANT_RUNS ?? 25);
const base = readJson('test/fixtures/two-producers.json') as any;
const countries: string[] = base.countries.map((c: any) => c.id);
const routeIds: string[] = base.routes.map((r: any) => `${r.from}-${r.to}-${r.mode}`);

const money = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5e9, noNaN: true }), fc.constant(1e11));
const share = fc.double({ min: 0, max: 1, noNaN: true });
const year = fc.integer({ min: 2000, max: 2003 });
const country = fc.constantFrom(...countries);

const lever = fc.oneof(
  fc.record({ lever: fc.constant('capacityFunding'), donor: fc.constant('USA'), recipient: fc.constantFrom(...countries.filter((c) => c !== 'USA')), budgetUsdPerYear: money }),
  fc.record({ lever: fc.constant('enforcementVsPrevention'), country, preventionShare: share }),
  fc.record({ lever: fc.constant('eradication'), country: fc.constantFrom('COL', 'PER'), budgetUsdPerYear: money }),
  fc.record({ lever: fc.constant('interdiction'), country, budgetUsdPerYear: money }),
  fc.record({ lever: fc.constant('intelligenceSharing'), countries: fc.constant(['COL', 'MEX', 'USA']), budgetUsdPerYear: money }),
  fc.record({ lever: fc.constant('alternativeDevelopment'), country: fc.constantFrom('COL', 'PER'), budgetUsdPerYear: money }),
  fc.record({ lever: fc.constant('assetSeizure'), country, budgetUsdPerYear: money }),
  fc.record({ lever: fc.constant('highValueTargeting'), country, budgetUsdPerYear: money }),
  fc.record({ lever: fc.constant('prevention'), country: fc.constantFrom('USA', 'ESP'), budgetUsdPerYear: money }),
  fc.record({ lever: fc.constant('treatment'), country: fc.constantFrom('USA', 'ESP'), budgetUsdPerYear: money }),
);

const scenarioArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  ticksPerYear: fc.constantFrom(4, 12, 26),
  burnInYears: fc.integer({ min: 0, max: 1 }),
  years: fc.integer({ min: 1, max: 3 }),
  corruption: fc.array(share, { minLength: countries.length, maxLength: countries.length }),
  governance: fc.array(share, { minLength: countries.length, maxLength: countries.length }),
  budgetScale: fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: countries.length, maxLength: countries.length }),
  baseSeizure: fc.array(fc.double({ min: 0, max: 0.95, noNaN: true }), { minLength: routeIds.length, maxLength: routeIds.length }),
  growers: fc.integer({ min: 1, max: 400 }),
  traffickers: fc.integer({ min: 1, max: 40 }),
  maxTraffickers: fc.integer({ min: 1, max: 80 }),
  levers: fc.array(fc.record({ lever, from: year, span: fc.integer({ min: 0, max: 3 }) }), { maxLength: 6 }),
  interdictEverything: fc.boolean(),
});

type Params = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(p: Params) {
  const s = structuredClone(base);
  s.ticksPerYear = p.ticksPerYear;
  s.burnInYears = p.burnInYears;
  s.end = `${2000 + p.years - 1}-12`;
  s.countries.forEach((c: any, i: number) => {
    c.corruption = p.corruption[i];
    c.governance = p.governance[i];
    c.police.budgetUsdPerYear *= p.budgetScale[i];
  });
  s.routes.forEach((r: any, i: number) => (r.baseSeizureProbability = p.baseSeizure[i]));
  s.regions.forEach((r: any) => (r.growers = p.growers));
  s.traffickers.count = p.traffickers;
  s.traffickers.maxCount = Math.max(p.traffickers, p.maxTraffickers);
  s.policies = p.levers.map(({ lever, from, span }) => ({
    ...lever,
    start: `${Math.min(from, 2000 + p.years - 1)}-01`,
    end: `${Math.min(from + span, 2000 + p.years - 1)}-12`,
  }));
  if (p.interdictEverything)
    for (const c of countries) s.policies.push({ lever: 'interdiction', country: c, budgetUsdPerYear: 1e11, start: '2000-01' });
  return loadScenario(s);
}

describe('invariants on every tick', () => {
  it(`hold for ${RUNS} random valid scenarios, including extreme levers`, () => {
    fc.assert(
      fc.property(scenarioArb, (p) => {
        const scenario = build(p);
        const sim = createSimulation(scenario, p.seed);
        while (sim.tick < sim.totalTicks) {
          sim.step();
          const violations = checkInvariants(sim.world, sim.state);
          if (violations.length > 0) throw new Error(JSON.stringify(violations.slice(0, 3)));
        }
        const result = sim.result();
        for (let i = 0; i < result.series.length; i++) if (!Number.isFinite(result.series.value[i])) throw new Error(`non-finite output at row ${i}`);
        for (const [k, v] of Object.entries(result.summary)) if (!Number.isFinite(v)) throw new Error(`summary ${k} = ${v}`);
      }),
      { numRuns: RUNS, seed: 20261125 },
    );
  });

  it('catch a broken mass balance (the checker itself can fail)', () => {
    const sim = createSimulation(build({ seed: 1, ticksPerYear: 12, burnInYears: 0, years: 1, corruption: countries.map(() => 0.5), governance: countries.map(() => 0.5), budgetScale: countries.map(() => 1), baseSeizure: routeIds.map(() => 0.1), growers: 50, traffickers: 5, maxTraffickers: 10, levers: [], interdictEverything: false }), 1);
    sim.step();
    expect(checkInvariants(sim.world, sim.state)).toEqual([]);
    sim.state.regions.stockKg[0] += 1000; // a shipment appearing from nowhere
    sim.state.accounts.stocksKg += 1000;
    expect(checkInvariants(sim.world, sim.state).map((v) => v.check)).toContain('mass-balance');
    sim.state.traffickers.capitalUsd[sim.state.traffickers.alive.indexOf(1)] = Number.NaN;
    expect(checkInvariants(sim.world, sim.state).map((v) => v.check)).toContain('finite-non-negative');
  });
});
