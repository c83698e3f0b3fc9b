/**
 * A run part-way through, as a RunResult the digest can read: the recorded rows so
 * far, with the entity and measure tables of a finished run of the same world. No
 * hash and no summary (they describe finished runs only), so it is cheap enough to
 * post a few times per re-run.
 */
import type { RunResult } from '../results/types';
import type { Simulation } from '../simulation';
import type { Digest } from './digest';

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

/** The first `years` years of a digest (years its plan shares with another plan are the other plan's answer too). */
export function digestPrefix(d: Digest, years: number): Digest {
  const cut = (values: readonly number[]) => values.slice(0, years);
  const each = (series: Record<string, number[]>) => Object.fromEntries(Object.entries(series).map(([k, v]) => [k, cut(v)]));
  return {
    ...d,
    hash: '',
    years: Math.min(d.years, years),
    northConsumptionT: cut(d.northConsumptionT),
    southViolence: cut(d.southViolence),
    cultivationKha: each(d.cultivationKha),
    spendUsdM: cut(d.spendUsdM),
    flowT: each(d.flowT),
  };
}
