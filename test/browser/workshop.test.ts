/// <reference lib="dom" />
/**
 * Workshop mode in headless Chromium: moving a lever re-runs the world in the live
 * worker and redraws the charts (the old state stays as an overlay), the answer is
 * the same bytes as a run in Node, the budget cannot be overspent, a story steps
 * through with the keyboard, presenter aids work, and nothing is fetched from the
 * network. Screenshots go to test-artifacts/workshop-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run';
import { parseScenarioText } from '../../sim/scenario/validate';
import type { Scenario } from '../../sim/scenario/schema';
import { LEVERS } from '../../sim/workshop/catalog';
import { planPolicies, type LeverRow } from '../../sim/workshop/plan';
import { openPage, ROOT, screenshot, skipReason, startHarness, type Harness } from './harness';

const reason = skipReason();
if (reason) console.warn(reason);

const M = 1e6;
/** Each test prepares two worlds and runs several plans: minutes on a loaded two-core machine. */
const TEST_TIMEOUT = 600_000;

/** The page with both live workers ready (quick and full-fidelity worlds prepared). */
async function openWorkshop(h: Harness): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const { page, errors } = await openPage(h, 'workshop.html');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.waitForSelector('body[data-ready="full"]', { timeout: 120_000 });
  await page.waitForSelector('#fidelity[data-fidelity="full"]', { timeout: 120_000 });
  return { page, errors, requests };
}

/** Path data of every line of a chart, by series key, once no line is moving to new data. */
async function lines(page: Page, chart: string): Promise<Record<string, string>> {
  await page.waitForSelector(`figure.chart[data-chart="${chart}"]:not([data-moving])`, { state: 'attached' });
  return page.$$eval(`figure.chart[data-chart="${chart}"] path.mark`, (paths) => Object.fromEntries(paths.map((p) => [p.getAttribute('data-series') ?? '', p.getAttribute('d') ?? ''])));
}

