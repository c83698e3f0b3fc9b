/**
 * How soon the browser app answers a new user, in headless Chromium on the built app
 * (dist/web), each page in a fresh context (empty cache):
 * - first charts: navigation to the default page → the first chart line painted;
 * - workshop usable: navigation to workshop.html → its charts painted and the live
 *   worker ready to answer a lever (body[data-ready]);
 * - compare: the nine bundled scenarios × 3 seeds, click on Compare → the effect table on
 *   screen (the answer), and → every chart drawn (they follow a few per task).
 * Times come from the page's clock (performance.now(), 0 = navigation start), read
 * by a MutationObserver installed before the page's scripts, at the next animation frame.
 */
import { spread, type Spread } from './stats';
import { chromiumMissing, launch, serve, type BenchBrowser, type BenchPage } from './chromium';
import { join } from 'node:path';

export type AppFigures =
  | {
      ok: true;
      /** ms after navigation. */
      firstChartsMs: Spread;
      workshopChartsMs: Spread;
      workshopReadyMs: Spread;
      /** The later of the two: charts on screen and a lever answered. */
      workshopUsableMs: Spread;
      /** Click to the comparison's effect table on screen, ms. */
      compareMs: Spread;
      /** Click to every chart of the comparison drawn (they follow the table a few per task), ms. */
      compareDrawnMs: Spread;
      /** When the page had warmed its workers (ms after navigation to the default page), before the click. */
      compareWarmMs: Spread;
      compareRuns: number;
      workers: number;
      /** Whether the first charts came from the stored (build-time) results. */
      storedFirst: boolean;
    }
  | { ok: false; skipped: string };

/** Installed before any page script: notes when each landmark is first on screen. */
const OBSERVER = `
window.__marks = {};
(() => {
  const marks = window.__marks;
  const at = (name) => { if (marks[name] === undefined) { marks[name] = -1; requestAnimationFrame(() => (marks[name] = performance.now())); } };
  const check = () => {
    if (document.querySelector('#view figure.chart path.mark')) at('charts');
    if (document.querySelector('#multiples figure.chart path.mark')) at('wsCharts');
    if (document.body && document.body.dataset.ready) at('wsReady');
    if (document.querySelector('table.effects')) at('compared');
    if (document.querySelector('#view[data-compare-drawn]')) at('compareDrawn');
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function mark(page: BenchPage, name: string, timeout: number): Promise<number> {
  await page.waitForFunction(`window.__marks && window.__marks[${JSON.stringify(name)}] > 0`, null, { timeout });
  return page.evaluate<number>(`window.__marks[${JSON.stringify(name)}]`);
}

async function fresh(browser: BenchBrowser): Promise<{ page: BenchPage; close: () => Promise<void>; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(OBSERVER);
  return { page, close: () => context.close(), errors };
}

const SCENARIOS = ['baseline', 'asset-seizure', 'capacity-funding', 'colombia-2000s', 'enforcement-vs-prevention', 'high-value-targeting', 'intelligence-sharing', 'interdiction-same-budget', 'west-africa-route'];

export async function measureApp(root: string, loads: number, compares: number): Promise<AppFigures> {
  const missing = chromiumMissing(root);
  if (missing) return { ok: false, skipped: missing };
  const { server, url } = await serve(join(root, 'dist', 'web'));
  const browser = await launch();
  try {
    const first: number[] = [];
    let storedFirst = false;
    for (let i = 0; i < loads; i++) {
      const { page, close, errors } = await fresh(browser);
      await page.goto(url);
      first.push(await mark(page, 'charts', 120_000));
      storedFirst = await page.evaluate<boolean>(`document.querySelector('#stored-note') !== null`);
      // Let the live run (or the stored results' check) finish before the next load shares the CPU with it.
      await page.waitForFunction(`document.querySelector('code.hash') !== null && document.body.dataset.stored !== 'checking'`, null, { timeout: 120_000 });
      await close();
      if (errors.length > 0) return { ok: false, skipped: `page error: ${errors[0]}` };
    }
    const wsCharts: number[] = [];
    const wsReady: number[] = [];
    for (let i = 0; i < loads; i++) {
      const { page, close, errors } = await fresh(browser);
      await page.goto(`${url}workshop.html`);
      wsCharts.push(await mark(page, 'wsCharts', 120_000));
      wsReady.push(await mark(page, 'wsReady', 120_000));
      await page.waitForSelector('body[data-ready="full"]', { timeout: 120_000, state: 'attached' });
      await close();
      if (errors.length > 0) return { ok: false, skipped: `workshop page error: ${errors[0]}` };
    }
    const compare: number[] = [];
    const compareDrawn: number[] = [];
    let workers = 0;
    const warmMs: number[] = [];
    for (let i = 0; i < compares; i++) {
      // As a user comes to it: the default page, then the Compare tab, nine boxes ticked, 3 seeds, Compare.
      // While the user reads the first page and ticks the boxes, the page warms its workers' engines
      // (body[data-pool-warm]); the click comes when that is done (its time after navigation is printed).
      const { page, close, errors } = await fresh(browser);
      await page.goto(url);
      await page.waitForSelector('body[data-pool-warm]', { timeout: 120_000, state: 'attached' });
      warmMs.push(await page.evaluate<number>('performance.now()'));
      await page.click('button[data-view="compare"]');
      await page.waitForSelector('input[data-compare]', { timeout: 60_000 });
      await page.evaluate((ids: string[]) => {
        for (const box of document.querySelectorAll<HTMLInputElement>('input[data-compare]')) box.checked = ids.includes(box.value);
      }, SCENARIOS as never);
      await page.evaluate(`(() => { const seeds = document.querySelector('#seeds'); seeds.value = '3'; seeds.dispatchEvent(new Event('input', { bubbles: true })); })()`);
      const clicked = await page.evaluate<number>(() => {
        const t = performance.now();
        (document.querySelector('#run') as HTMLButtonElement).click();
        return t;
      });
      compare.push((await mark(page, 'compared', 300_000)) - clicked);
      compareDrawn.push((await mark(page, 'compareDrawn', 120_000)) - clicked);
      workers = await page.evaluate<number>(`Number(document.body.dataset.workers ?? 0)`);
      await close();
      if (errors.length > 0) return { ok: false, skipped: `compare page error: ${errors[0]}` };
    }
    const usable = wsCharts.map((c, i) => Math.max(c, wsReady[i]));
    return {
      ok: true,
      firstChartsMs: spread(first),
      workshopChartsMs: spread(wsCharts),
      workshopReadyMs: spread(wsReady),
      workshopUsableMs: spread(usable),
      compareMs: spread(compare),
      compareDrawnMs: spread(compareDrawn),
      compareWarmMs: spread(warmMs),
      compareRuns: SCENARIOS.length * 3,
      workers,
      storedFirst,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
