/**
 * CPU profiles of the built app in headless Chromium, page and workers alike:
 *
 *   node --experimental-websocket --import tsx bench/profile-web.ts compare|load [DIR] [--out PREFIX]
 *
 * - compare: the default page, its workers warm (body[data-pool-warm]), then the Compare of the
 *   9 bundled scenarios × 3 seeds (as bench/app-load.ts clicks it), profiled from the click to the table;
 * - load: navigation to the first charts of the default page (and 2 s more).
 * DIR is a built app (default dist/web; build one with `npx vite build --minify false --outDir DIR`
 * for readable names). Prints the wall time, the CPU seconds of each thread of the browser
 * (from /proc: with 2 cores shared, wall time alone hides whether a thread ran or waited), and
 * the top of each thread's profile; with --out writes PREFIX-<thread>.cpuprofile (for DevTools).
 * Environment: REPEAT=N compares N times in one page (the last is profiled: N=2 profiles a
 * warm engine); NOPROFILE=1 times without the profiler; TRACE=1 sums the trace events of the
 * first compare by thread (JIT and GC work: V8.TurbofanTask, MinorGC…); JS_FLAGS passes V8
 * flags (e.g. "--trace-opt --trace-deopt") and CHROMIUM_STDOUT=FILE keeps what they print,
 * with the file's size printed at each compare; QUERY adds a query string to the page's address.
 * Host code.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startChromium, threadCpu } from './cdp';
import { serve } from './chromium';
import { printTop, traceTotals, type CpuProfile, type TraceEvent } from './profileSummary';

const args = process.argv.slice(2);
const mode = args[0] ?? 'compare';
const dir = args[1] && !args[1].startsWith('--') ? args[1] : join(import.meta.dirname, '..', 'dist', 'web');
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : null;

const SCENARIOS = ['baseline', 'asset-seizure', 'capacity-funding', 'colombia-2000s', 'enforcement-vs-prevention', 'high-value-targeting', 'intelligence-sharing', 'interdiction-same-budget', 'west-africa-route'];

const { server, url } = await serve(dir);
const { cdp, pid, close } = await startChromium(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : []);
const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
const { sessionId: page } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
const threads: { name: string; session: string }[] = [{ name: 'page', session: page }];
let profiling = mode === 'load';

const startProfiler = async (session: string) => {
  if (process.env.NOPROFILE) return;
  await cdp.send('Profiler.enable', {}, session);
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 }, session);
  await cdp.send('Profiler.start', {}, session);
};
cdp.on('Target.attachedToTarget', (params, parent) => {
  const info = params.targetInfo as { type: string; title: string; url: string };
  const session = params.sessionId as string;
  if (parent !== page) return;
  const name = `worker${threads.length}-${info.url.split('/').pop()?.replace(/-.*$/, '')}`;
  threads.push({ name, session });
  void (async () => {
    if (profiling) await startProfiler(session);
    await cdp.send('Runtime.runIfWaitingForDebugger', {}, session);
  })();
});

const evaluate = async <T>(expression: string): Promise<T> => {
  const r = await cdp.send<{ result: { value: T }; exceptionDetails?: unknown }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, page);
  if (r.exceptionDetails) throw new Error(`evaluate failed: ${JSON.stringify(r.exceptionDetails).slice(0, 300)}`);
  return r.result.value;
};
const waitFor = async (expression: string, timeoutMs = 120_000) => {
  const until = Date.now() + timeoutMs;
  while (!(await evaluate<boolean>(expression))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

await cdp.send('Page.enable', {}, page);
await cdp.send('Runtime.enable', {}, page);
await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1440, height: 900, deviceScaleFactor: 1, mobile: false }, page);
await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, page);
await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: `window.__marks = {}; new MutationObserver(() => { const m = window.__marks; if (m.charts === undefined && document.querySelector('#view figure.chart path.mark')) { m.charts = -1; requestAnimationFrame(() => (m.charts = performance.now())); } if (m.compared === undefined && document.querySelector('table.effects')) { m.compared = -1; requestAnimationFrame(() => (m.compared = performance.now())); } if (m.drawn === undefined && document.querySelector('#view[data-compare-drawn]')) { m.drawn = -1; requestAnimationFrame(() => (m.drawn = performance.now())); } }).observe(document, { subtree: true, childList: true, attributes: true });` }, page);
if (profiling) await startProfiler(page);
await cdp.send('Page.navigate', { url: process.env.QUERY ? `${url}?${process.env.QUERY}` : url }, page);

let wall = 0;
if (mode === 'load') {
  await waitFor('window.__marks && window.__marks.charts > 0');
  wall = await evaluate<number>('window.__marks.charts');
  await new Promise((r) => setTimeout(r, 2000));
} else {
  await waitFor(`document.body && document.body.dataset.poolWarm !== undefined`);
  console.log(`workers warm ${(await evaluate<number>('performance.now()')).toFixed(0)} ms after navigation`);
  await evaluate(`document.querySelector('button[data-view="compare"]').click()`);
  await waitFor(`document.querySelector('input[data-compare]') !== null`);
  await evaluate(`(() => { const ids = ${JSON.stringify(SCENARIOS)}; for (const box of document.querySelectorAll('input[data-compare]')) box.checked = ids.includes(box.value); const seeds = document.querySelector('#seeds'); seeds.value = '3'; seeds.dispatchEvent(new Event('input', { bubbles: true })); })()`);
  // REPEAT=N compares N times in the same page (the last is profiled).
  const repeats = Number(process.env.REPEAT ?? 1);
  for (let i = 0; i < repeats; i++) {
    if (i === repeats - 1) {
      profiling = true;
      await Promise.all(threads.map((t) => startProfiler(t.session)));
    }
    await evaluate(`(() => { window.__marks.compared = undefined; window.__marks.drawn = undefined; const view = document.querySelector('#view'); view.replaceChildren(); delete view.dataset.compareDrawn; })()`);
    const events: TraceEvent[] = [];
    if (process.env.TRACE && i === 0) {
      cdp.on('Tracing.dataCollected', (params) => events.push(...(params.value as typeof events)));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8', 'disabled-by-default-v8.compile', 'disabled-by-default-v8.gc', 'devtools.timeline', '__metadata'], recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
    }
    const before = threadCpu(pid);
    if (process.env.CHROMIUM_STDOUT) console.log(`stdout mark ${i + 1}: ${statSync(process.env.CHROMIUM_STDOUT).size}`);
    const clicked = await evaluate<number>(`(() => { const t = performance.now(); document.querySelector('#run').click(); return t; })()`);
    await waitFor('window.__marks.compared > 0', 300_000);
    wall = (await evaluate<number>('window.__marks.compared')) - clicked;
    const after = threadCpu(pid);
    // Builds that draw the table and the charts at once set no mark: their table time is the whole.
    const drawn = await waitFor('window.__marks.drawn > 0', 8_000).then(
      () => evaluate<number>('window.__marks.drawn'),
      () => null,
    );
    if (process.env.TRACE && i === 0) {
      const complete = new Promise((r) => cdp.on('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await complete;
      for (const [name, ms] of traceTotals(events).slice(0, 40)) console.log(`  trace ${ms.toFixed(0).padStart(6)} ms  ${name}`);
    }
    const used = [...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const).filter(([, v]) => v >= 0.05).sort((a, b) => b[1] - a[1]);
    console.log(`compare ${i + 1}: ${wall.toFixed(0)} ms to the table${drawn ? `, ${(drawn - clicked).toFixed(0)} ms to every chart` : ''}; CPU s by thread: ${used.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
  }
}
console.log(`${mode}: ${wall.toFixed(0)} ms (${threads.length - 1} workers)`);
for (const t of threads) {
  const { profile } = await cdp.send<{ profile: CpuProfile }>('Profiler.stop', {}, t.session).catch(() => ({ profile: null as unknown as CpuProfile }));
  if (!profile) continue;
  printTop(t.name, profile);
  if (out) writeFileSync(`${out}-${t.name}.cpuprofile`, JSON.stringify(profile));
}
await close();
server.close();
