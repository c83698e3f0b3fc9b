import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run';
import { createSimulation, resumeSimulation } from '../../sim/simulation';
import { twoProducers } from './helpers';

const scenario = twoProducers([
  { lever: 'eradication', country: 'COL', budgetUsdPerYear: 2e8, start: '2003-01' },
  { lever: 'highValueTargeting', country: 'MEX', budgetUsdPerYear: 5e8, start: '2004-01' },
]);
scenario.end = '2006-12';

describe('determinism', () => {
  it('gives the same hash and the same bytes for the same scenario and seed', () => {
    const a = runScenario(scenario, { seed: 7 });
    const b = runScenario(scenario, { seed: 7 });
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(b.hash).toBe(a.hash);
    expect(Buffer.from(b.series.value.buffer).equals(Buffer.from(a.series.value.buffer))).toBe(true);
    expect(b.summary).toEqual(a.summary);
  });

  it('gives a different hash for a different seed', () => {
    expect(runScenario(scenario, { seed: 1 }).hash).not.toBe(runScenario(scenario, { seed: 2 }).hash);
  });

  it('is not affected by a change to another scenario object (no shared state between runs)', () => {
    const first = runScenario(scenario, { seed: 3 }).hash;
    runScenario(twoProducers(), { seed: 99 });
    expect(runScenario(scenario, { seed: 3 }).hash).toBe(first);
  });

  it.each([1, 17, 40, 77])('splits at tick %i, snapshots, resumes and ends with the same result', (splitAt) => {
    const whole = runScenario(scenario, { seed: 5 });
    const sim = createSimulation(scenario, 5);
    while (sim.tick < splitAt) sim.step();
    // A snapshot survives a structured clone (as when sent to a worker or saved).
    const snapshot = structuredClone(sim.snapshot());
    // Stepping the original further must not disturb the snapshot.
    sim.step();
    const resumed = resumeSimulation(scenario, snapshot);
    expect(resumed.tick).toBe(splitAt);
    while (resumed.tick < resumed.totalTicks) resumed.step();
    expect(resumed.result().hash).toBe(whole.hash);
  });
});
