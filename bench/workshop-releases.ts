/**
 * Workshop mode as a facilitator uses it, in headless Chromium on the built app:
 * scripted slider releases, each on a lever chosen at random whose start year was
 * first set at random (that change is answered before the release). For each
 * release, from the moment the slider is let go (page clock):
 * - first change: the trade-off charts first change on screen (growing partial lines
 *   or the whole answer), at the next animation frame;
 * - complete: the whole answer for the released value on screen at workshop fidelity
 *   (or better), i.e. the page's re-run counter moves for that plan.
 * Growth: the same figures over releases 1-30 against 71-100 (when 100 are run), and
 * the page's JS heap after a forced GC before and after. The random choices come from
 * a fixed seed, so every bench run plays the same releases.
 */
import { join } from 'node:path';
import { spread, type Spread } from './stats';
import { chromiumMissing, launch, percentile, serve, type BenchPage } from './chromium';

export interface ReleaseFigures {
  firstChangeMs: Spread & { p90: number };
  completeMs: Spread & { p90: number };
}

export type WorkshopFigures =
  | {
      ok: true;
      releases: number;
      /** The first 30 releases (the target). */
      first30: ReleaseFigures;
      /** Of the complete answer, the time the quick worker took (re-run and digest), releases 1-30. */
      workerMs: Spread & { p90: number };
      /** Releases 71-100 when run: no growth means these match the first 30. */
      last30: ReleaseFigures | null;
      /** Page JS heap after a forced GC, MB: after warm-up and after the last release. */
      heapMb: { start: number; end: number };
    }
  | { ok: false; skipped: string };

const OBSERVER = `
(() => {
  const watch = () => {
    const multiples = document.querySelector('#multiples');
    const rerun = document.querySelector('#rerun-time');
    if (!multiples || !rerun) return setTimeout(watch, 50);
    new MutationObserver(() => {
      const r = window.__release;
      if (r && r.first === undefined) { r.first = -1; requestAnimationFrame(() => (r.first = performance.now() - r.t0)); }
    }).observe(multiples, { subtree: true, childList: true, attributes: true });
    new MutationObserver(() => {
      const r = window.__release;
      if (r && r.done === undefined && Number(rerun.dataset.run ?? 0) > r.run) {
        r.done = performance.now() - r.t0;
        r.worker = Number(rerun.dataset.workerMs);
        r.fidelity = rerun.dataset.fidelity;
      }
    }).observe(rerun, { attributes: true });
  };
  addEventListener('DOMContentLoaded', watch);
})();`;

/** A small deterministic generator for the scripted choices (host code). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function figures(first: number[], done: number[]): ReleaseFigures {
  return { firstChangeMs: { ...spread(first), p90: percentile(first, 90) }, completeMs: { ...spread(done), p90: percentile(done, 90) } };
}

const runCount = (page: BenchPage) => page.evaluate<number>(`Number(document.querySelector('#rerun-time').dataset.run ?? 0)`);

async function heapMb(page: BenchPage): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / 2 ** 20;
}

export async function measureWorkshop(
  root: string,
  releases: number,
  onRelease?: (i: number, first: number, done: number, workerMs: number, lever: string) => void,
): Promise<WorkshopFigures> {
  const missing = chromiumMissing(root);
  if (missing) return { ok: false, skipped: missing };
  const { server, url } = await serve(join(root, 'dist', 'web'));
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(OBSERVER);
    await page.goto(`${url}workshop.html`);
    await page.waitForSelector('body[data-ready="full"]', { timeout: 120_000, state: 'attached' });
    await page.waitForSelector('#fidelity[data-fidelity="full"]', { timeout: 120_000, state: 'attached' });
    const levers = await page.evaluate<string[]>(`[...document.querySelectorAll('.lever[data-lever]')].map((l) => l.dataset.lever)`);
    const random = lcg(17);
    const first: number[] = [];
    const done: number[] = [];
    const worker: number[] = [];
    let heapStart = 0;
    let previous: string | null = null;
    for (let i = 0; i < releases; i++) {
      if (i === 1) heapStart = await heapMb(page);
      const lever = levers[Math.floor(random() * levers.length)];
      const yearPick = random();
      const amountPick = 0.1 + 0.8 * random();
      // The lever's start year, and the lever released before back to nothing (one lever on at a
      // time, so the budget never runs out): one change the page answers before the slider moves.
      const seen = await runCount(page);
      const changed = await page.evaluate<boolean>(
        `(() => {
          let changed = false;
          const before = ${JSON.stringify(previous)};
          if (before && before !== '${lever}') {
            const old = document.querySelector('.lever[data-lever="' + before + '"] input.amount');
            if (old.value !== '0') {
              old.value = '0';
              old.dispatchEvent(new Event('input', { bubbles: true }));
              changed = true;
            }
          }
          const select = document.querySelector('.lever[data-lever="${lever}"] select[data-field="start"]');
          const options = [...select.options].map((o) => o.value);
          const value = options[Math.floor(${yearPick} * options.length)];
          // A lever that spends nothing runs no policy: moving its start year changes no plan.
          const amount = document.querySelector('.lever[data-lever="${lever}"] input.amount');
          changed ||= select.value !== value && amount.value !== '0';
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          return changed;
        })()`,
      );
      previous = lever;
      if (changed) await page.waitForFunction(`Number(document.querySelector('#rerun-time').dataset.run ?? 0) > ${seen}`, null, { timeout: 120_000 });
      await new Promise((r) => setTimeout(r, 300)); // host-only: the facilitator reaches for the slider
      // ... once the charts are at rest (lines still moving to an earlier answer would count as this release's first change).
      await page.waitForFunction(`!document.querySelector('#multiples [data-moving]')`, null, { timeout: 120_000 });
      await page.evaluate(
        `(() => {
          const input = document.querySelector('.lever[data-lever="${lever}"] input.amount');
          const min = Number(input.min), max = Number(input.max), step = Number(input.step) || 1;
          let value = min + Math.round((${amountPick} * (max - min)) / step) * step;
          if (String(value) === input.value) value = Math.max(min, value - step);
          window.__release = { t0: performance.now(), run: Number(document.querySelector('#rerun-time').dataset.run ?? 0) };
          input.value = String(value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new Event('change', { bubbles: true }));
        })()`,
      );
      await page.waitForFunction(`window.__release.done !== undefined && window.__release.first > 0`, null, { timeout: 120_000 });
      const r = await page.evaluate<{ first: number; done: number; worker: number; fidelity: string }>(`window.__release`);
      first.push(Math.min(r.first, r.done));
      done.push(r.done);
      worker.push(r.worker);
      onRelease?.(i, Math.min(r.first, r.done), r.done, r.worker, lever);
      if (errors.length > 0) return { ok: false, skipped: `workshop page error: ${errors[0]}` };
    }
    const heapEnd = await heapMb(page);
    return {
      ok: true,
      releases,
      first30: figures(first.slice(0, 30), done.slice(0, 30)),
      workerMs: { ...spread(worker.slice(0, 30)), p90: percentile(worker.slice(0, 30), 90) },
      last30: releases >= 100 ? figures(first.slice(70, 100), done.slice(70, 100)) : null,
      heapMb: { start: heapStart, end: heapEnd },
    };
  } finally {
    await browser.close();
    server.close();
  }
}
