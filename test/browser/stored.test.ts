/// <reference lib="dom" />
/**
 * The results the build ships (vite.config.ts, scripts/stored-results.ts) are the
 * results of a live run, bit for bit: the binary asset in dist/web against
 * runScenario in Node (every column byte, every summary value, the hash), computed
 * from the sources in the working tree (the file name carries their key). In headless
 * Chromium the default page draws them at once, says they are stored, and its worker's
 * live run confirms them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run';
import type { RunResult } from '../../sim/results/types';
import { parseScenarioText } from '../../sim/scenario/validate';
import { decodeResults } from '../../viz/stored/codec';
import { DEFAULT_STATE } from '../../viz/state/url';
import { parseSeeds } from '../../viz/state/seeds';
import { storedKey } from '../../scripts/stored-results';
import { openPage, ROOT, screenshot, skipReason, startHarness, type Harness } from './harness';

const reason = skipReason();
if (reason) console.warn(reason);

const ASSETS = join(ROOT, 'dist', 'web', 'assets');
const scenarioFile = join(ROOT, 'scenarios', `${DEFAULT_STATE.scenario}.json`);

function shipped(): { name: string; results: RunResult[]; scenario: unknown } {
  const names = readdirSync(ASSETS).filter((n) => n.startsWith(`${DEFAULT_STATE.scenario}-`) && n.endsWith('.bin'));
  if (names.length !== 1) throw new Error(`${ASSETS}: expected one ${DEFAULT_STATE.scenario}-*.bin (run npm run build), found ${names.length}`);
  const bytes = readFileSync(join(ASSETS, names[0]));
  const { results, extra } = decodeResults(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { name: names[0], results, scenario: extra };
}

const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('stored results shipped with the build', () => {
  it('were computed from the sources in this working tree (the asset carries their key)', () => {
    const { name } = shipped();
    expect(name.startsWith(`${DEFAULT_STATE.scenario}-${storedKey(ROOT, scenarioFile).slice(0, 16)}-`), `${name}: built from other sources than the working tree's; run npm run build`).toBe(true);
  });

  it('equal a live run in Node bit for bit', () => {
    const { results, scenario } = shipped();
    const parsed = parseScenarioText(readFileSync(scenarioFile, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors[0].message);
    expect(scenario, 'the validated scenario stored with them').toEqual(JSON.parse(JSON.stringify(parsed.value)));
    expect(parsed.value.policies, 'a default scenario with policies would store its twin too; this test checks the scenario runs only').toEqual([]);
    const seeds = parseSeeds(DEFAULT_STATE.seeds, DEFAULT_STATE.first ?? 1);
    expect(results.map((r) => r.seed), 'the default seeds').toEqual(seeds.ok ? seeds.seeds : []);
    for (const stored of results) {
      const live = runScenario(parsed.value, { seed: stored.seed });
      expect(stored.hash).toBe(live.hash);
      expect(stored.series.length).toBe(live.series.length);
      const n = live.series.length;
      for (const column of ['tick', 'entity', 'measure', 'value'] as const) {
        expect(bytesOf(stored.series[column]).equals(bytesOf(live.series[column].subarray(0, n))), `column ${column}`).toBe(true);
      }
      expect(stored.series.entities).toEqual(live.series.entities);
      expect(stored.series.measures).toEqual(live.series.measures);
      expect(Object.keys(stored.summary)).toEqual(Object.keys(live.summary));
      const a = new Float64Array(Object.values(stored.summary));
      const b = new Float64Array(Object.values(live.summary));
      expect(bytesOf(a).equals(bytesOf(b)), 'summary values').toBe(true);
      expect({ ...stored, series: null, summary: null }).toEqual({ ...live, series: null, summary: null });
    }
  });
});

describe.skipIf(reason !== null)('stored results in the browser (headless Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('draws them at once, says so, and the live run in the worker confirms them', async () => {
    const { page, errors } = await openPage(h);
    await page.waitForSelector('#stored-note', { timeout: 30_000 });
    expect(await page.textContent('#stored-note')).toMatch(/^Stored result, computed when this app was built/);
    const marks = await page.$$eval('figure.chart[data-chart="cultivation"] path.mark', (paths) => paths.map((p) => (p.getAttribute('d') ?? '').length));
    expect(marks.length).toBeGreaterThan(0);
    for (const length of marks) expect(length).toBeGreaterThan(100);
    await screenshot(page, 'app-stored');
    await page.waitForSelector('body[data-stored="same"]', { timeout: 90_000 });
    expect(await page.getAttribute('#stored-note', 'data-stored')).toBe('same');
    expect(await page.textContent('#status')).toMatch(/^Checked: a live run of .* gives the same result as the one stored with the app \(hash [0-9a-f]{16}\)\.$/);
    const { results } = shipped();
    expect(await page.getAttribute('code.hash', 'data-hash')).toBe(results[0].hash);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('workshop mode draws the stored world without levers at once and its live workers confirm it', async () => {
    const { page, errors } = await openPage(h, 'workshop.html');
    await page.waitForSelector('#multiples figure.chart[data-chart="ws-consumption"] path.mark', { timeout: 30_000 });
    expect(await page.getAttribute('body', 'data-stored')).toMatch(/^(checking|same)$/);
    await page.waitForSelector('body[data-ready="full"]', { timeout: 120_000 });
    expect(await page.getAttribute('body', 'data-stored')).toBe('same');
    expect(await page.getAttribute('#fidelity', 'data-fidelity')).toBe('full');
    expect(await page.textContent('#fidelity')).toBe('Full fidelity');
    await screenshot(page, 'workshop-stored');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('runs live, with nothing stored, for other seeds', async () => {
    const { page, errors } = await openPage(h, '?scenario=baseline&seeds=2');
    await page.waitForSelector('code.hash', { timeout: 90_000, state: 'attached' });
    expect(await page.$('#stored-note')).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
