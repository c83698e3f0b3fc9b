/**
 * The recorder fills the tick, entity and measure columns for the whole horizon up front and writes
 * only values as ticks pass: every row's labels must still name the value it holds, and a result
 * must not change when the run it came from goes on.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../sim/simulation';
import { twoProducers } from './helpers';

describe('recorder', () => {
  const scenario = twoProducers();

  it('labels each recorded value with its tick, entity and measure', () => {
    const sim = createSimulation(scenario, 3);
    const { world, state } = sim;
    const burnIn = sim.totalTicks - world.horizonTicks;
    const checked = { producedKg: 0, cultivationHa: 0, wholesale: 0 };
    while (sim.tick < sim.totalTicks) {
      sim.step();
      const horizonTick = sim.tick - 1 - burnIn;
      if (horizonTick < 0) continue;
      const s = sim.recordedSeries();
      const { entities, measures } = sim.result().series;
      const perTick = s.length / (horizonTick + 1);
      expect(Number.isInteger(perTick)).toBe(true);
      // This tick's rows: each (entity, measure) once, all stamped with this tick, values as in the state.
      const seen = new Set<number>();
      for (let i = horizonTick * perTick; i < s.length; i++) {
        expect(s.tick[i]).toBe(horizonTick);
        const key = s.entity[i] * 65536 + s.measure[i];
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        const e = entities[s.entity[i]];
        const m = measures[s.measure[i]];
        expect(m.kind).toBe(e.kind);
        if (e.kind === 'world' && m.id === 'producedKg') {
          expect(s.value[i]).toBe(state.accounts.producedKg);
          checked.producedKg++;
        }
        if (e.kind === 'region' && m.id === 'cultivationHa') {
          expect(s.value[i]).toBe(state.regions.cocaHa[world.regions.id.indexOf(e.id)]);
          checked.cultivationHa++;
        }
        if (e.kind === 'market' && m.id === 'wholesalePriceUsdPerKg') {
          const q = Array.from(world.markets.country).findIndex((c) => world.countries.id[c] === e.id);
          expect(s.value[i]).toBe(state.markets.wholesalePrice[q]);
          checked.wholesale++;
        }
      }
      expect(seen.size).toBe(perTick);
    }
    // The checks above ran on every tick (a renamed measure would silently skip them).
    expect(checked.producedKg).toBe(world.horizonTicks);
    expect(checked.cultivationHa).toBe(world.horizonTicks * world.regions.n);
    expect(checked.wholesale).toBe(world.horizonTicks * world.markets.n);
  });

  it('gives a run stopped part-way copies that do not change as the run goes on', () => {
    const sim = createSimulation(scenario, 5);
    while (sim.tick < sim.totalTicks - 12) sim.step();
    const partial = sim.result();
    const values = partial.series.value.slice();
    const length = partial.series.length;
    while (sim.tick < sim.totalTicks) sim.step();
    const full = sim.result();
    expect(partial.series.length).toBe(length);
    expect(partial.series.value).toEqual(values);
    expect(full.series.length).toBe(length + 12 * (length / partial.ticks));
    // The finished run's result carries the same rows as far as the partial one went.
    expect(full.series.value.subarray(0, length)).toEqual(values);
    expect(full.hash).not.toBe(partial.hash);
  });
});
