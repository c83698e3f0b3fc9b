/**
 * The flat, named outcomes of a run (one row per run in a sweep):
 *   MEASURE.ENTITY.initial  first year of the horizon
 *   MEASURE.ENTITY.final    last year of the horizon
 *   MEASURE.ENTITY.total    whole horizon (flows only)
 * Flows are summed over the year (so per year); stocks are averaged.
 * Derived outcomes: northern consumption and southern violence, per year.
 */
import type { Series } from './types';

/** Which measures of which kind enter the summary, and with which statistics. */
const SELECTED: Record<string, { measures: string[]; stats: ('initial' | 'final' | 'total')[] }> = {
  world: { measures: ['*'], stats: ['initial', 'final', 'total'] },
  country: {
    measures: ['cultivationHa', 'productionKg', 'seizuresKg', 'violenceIndex', 'policeCapacityUsd', 'traffickers', 'transitKg', 'spendUsd'],
    stats: ['initial', 'final'],
  },
  market: { measures: ['*'], stats: ['initial', 'final'] },
  region: { measures: ['cultivationHa'], stats: ['initial', 'final'] },
  route: { measures: ['flowKg'], stats: ['initial', 'final'] },
  policy: { measures: ['spendUsd'], stats: ['total'] },
};

export function summarise(series: Series, horizonTicks: number, ticksPerYear: number, northern: Set<string>): Record<string, number> {
  const nE = series.entities.length;
  const nM = series.measures.length;
  const first = new Float64Array(nE * nM);
  const last = new Float64Array(nE * nM);
  const total = new Float64Array(nE * nM);
  const yearTicks = Math.min(ticksPerYear, horizonTicks);
  const lastStart = horizonTicks - yearTicks;
  for (let i = 0; i < series.length; i++) {
    const key = series.entity[i] * nM + series.measure[i];
    const t = series.tick[i];
    const v = series.value[i];
    total[key] += v;
    if (t < yearTicks) first[key] += v;
    if (t >= lastStart) last[key] += v;
  }
  const present = new Uint8Array(nE * nM);
  for (let i = 0; i < series.length && series.tick[i] === 0; i++) present[series.entity[i] * nM + series.measure[i]] = 1;

  const out: Record<string, number> = {};
  let northInitial = 0;
  let northFinal = 0;
  let southInitial = 0;
  let southFinal = 0;
  for (let e = 0; e < nE; e++) {
    const entity = series.entities[e];
    const sel = SELECTED[entity.kind];
    for (let m = 0; m < nM; m++) {
      const key = e * nM + m;
      if (!present[key]) continue;
      const measure = series.measures[m];
      const isFlow = measure.aggregation === 'flow';
      const initial = isFlow ? first[key] * (ticksPerYear / yearTicks) : first[key] / yearTicks;
      const final = isFlow ? last[key] * (ticksPerYear / yearTicks) : last[key] / yearTicks;
      if (entity.kind === 'market' && measure.id === 'consumptionKg' && northern.has(entity.id)) {
        northInitial += initial;
        northFinal += final;
      }
      if (entity.kind === 'country' && measure.id === 'violenceIndex' && !northern.has(entity.id)) {
        southInitial += initial;
        southFinal += final;
      }
      if (!sel || !(sel.measures[0] === '*' || sel.measures.includes(measure.id))) continue;
      const name = `${measure.id}.${entity.id}`;
      if (sel.stats.includes('initial')) out[`${name}.initial`] = initial;
      if (sel.stats.includes('final')) out[`${name}.final`] = final;
      if (sel.stats.includes('total') && isFlow) out[`${name}.total`] = total[key];
    }
  }
  out['northernConsumptionKg.initial'] = northInitial;
  out['northernConsumptionKg.final'] = northFinal;
  out['southernViolenceIndex.initial'] = southInitial;
  out['southernViolenceIndex.final'] = southFinal;
  return out;
}
