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

  it('keeps a snapshot intact while its run goes on, without a clone (its rows are views of append-only columns)', () => {
    const whole = runScenario(scenario, { seed: 5 });
    const sim = createSimulation(scenario, 5);
    while (sim.tick < 30) sim.step();
    const snapshot = sim.snapshot();
    const rows = snapshot.series.length;
    const values = snapshot.series.value.slice();
    while (sim.tick < sim.totalTicks) sim.step();
    expect(sim.result().hash).toBe(whole.hash);
    expect(snapshot.series.length).toBe(rows);
    expect(Buffer.from(snapshot.series.value.buffer, snapshot.series.value.byteOffset, snapshot.series.value.byteLength).equals(Buffer.from(values.buffer))).toBe(true);
    const resumed = resumeSimulation(scenario, snapshot);
    while (resumed.tick < resumed.totalTicks) resumed.step();
    expect(resumed.result().hash).toBe(whole.hash);
  });

  it('overwrites a snapshot it is given to reuse, and resuming from it is exact; the run that took the old one is not disturbed', () => {
    const whole5 = runScenario(scenario, { seed: 5 });
    const whole6 = runScenario(scenario, { seed: 6 });
    const other = createSimulation(scenario, 6);
    while (other.tick < 20) other.step();
    const old = other.snapshot();
    const oldBelief = old.state.traffickers.belief;
    const sim = createSimulation(scenario, 5);
    while (sim.tick < 40) sim.step();
    const reused = sim.snapshot(old);
    expect(reused.state.traffickers.belief).toBe(oldBelief); // the same array, overwritten
    while (other.tick < other.totalTicks) other.step();
    expect(other.result().hash).toBe(whole6.hash);
    while (sim.tick < sim.totalTicks) sim.step();
    const resumed = resumeSimulation(scenario, reused);
    expect(resumed.tick).toBe(40);
    while (resumed.tick < resumed.totalTicks) resumed.step();
    expect(resumed.result().hash).toBe(whole5.hash);
  });
});
