/**
 * Invariants under fuzzing (docs/specification.md §6, issue 8): random valid scenarios,
 * extreme levers included, run for a few years; after every tick the model's
 * own checker must find no violation (mass balance, TO money balance, nothing
 * negative or NaN, shares summing to 1), and the recorded series must be finite
 * and non-negative. Cases: BALLOON_FUZZ_RUNS (default 30; the long run is
 * `BALLOON_FUZZ_RUNS=10000 npx vitest run test/fuzz/invariants.test.ts`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../sim/scenario/validate';
import { createSimulation } from '../../sim/simulation';
import { checkInvariants } from '../../sim/model/invariants';
import { validScenarioArb } from './scenarios';
import { fuzzRuns, fuzzSeed } from './runs';

const RUNS = fuzzRuns(30);

describe('invariants on random valid scenarios', () => {
  it(
    `hold on every tick (${RUNS} scenarios)`,
    () => {
      fc.assert(
        fc.property(validScenarioArb, (input) => {
          const parsed = parseScenario(input);
          if (!parsed.ok) throw new Error(`generator made an invalid scenario:\n${parsed.errors.map((e) => e.message).join('\n')}`);
          const scenario = parsed.value;
          const sim = createSimulation(scenario, scenario.seed);
          while (sim.tick < sim.totalTicks) {
            sim.step();
            const violations = checkInvariants(sim.world, sim.state);
            if (violations.length > 0) throw new Error(`tick ${sim.tick}: ${violations.slice(0, 3).map((v) => `${v.check}: ${v.detail}`).join('; ')}`);
          }
          const result = sim.result();
          const { series } = result;
          for (let i = 0; i < series.length; i++) {
            const v = series.value[i];
            if (!Number.isFinite(v) || v < -1e-9) {
              const m = series.measures[series.measure[i]];
              const e = series.entities[series.entity[i]];
              throw new Error(`series ${m.id} of ${e.id} at tick ${series.tick[i]} is ${v}`);
            }
          }
          for (const [key, v] of Object.entries(result.summary)) {
            if (!Number.isFinite(v)) throw new Error(`summary ${key} is ${v}`);
          }
        }),
        { numRuns: RUNS, seed: fuzzSeed() },
      );
    },
    Math.max(120_000, RUNS * 1_000),
  );

  it('the generator covers the extreme settings and every lever', () => {
    const samples = fc.sample(validScenarioArb, { numRuns: 300, seed: fuzzSeed() }) as {
      policies: Record<string, unknown>[];
      countries: { police: { budgetUsdPerYear: number } }[];
      markets: { exchangeRate?: unknown }[];
    }[];
    const levers = new Set(samples.flatMap((s) => s.policies.map((p) => p.lever)));
    expect([...levers].sort()).toEqual(
      ['alternativeDevelopment', 'assetSeizure', 'capacityFunding', 'enforcementVsPrevention', 'eradication', 'highValueTargeting', 'intelligenceSharing', 'interdiction', 'policeBudget', 'precursorControl', 'prevention', 'treatment'],
    );
    expect(samples.some((s) => s.countries.every((c) => c.police.budgetUsdPerYear === 0))).toBe(true);
    expect(samples.some((s) => s.policies.filter((p) => p.lever === 'interdiction' && p.budgetUsdPerYear === 1e12).length >= 6)).toBe(true);
    expect(samples.some((s) => s.policies.some((p) => p.lever === 'eradication' && p.budgetUsdPerYear === 1e13))).toBe(true);
    // Markets paying in a currency whose dollar value moves, and markets paying in dollars.
    expect(samples.some((s) => s.markets.some((m) => m.exchangeRate !== undefined))).toBe(true);
    expect(samples.some((s) => s.markets.every((m) => m.exchangeRate === undefined))).toBe(true);
  });
});
