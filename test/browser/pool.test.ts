/// <reference lib="dom" />
/**
 * The worker pool in headless Chromium: a comparison run on several workers (one per
 * core the browser offers) gives every run bit for bit as on one worker, and as
 * runScenario in Node; the comparison is drawn either way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run';
import { parseScenarioText } from '../../sim/scenario/validate';
import { poolSize } from '../../viz/runner/pool';
import { openPage, ROOT, screenshot, skipReason, startHarness, type Harness } from './harness';

const reason = skipReason();
if (reason) console.warn(reason);

const SCENARIOS = ['baseline', 'colombia-2000s', 'west-africa-route'];
const SEEDS = [1, 2];

/** Compare the scenarios on at most `workers` workers; the run hashes the page reports, and its pool size. */
async function compareOn(h: Harness, workers: number): Promise<{ hashes: string; size: number; page: Page; errors: string[] }> {
  const { page, errors } = await openPage(h, `?view=compare&seeds=1-2&workers=${workers}`);
  await page.waitForSelector('input[data-compare]');
  for (const box of await page.$$('input[data-compare]')) await box.uncheck();
  for (const id of SCENARIOS) await page.check(`input[data-compare="${id}"]`);
  await page.click('#run');
  await page.waitForSelector('table.effects', { timeout: 300_000 });
  await page.waitForSelector('#view[data-compare-drawn]', { state: 'attached', timeout: 60_000 });
  const hashes = (await page.getAttribute('#view', 'data-run-hashes')) ?? '';
  const size = Number(await page.getAttribute('body', 'data-workers'));
  return { hashes, size, page, errors };
}

describe('pool size', () => {
  it('is one worker per core offered, at least one, never more than the tasks', () => {
    expect(poolSize(Infinity, 8)).toBe(8);
    expect(poolSize(3, 8)).toBe(3);
    expect(poolSize(Infinity, 1)).toBe(1);
    expect(poolSize(0, 4)).toBe(1);
    // Without a figure from the browser: two.
    expect(poolSize(Infinity, undefined)).toBe(2);
    expect(poolSize(Infinity, 0)).toBe(2);
  });
});

describe.skipIf(reason !== null)('worker pool (headless Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gives the same bits on several workers as on one, and as Node', async () => {
    const one = await compareOn(h, 1);
    expect(one.size).toBe(1);
    await one.page.context().close();
    const many = await compareOn(h, 64);
    const cores = await many.page.evaluate(() => navigator.hardwareConcurrency);
    expect(many.size, 'one worker per core the browser offers').toBe(Math.max(1, cores));
    await screenshot(many.page, 'app-compare-pool');
    // Every line of the comparison is drawn.
    const lines = await many.page.$$eval('figure[data-chart="cmp-cultivation"] path.mark', (paths) => paths.map((p) => p.getAttribute('data-series')).sort());
    expect(lines).toEqual([...SCENARIOS].sort());
    expect(many.errors).toEqual([]);
    await many.page.context().close();

    const node = SCENARIOS.map((id) => {
      const parsed = parseScenarioText(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.errors[0].message);
      return `${id}:${SEEDS.map((seed) => runScenario(parsed.value, { seed }).hash).join(',')}`;
    }).join(' ');
    expect(one.hashes).toBe(node);
    expect(many.hashes).toBe(one.hashes);
  });
});
