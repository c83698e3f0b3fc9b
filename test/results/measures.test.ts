/**
 * Measures are declared once (sim/results/measures.ts: unit, aggregation and reader); the recorder
 * writes what the readers return, a run carries their descriptions as plain data, and a measure
 * named in code is checked by the compiler (the @ts-expect-error lines fail `tsc` when they compile).
 */
import { describe, expect, it } from 'vitest';
import { ALL_MEASURES, MEASURE_DEFS, type MeasureId } from '../../sim/results/measures';
import { measureByTick } from '../../sim/analysis/extract';
import { runScenario } from '../../sim/run';
import { twoProducers } from '../model/helpers';

describe('measures', () => {
  const result = runScenario(twoProducers([{ lever: 'eradication', country: 'COL', budgetUsdPerYear: 5e7, start: '2003-01' }]), { seed: 2 });

  it('are unique per entity kind, and a run carries their descriptions in the declared order, as plain data', () => {
    for (const defs of Object.values(MEASURE_DEFS)) expect(new Set(defs.map((d) => d.id)).size).toBe(defs.length);
    expect(result.series.measures).toEqual(ALL_MEASURES);
    expect(structuredClone(result.series.measures)).toEqual(ALL_MEASURES);
    expect(result.series.measures.every((m) => Object.keys(m).sort().join() === 'aggregation,id,kind,label,unit')).toBe(true);
  });

  it('read per-country sums of regions, routes and organisations consistently with the other kinds', () => {
    const by = <K extends 'world' | 'country' | 'region' | 'route'>(id: MeasureId<K>, kind: K) => measureByTick(result, id, kind)!.values;
    const last = result.ticks - 1;
    const colRegions = result.series.entities.filter((e) => e.kind === 'region' && e.country === 'COL').map((e) => e.id);
    const intoMex = result.series.entities.filter((e) => e.kind === 'route' && e.to === 'MEX').map((e) => e.id);
    expect(intoMex.length).toBeGreaterThan(0);
    for (const t of [0, Math.floor(last / 2), last]) {
      const sumOver = (table: Map<string, Float64Array>, ids: string[]) => ids.reduce((s, id) => s + table.get(id)![t], 0);
      expect(by('cultivationHa', 'country').get('COL')![t]).toBeCloseTo(sumOver(by('cultivationHa', 'region'), colRegions), 6);
      expect(by('eradicatedHa', 'country').get('COL')![t]).toBeCloseTo(sumOver(by('eradicatedHa', 'region'), colRegions), 6);
      expect(by('transitKg', 'country').get('MEX')![t]).toBeCloseTo(sumOver(by('flowKg', 'route'), intoMex), 6);
      const countries = [...by('traffickers', 'country').keys()];
      expect(by('traffickerCount', 'world').get('world')![t]).toBe(sumOver(by('traffickers', 'country'), countries));
    }
    expect(by('eradicatedHa', 'country').get('COL')!.some((v) => v > 0)).toBe(true);
  });

  it('are typed: an unknown id, or one the entity kind does not record, does not compile', () => {
    // @ts-expect-error no such measure
    expect(measureByTick(result, 'cultivationHectares', 'country')).toBeNull();
    // @ts-expect-error routes record flowKg, countries do not
    expect(measureByTick(result, 'flowKg', 'country')).toBeNull();
    expect(measureByTick(result, 'flowKg', 'route')).not.toBeNull();
  });
});
