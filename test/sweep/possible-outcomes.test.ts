/**
 * Outcomes left out of a sweep's runs.csv (sim/results/possible.ts) are exactly those that
 * are zero by construction: checked on real runs of bundled scenarios, with and without
 * policies, and on a sweep's runs.csv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../sim/io/csv';
import { possibleOutcome } from '../../sim/results/possible';
import { runScenario } from '../../sim/run';
import type { ScenarioInput } from '../../sim/scenario/schema';
import { loadScenario } from '../../sim/scenario/validate';
import { balloon, ensureBuilt, ROOT, tempDir } from '../cli/helpers';

const bundled = (name: string) => loadScenario(JSON.parse(readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8')) as ScenarioInput);

describe('possible outcomes', () => {
  it.each(['baseline', 'colombia-2000s', 'intelligence-sharing'])('%s: every outcome left out is zero, and the producers, payers and outcomes of the model stay', (name) => {
    const scenario = bundled(name);
    const result = runScenario({ ...scenario, end: scenario.start.replace(/^(\d{4})/, (y) => String(Number(y) + 2)) }, { seed: 3 });
    const possible = possibleOutcome(result.series.entities);
    const keys = Object.keys(result.summary);
    const dropped = keys.filter((k) => !possible(k));
    for (const k of dropped) expect(result.summary[k], k).toBe(0);
    expect(dropped.length).toBeGreaterThan(20);
    expect(dropped).toContain('cultivationHa.USA.final');
    expect(dropped).toContain('productionKg.ESP.initial');
    for (const k of ['cultivationHa.COL.final', 'productionKg.PER.initial', 'cultivationHa.world.final', 'seizuresKg.USA.final', 'consumptionKg.USA.final', 'northernConsumptionKg.final']) {
      expect(possible(k), k).toBe(true);
    }
    const policies = scenario.policies.length;
    expect(possible('spendUsd.world.total')).toBe(policies > 0);
    if (name === 'colombia-2000s') {
      // Spending is counted where the money is spent (Colombia, also for the US-funded capacity).
      expect(possible('spendUsd.COL.final')).toBe(true);
      expect(result.summary['spendUsd.COL.final']).toBeGreaterThan(0);
      expect(possible('spendUsd.ESP.final')).toBe(false);
    }
    // Intelligence sharing splits its cost among members the entities do not name: every country may spend.
    if (name === 'intelligence-sharing') expect(possible('spendUsd.PAN.final')).toBe(true);
  }, 60_000);
});

describe('a sweep of the baseline', () => {
  beforeAll(() => ensureBuilt());

  it('has no column of cultivation or production for countries without coca, and none of spending without policies', () => {
    const dir = tempDir();
    const file = join(dir, 'sweep.json');
    writeFileSync(file, JSON.stringify({ name: 'b', base: 'baseline', parameters: [{ path: 'countries.COL.corruption', min: 0.3, max: 0.8 }], design: { type: 'random', points: 2, seed: 1 }, outputs: { measures: ['cultivationHa', 'productionKg', 'spendUsd', 'seizuresKg'] } }));
    const out = join(dir, 'out');
    expect(balloon(['sweep', file, '--out', out, '-q', '--workers', '1']).code).toBe(0);
    const [header] = parseCsv(readFileSync(join(out, 'runs.csv'), 'utf8'));
    const countries = (m: string) => header.filter((c) => c.startsWith(`${m}.`) && /^[A-Z]{3}$/.test(c.split('.')[1])).map((c) => c.split('.')[1]);
    expect(new Set(countries('cultivationHa'))).toEqual(new Set(['COL', 'PER', 'BOL']));
    expect(new Set(countries('productionKg'))).toEqual(new Set(['COL', 'PER', 'BOL']));
    expect(header.filter((c) => c.startsWith('spendUsd.'))).toEqual([]);
    expect(header).toContain('seizuresKg.ESP.final');
  }, 120_000);
});
