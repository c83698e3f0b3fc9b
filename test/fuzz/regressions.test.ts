/**
 * Scenarios the invariant fuzzer once found breaking an invariant, kept so CI
 * runs them every time (the fuzzer's default sample is small). Each is the
 * small fixture with a few settings changed, or a shrunk counterexample stored
 * in test/fuzz/regressions/. `it.fails` marks a bug still open in the model:
 * when it is fixed that test fails, and it becomes a plain `it`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../sim/scenario/validate';
import { createSimulation } from '../../sim/simulation';
import { checkInvariants } from '../../sim/model/invariants';
import { fixture } from '../scenario/helpers';

/** The first invariant violation of a run, or the first bad recorded value; '' when all hold. */
function firstViolation(input: unknown): string {
  const scenario = loadScenario(input);
  const sim = createSimulation(scenario, scenario.seed);
  while (sim.tick < sim.totalTicks) {
    sim.step();
    const v = checkInvariants(sim.world, sim.state);
    if (v.length > 0) return `tick ${sim.tick}: ${v[0].check}: ${v[0].detail}`;
  }
  const { series } = sim.result();
  for (let i = 0; i < series.length; i++) {
    const x = series.value[i];
    if (!Number.isFinite(x) || x < -1e-9) return `series ${series.measures[series.measure[i]].id} = ${x}`;
  }
  return '';
}

function stored(name: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./regressions/${name}`, import.meta.url)), 'utf8'));
}

describe('invariants on scenarios that once broke them', () => {
  it('growers with nothing to lose: no licit income, no eradication, zero production cost (NaN coca area)', () => {
    const s = fixture();
    s.countries[0].licitIncomeUsdPerHa = 0;
    s.countries[0].police.allocation.eradication = 0;
    s.regions[0].productionCostUsdPerKg = 0;
    expect(firstViolation(s)).toBe('');
  });

  it('a market nobody supplies, with frozen wholesale prices (NaN users)', () => {
    const s = fixture();
    s.traffickers.count = 1;
    s.traffickers.knownRouteShare = 0;
    s.behaviour = { traffickers: { priceAdjustment: 0 } };
    expect(firstViolation(s)).toBe('');
  });

  it('total eradication: the whole crop destroyed in a month (NaN coca area)', () => {
    const s = fixture();
    s.behaviour = { police: { maxEradicationSharePerMonth: 1 } };
    s.policies = [{ lever: 'eradication', country: 'COL', budgetUsdPerYear: 1e13, start: '2000-01' }];
    expect(firstViolation(s)).toBe('');
  });

  it('yearly ticks and a vanishingly small initial coca area (NaN coca area)', () => {
    const s = fixture();
    s.ticksPerYear = 1;
    s.seed = 3909227572;
    Object.assign(s.regions[0], { cultivableHa: 1, initialCocaHa: 5e-324, growers: 1 });
    expect(firstViolation(s)).toBe('');
  });

  it('yearly ticks and the fastest organisational growth (negative organisation scale)', () => {
    expect(firstViolation(stored('negative-organisation-scale.json'))).toBe('');
  });

  // Was a bug: a fractional maxLoadsPerShipment (2.5) broke mass balance at the first tick.
  // Loads are whole: the schema now takes only whole numbers, with a clear error.
  it('a fractional number of loads per shipment is refused by the schema; whole numbers run clean', () => {
    const s = fixture();
    s.behaviour = { traffickers: { maxLoadsPerShipment: 2.5 } };
    expect(() => loadScenario(s)).toThrow(/behaviour\.traffickers\.maxLoadsPerShipment: expected an integer in \[1,64\], got 2\.5/);
    s.behaviour = { traffickers: { maxLoadsPerShipment: 3 } };
    expect(firstViolation(s)).toBe('');
  });

  // Was a bug: the money-balance tolerance left out confiscations, bribes and entry capital, so a
  // tick where asset seizure alone removed 139 million USD failed on rounding.
  it('capital confiscated in one tick (money balance within rounding)', () => {
    expect(firstViolation(stored('money-balance-confiscation.json'))).toBe('');
  });

  it('a market priced by its cover whose organisations start with a subnormal stock (the cover overflowed: NaN stocks)', () => {
    expect(firstViolation(stored('market-cover-tiny-stock.json'))).toBe('');
  });
});
