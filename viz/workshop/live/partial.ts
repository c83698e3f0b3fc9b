/**
 * A run part-way through, as a RunResult the digest can read: the recorded rows so
 * far, with the entity and measure tables of a finished run of the same world. No
 * hash and no summary (they describe finished runs only), so it is cheap enough to
 * post a few times per re-run.
 */
import type { RunResult } from '../../../sim/results/types';
import type { Simulation } from '../../../sim/simulation';

export function partialResult(sim: Simulation, like: RunResult): RunResult {
  const s = sim.recordedSeries();
  const ticks = Math.max(0, sim.tick - (sim.totalTicks - sim.world.horizonTicks));
  return {
    ...like,
    ticks,
    hash: '',
    summary: {},
    series: { length: s.length, tick: s.tick, entity: s.entity, measure: s.measure, value: s.value, entities: like.series.entities, measures: like.series.measures },
  };
}
