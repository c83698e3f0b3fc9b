import { describe, expect, it } from 'vitest';
import { allMeasuresByTick, measureByTick } from '../../sim/analysis/extract';
import { runScenario } from '../../sim/run';
import { fixture } from './fixture';

describe('measureByTick', () => {
  const result = runScenario(fixture(), { seed: 3 });

  it('reads a run and measure once, with the same columns as a pass over every row', () => {
    const first = measureByTick(result, 'consumptionKg', 'market');
    expect(first).not.toBeNull();
    expect(measureByTick(result, 'consumptionKg', 'market')).toBe(first);
    const all = allMeasuresByTick(result).get('market/consumptionKg')!;
    expect([...first!.values.keys()].sort()).toEqual([...all.values.keys()].sort());
    for (const [id, column] of all.values) expect(first!.values.get(id)).toEqual(column);
  });

  it('reads again when the series has more rows than when it was read', () => {
    // A live run's recorded rows grow: the same columns, a longer series.
    const half = Math.floor(result.series.length / 2);
    const series = { ...result.series, length: half };
    const partial = { ...result, series };
    const before = measureByTick(partial, 'consumptionKg', 'market')!;
    series.length = result.series.length;
    const after = measureByTick(partial, 'consumptionKg', 'market')!;
    expect(after).not.toBe(before);
    expect(after.values.get([...after.values.keys()][0])).toEqual(measureByTick(result, 'consumptionKg', 'market')!.values.get([...after.values.keys()][0]));
  });
});