/** Set a range input as a released drag does: value, input, change. */
async function release(page: Page, selector: string, value: number): Promise<void> {
  await page.$eval(
    selector,
    (node, v) => {
      const input = node as HTMLInputElement;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

/** Re-runs the page has measured so far. */
async function runs(page: Page): Promise<number> {
  return Number((await page.getAttribute('#rerun-time', 'data-run')) ?? 0);
}

/** Wait until the page has measured a re-run after the `seen`-th one. */
async function nextRun(page: Page, seen: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.querySelector('#rerun-time')?.getAttribute('data-run') ?? 0) > n, seen, { timeout: 120_000 });
}

async function remaining(page: Page): Promise<number> {
  return Number(await page.getAttribute('#remaining', 'data-usd'));
}

describe.skipIf(reason !== null)('workshop mode (headless Chromium)', () => {
  let h: Harness;
  let world: Scenario;

  beforeAll(async () => {
    h = await startHarness();
    const parsed = parseScenarioText(readFileSync(join(ROOT, 'scenarios', 'baseline.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors[0].message);
    world = parsed.value;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('re-runs when a lever moves, redraws the charts over a faint copy of the old state, and matches Node', async () => {
    const { page, errors, requests } = await openWorkshop(h);
    const beforeConsumption = await lines(page, 'ws-consumption');
    const beforeCultivation = await lines(page, 'ws-displacement');
    expect(beforeConsumption.now).toMatch(/^M/);
    expect(beforeConsumption.before, 'no overlay before any change').toBeUndefined();
    await screenshot(page, 'workshop-start');

    const slider = '.lever[data-lever="eradication"] input.amount';
    const seen = await runs(page);
    await release(page, slider, 300 * M);
    await nextRun(page, seen);
    const quick = { ms: Number(await page.getAttribute('#rerun-time', 'data-ms')), text: await page.textContent('#rerun-time') };
    const first = await page.getAttribute('#partial-time', 'data-ms');
    console.log(`workshop re-run, release to redraw: ${quick.ms.toFixed(0)} ms — "${quick.text}"${first ? `; first years on screen after ${Number(first).toFixed(0)} ms` : ''}`);
    expect(quick.text).toMatch(/re-ran 2005–2015 in \d+ ms/);
    // The message reports the time it recorded, and the worker's simulation time lies inside it (release to redraw).
    expect(quick.text).toContain(`in ${Math.round(quick.ms)} ms`);
    const workerMs = Number(await page.getAttribute('#rerun-time', 'data-worker-ms'));
    expect(workerMs).toBeGreaterThan(0);
    expect(workerMs).toBeLessThanOrEqual(quick.ms);
    await page.waitForSelector('#fidelity[data-fidelity="full"]', { timeout: 120_000 });
    await page.waitForSelector('#full-time[data-ms]', { timeout: 120_000 });
    console.log(`full-fidelity answer after ${Number(await page.getAttribute('#full-time', 'data-ms')).toFixed(0)} ms`);

    const afterConsumption = await lines(page, 'ws-consumption');
    const afterCultivation = await lines(page, 'ws-displacement');
    expect(afterConsumption.now).not.toBe(beforeConsumption.now);
    expect(afterCultivation.COL, 'Colombian coca under eradication').not.toBe(beforeCultivation.COL);
    // The previous state is drawn, faint, exactly where the current one was (eradication lowers
    // these lines, so the axes, set by the highest line, are unchanged and the paths compare as text).
    expect(afterConsumption.before).toBe(beforeConsumption.now);
    expect(afterCultivation['before:COL']).toBe(beforeCultivation.COL);
    expect(await page.getAttribute('figure.chart[data-chart="ws-consumption"] path.mark[data-series="before"]', 'stroke-opacity')).toBe('0.4');
    // The lever costs what it says, and the budget shows it.
    expect(await page.textContent('.lever[data-lever="eradication"] .cost')).toBe('$300M/yr');
    expect(await remaining(page)).toBe(2000 * M - 300 * M);
    // The scatter holds both plans tried.
    expect(await page.getAttribute('figure.chart[data-chart="ws-scatter"] svg', 'data-trials')).toBe('2');

    // Same levers and seed: the hash of a run from scratch in Node.
    const rows: LeverRow[] = [{ slot: LEVERS.findIndex((l) => l.kind === 'eradication'), kind: 'eradication', country: 'COL', budgetUsdPerYear: 300 * M, start: '2005-01' }];
    const node = runScenario({ ...world, policies: planPolicies(world, rows) }, { seed: 1 });
    expect(await page.getAttribute('#ws-hash', 'data-hash')).toBe(node.hash);
    await screenshot(page, 'workshop-lever-moved');

    // Another release updates the charts in place: the same elements, a new path only where the data changed.
    const tag = (selector: string) => page.$eval(selector, (node) => node.setAttribute('data-kept', ''));
    const nowLine = 'figure.chart[data-chart="ws-consumption"] path.mark[data-series="now"]';
    const noneLine = 'figure.chart[data-chart="ws-consumption"] path.mark[data-series="none"]';
    await tag(nowLine);
    await tag(noneLine);
    await page.evaluate(() => {
      const w = window as unknown as { rebuilt: boolean; watch: MutationObserver };
      w.rebuilt = false;
      w.watch = new MutationObserver((records) => {
        if (records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && n.matches('figure.chart, .multiple')))) w.rebuilt = true;
      });
      w.watch.observe(document.querySelector('#multiples')!, { childList: true, subtree: true });
    });
    const seenAgain = await runs(page);
    await release(page, slider, 200 * M);
    await nextRun(page, seenAgain);
    const again = await lines(page, 'ws-consumption');
    expect(await page.evaluate(() => (window as unknown as { rebuilt: boolean }).rebuilt), 'no chart drawn anew').toBe(false);
    expect(await page.$(`${nowLine}[data-kept]`), 'the current plan keeps its line').not.toBeNull();
    expect(again.now).not.toBe(afterConsumption.now);
    expect(await page.$(`${noneLine}[data-kept]`), 'the world without levers keeps its line').not.toBeNull();

    // Everything came from the page's own origin: the workshop runs offline from the static build.
    expect(requests.filter((u) => !u.startsWith(h.url) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('cannot overspend the budget: sliders stop at what is left and the total cannot drop below the plan', async () => {
    const { page, errors } = await openWorkshop(h);
    await page.fill('#budget-total', '300');
    await page.press('#budget-total', 'Enter');
    await page.$eval('#budget-total', (n) => n.dispatchEvent(new Event('change', { bubbles: true })));
    expect(await remaining(page)).toBe(300 * M);
    await release(page, '.lever[data-lever="capacityFunding"] input.amount', 250 * M);
    expect(await remaining(page)).toBe(50 * M);

    // Drag the eradication slider with the mouse far past its right end.
    const slider = page.locator('.lever[data-lever="eradication"] input.amount');
    expect(await slider.getAttribute('max')).toBe(String(50 * M));
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 400, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(Number(await slider.inputValue())).toBe(50 * M);
    expect(await remaining(page)).toBe(0);
    // Asking for more by script is clamped too.
    await release(page, '.lever[data-lever="interdiction"] input.amount', 400 * M);
    expect(Number(await page.inputValue('.lever[data-lever="interdiction"] input.amount'))).toBe(0);
    expect(await page.textContent('.lever[data-lever="interdiction"] .cost')).toBe('$0/yr');
    // A prevention share can move only as much money as is left: none.
    await release(page, '.lever[data-lever="enforcementVsPrevention"] input.amount', 40);
    expect(await page.textContent('.lever[data-lever="enforcementVsPrevention"] .cost')).toContain('moves $0/yr');
    expect(await remaining(page)).toBeGreaterThanOrEqual(0);
    // The total cannot go below what the levers spend.
    await page.fill('#budget-total', '100');
    await page.$eval('#budget-total', (n) => n.dispatchEvent(new Event('change', { bubbles: true })));
    expect(await page.inputValue('#budget-total')).toBe('300');
    expect(await remaining(page)).toBe(0);
    expect(await page.textContent('.budget-note')).toContain('lower them first');
    await screenshot(page, 'workshop-budget');
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('steps through a story with the keyboard, annotating charts and map; presenter keys work', async () => {
    const { page, errors } = await openWorkshop(h);
    await page.locator('body').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#story:not([hidden])');
    const seen = await runs(page);
    const first = { title: await page.textContent('#story-title'), text: await page.textContent('#story-text'), step: await page.textContent('#story-step') };
    expect(first.step).toBe('step 1 of 5');
    expect(await page.getAttribute('.story-button[data-story="colombia"]', 'aria-pressed')).toBe('true');

    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#story-step')?.textContent === 'step 2 of 5');
    const second = { title: await page.textContent('#story-title'), text: await page.textContent('#story-text') };
    expect(second.text).not.toBe(first.text);
    expect(second.title).toContain('capacity funding');
    // The step's plan is on the levers, within the budget.
    expect(await page.textContent('.lever[data-lever="capacityFunding"] .cost')).toBe('$550M/yr');
    expect(await remaining(page)).toBe(2000 * M - 550 * M);
    // Its marker is drawn on every trade-off chart, and its countries on the map.
    await nextRun(page, seen);
    const markers = await page.$$eval('.multiples .annotation-text', (t) => t.map((x) => x.textContent));
    expect(markers).toEqual(Array(4).fill('US funding of Colombia'));
    await page.waitForSelector('.map-holder text.highlight-label');
    expect(await page.$$eval('.map-holder text.highlight-label', (t) => t.map((x) => x.textContent))).toEqual(['United States', 'Colombia']);
    await page.waitForSelector('#fidelity[data-fidelity="full"]', { timeout: 120_000 });
    await screenshot(page, 'workshop-story-step2');

    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#story-step')?.textContent === 'step 5 of 5');
    expect(await page.textContent('#story-title')).toBe('What moved where');
    await page.waitForSelector('#fidelity[data-fidelity="full"]', { timeout: 120_000 });
    await page.waitForSelector('.map-holder text.highlight-label');
    await screenshot(page, 'workshop-story-colombia-end');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('#story-step')?.textContent === 'step 4 of 5');

    // The other story, from its button; then presenter type and help.
    await page.click('.story-button[data-story="prevention"]');
    await page.locator('body').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#story-title')?.textContent === 'Move money to prevention');
    expect(await page.textContent('.lever[data-lever="enforcementVsPrevention"] .cost')).toMatch(/^45% prevention · moves \$99\dM\/yr$/);
    await page.keyboard.press('p');
    expect(await page.getAttribute('body', 'class')).toContain('presenter');
    await page.waitForSelector('#fidelity[data-fidelity="full"]', { timeout: 120_000 });
    await page.waitForSelector('.map-holder text.highlight-label');
    await screenshot(page, 'workshop-presenter');
    // F: full screen and back; Escape leaves a control so the keys act again.
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement === document.documentElement);
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.focus('#budget-total');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('?');
    expect(await page.$eval('#help', (d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    // R: back to no levers and no story.
    await page.keyboard.press('r');
    await page.waitForSelector('#story[hidden]', { state: 'attached' });
    expect(await remaining(page)).toBe(2000 * M);
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);
});
