/// <reference lib="dom" />
/**
 * The browser app in headless Chromium: runs the baseline in the worker and draws
 * every chart from real data, gives the same hash as Node, shows validation errors
 * of a broken file inline (and of a file that is not UTF-8, in the CLI's words), draws the route map, compares scenarios, exports files,
 * cancels, and keeps its state in the URL. Screenshots go to test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARISON_COLUMNS } from '../../sim/analysis/compare';
import { parseCsv } from '../../sim/io/csv';
import { TIDY_COLUMNS } from '../../sim/io/tidy';
import { runScenario } from '../../sim/run';
import type { RunResult } from '../../sim/results/types';
import { parseScenarioText } from '../../sim/scenario/validate';
import { openPage, ROOT, screenshot, skipReason, startHarness, type Harness } from './harness';

const reason = skipReason();
if (reason) console.warn(reason);

const baselineText = readFileSync(join(ROOT, 'scenarios', 'baseline.json'), 'utf8');

/** Points in an SVG path (moveto/lineto/curve commands). */
function pointCount(d: string | null): number {
  return (d ?? '').split(/[MLCQ]/).filter((s) => s.trim() !== '').length;
}

async function waitForRun(page: Page): Promise<string> {
  await page.waitForSelector('code.hash', { timeout: 90_000, state: 'attached' });
  return (await page.getAttribute('code.hash', 'data-hash')) ?? '';
}

describe.skipIf(reason !== null)('browser app (headless Chromium)', () => {
  let h: Harness;
  let node: RunResult;

  beforeAll(async () => {
    h = await startHarness();
    const parsed = parseScenarioText(baselineText);
    if (!parsed.ok) throw new Error(parsed.errors[0].message);
    node = runScenario(parsed.value, { seed: 1 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gives the same result hash in the browser worker as runScenario in Node (issue 4 item 7)', async () => {
    const { page } = await openPage(h);
    // The default page first shows the results stored with the app; the worker's live run then checks them.
    await page.waitForSelector('body[data-stored="same"]', { timeout: 90_000 });
    const hash = await waitForRun(page);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(hash, 'baseline seed 1: browser worker vs Node').toBe(node.hash);
    await page.context().close();
  });

  it('runs the baseline in the worker and draws every chart from its data', async () => {
    const { page, errors } = await openPage(h);
    await waitForRun(page);

    const charts = await page.$$eval('figure.chart:not(.map)', (figures) =>
      figures.map((f) => ({
        id: (f as HTMLElement).dataset.chart,
        marks: [...f.querySelectorAll('path.mark')].map((p) => p.getAttribute('d')),
        // Series are named in a legend, or (per-country lines) by labels at the line ends.
        legend: [...f.querySelectorAll('.legend-item, .end-label')].map((g) => g.getAttribute('data-series')).filter((k) => k !== 'record'),
        yTicks: [...f.querySelectorAll('.axis-y .tick text')].map((t) => t.textContent ?? '').filter((t) => t !== ''),
        xTicks: [...f.querySelectorAll('.axis-x .tick text')].map((t) => t.textContent ?? ''),
        title: f.querySelector('.title')?.textContent,
        subtitle: f.querySelector('.subtitle')?.textContent,
      })),
    );
    const ids = charts.map((c) => c.id);
    for (const id of ['cultivation', 'production', 'consumption', 'users-by-type', 'retail-price', 'seizures', 'route-flows', 'organisations', 'violence', 'police-capacity', 'policy-spend']) {
      expect(ids).toContain(id);
    }
    for (const chart of charts.filter((c) => c.id !== 'policy-spend')) {
      expect(chart.marks.length, chart.id).toBeGreaterThan(0);
      // Monthly series have a point per month; Europe's corridor shares are yearly.
      for (const d of chart.marks) expect(pointCount(d), `${chart.id} path points`).toBeGreaterThan(chart.id === 'europe-corridors' ? 14 : 100);
      expect(chart.legend.length, chart.id).toBe(chart.marks.length);
      // A y axis with real extent: its largest label is not zero.
      expect(chart.yTicks.length, chart.id).toBeGreaterThan(2);
      expect(chart.yTicks.some((t) => t !== '0'), chart.id).toBe(true);
      expect(chart.xTicks, chart.id).toContain('2000');
      expect(chart.subtitle, chart.id).toMatch(/tonnes|hectares|USD|index|organisations|per cent|people/);
    }
    // Cultivation has one line per producer country of the scenario, and only those.
    const producers = [...new Set(JSON.parse(baselineText).regions.map((r: { country: string }) => r.country))].sort();
    expect([...charts.find((c) => c.id === 'cultivation')!.legend].sort()).toEqual(producers);
    // Consumption has one line per market of the scenario.
    const markets = JSON.parse(baselineText).markets.map((m: { country: string }) => m.country).sort();
    expect([...charts.find((c) => c.id === 'consumption')!.legend].sort()).toEqual(markets);
    // The baseline has no policy levers: the spend chart says so instead of drawing.
    expect(charts.find((c) => c.id === 'policy-spend')!.marks).toEqual([]);
    expect(await page.textContent('figure[data-chart="policy-spend"] .empty')).toContain('nothing recorded');

    // Headline figures from the run summary, e.g. production in the last year.
    const production = await page.textContent('.figure-card[data-figure="producedKg.world"] .figure-value');
    // Whole tonnes with thousands separators (no "k" or "G"), as everywhere in the app.
    expect(production).toMatch(/^[\d,.]+ t\/yr$/);
    expect(Number((production ?? '').replace(/[^\d.]/g, ''))).toBeCloseTo(node.summary['producedKg.world.final'] / 1000, 0);

    // Tooltips: hovering the plot lists values.
    const box = (await page.$('figure[data-chart="consumption"] rect.hover-target'))!;
    await box.hover();
    expect(await page.textContent('figure[data-chart="consumption"] .tooltip')).toMatch(/United States: [\d.,]+/);

    expect(new URL(page.url()).searchParams.get('scenario')).toBe('baseline');
    expect(new URL(page.url()).searchParams.get('seeds')).toBe('1');
    await screenshot(page, 'app-baseline');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('exports the results as the CLI tidy CSV and a chart as SVG and PNG', async () => {
    const { page } = await openPage(h);
    await waitForRun(page);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
    expect(csv.suggestedFilename()).toMatch(/^balloon-.*-seeds-1\.csv$/);
    const records = parseCsv(readFileSync((await csv.path())!, 'utf8'));
    expect(records[0]).toEqual([...TIDY_COLUMNS]);
    // One row per recorded value: the run's series length (the same world as in Node).
    expect(records.length - 1).toBe(node.series.length);
    expect(new Set(records.slice(1).map((r) => r[6])).size).toBe(new Set(node.series.measures.map((m) => m.id)).size);
    expect(records[1][0]).toBe('1');

    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('figure[data-chart="cultivation"] button[data-export="svg"]')]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<\?xml/);
    expect(svgText).toContain('Coca cultivation by country');
    expect(svgText).toContain('class="mark line"');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('figure[data-chart="cultivation"] button[data-export="png"]')]);
    const pngBytes = readFileSync((await png.path())!);
    expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(pngBytes.length).toBeGreaterThan(10_000);
    await page.context().close();
  });

  it('shows the validation errors of a broken file inline, in the CLI words, and keeps working', async () => {
    const broken = JSON.parse(baselineText);
    broken.countries[3].corruption = 'high';
    delete broken.markets[0].users;
    const text = JSON.stringify(broken, null, 2);
    const expected = parseScenarioText(text);
    expect(expected.ok).toBe(false);
    const messages = expected.ok ? [] : expected.errors.map((e) => e.message);

    const { page, errors } = await openPage(h);
    await waitForRun(page);
    // Dropped anywhere on the page, as a user drags a file from the desktop.
    await page.evaluate(
      ([fileText]) => {
        const data = new DataTransfer();
        data.items.add(new File([fileText], 'broken.json', { type: 'application/json' }));
        document.querySelector('main')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [text],
    );
    await page.waitForSelector('.errors li.error');
    const shown = await page.$$eval('.errors li.error', (items) => items.map((i) => i.textContent));
    expect(shown).toEqual(messages);
    expect(shown.join('\n')).toContain('countries[3].corruption');
    expect(await page.textContent('.errors-head')).toContain('broken.json');
    await screenshot(page, 'app-broken-file');

    // A file saved as Latin-1: one problem naming the byte, its offset and line, as `balloon validate` says it.
    const named = baselineText.replace(/"name": "[^"]*"/, '"name": "Caf"');
    const after = Buffer.byteLength(named.slice(0, named.indexOf('"Caf') + 4));
    const latin1 = Buffer.concat([Buffer.from(named.slice(0, named.indexOf('"Caf') + 4)), Buffer.from([0xc9]), Buffer.from(named.slice(named.indexOf('"Caf') + 4))]);
    const line = named.slice(0, named.indexOf('"Caf')).split('\n').length;
    await page.setInputFiles('#scenario-file', { name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
    await page.waitForFunction(() => document.querySelector('.errors-head')?.textContent?.includes('latin1.json'));
    expect(await page.$$eval('.errors li.error', (items) => items.map((i) => i.textContent))).toEqual([
      `expected UTF-8 text, found byte 0xC9 at byte offset ${after} (line ${line}) that is not valid UTF-8; save the file as UTF-8`,
    ]);
    expect(await page.textContent('.scenarios .library')).not.toContain('Caf');
    await screenshot(page, 'app-not-utf8');

    // The page still works: a valid file opens (file picker) and runs.
    const valid = { ...JSON.parse(baselineText), name: 'Opened from disk' };
    await page.setInputFiles('#scenario-file', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(valid)) });
    await page.waitForFunction(() => document.querySelector('.results-head h2')?.textContent === 'Opened from disk', undefined, { timeout: 90_000 });
    expect(await page.isHidden('.errors')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the route map with arcs sized by flow and moves through the years', async () => {
    const { page, errors } = await openPage(h, '?scenario=baseline&seeds=1&view=map&year=2002');
    await page.waitForSelector('path.route', { timeout: 90_000 });
    const countries = await page.$$eval('path.country.in-scenario', (paths) => paths.map((p) => p.getAttribute('data-country')));
    expect(countries.length).toBeGreaterThanOrEqual(20);
    expect(countries).toContain('COL');
    const widths = async () => page.$$eval('path.route', (paths) => paths.map((p) => Number(p.getAttribute('stroke-width'))));
    const w2002 = await widths();
    expect(w2002.length).toBe(JSON.parse(baselineText).routes.length);
    expect(Math.max(...w2002)).toBeGreaterThan(3 * Math.min(...w2002.filter((w) => w > 0)));
    expect(await page.textContent('figure[data-chart="route-map"] .title')).toContain('2002');
    await page.fill('#map-year', '2012');
    await page.dispatchEvent('#map-year', 'input');
    expect(await page.textContent('figure[data-chart="route-map"] .title')).toContain('2012');
    expect(await widths()).not.toEqual(w2002);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2012');
    // Play steps through the years.
    await page.click('#map-play');
    await page.waitForFunction(() => document.querySelector('output.year')?.textContent === '2014', undefined, { timeout: 10_000 });
    await page.click('#map-play');
    await screenshot(page, 'app-route-map');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('compares two scenarios on shared axes with differences and effect estimates', async () => {
    const { page, errors } = await openPage(h, '?view=compare&seeds=1-2');
    for (const box of await page.$$('input[data-compare]')) await box.uncheck();
    await page.check('input[data-compare="baseline"]');
    await page.check('input[data-compare="colombia-2000s"]');
    await page.click('#run');
    await page.waitForSelector('table.effects', { timeout: 120_000 });
    // The effect table is drawn first, the charts after it a few per task.
    await page.waitForSelector('#view[data-compare-drawn]', { state: 'attached', timeout: 60_000 });
    const lines = await page.$$eval('figure[data-chart="cmp-cultivation"] path.mark', (paths) => paths.map((p) => p.getAttribute('data-series')));
    expect(lines.sort()).toEqual(['baseline', 'colombia-2000s']);
    // Cultivation by country side by side, one chart per scenario, on the same y axis.
    const tops = await page.$$eval('figure[data-chart^="side-cultivation-"] .axis-y', (axes) => axes.map((a) => [...a.querySelectorAll('.tick text')].map((t) => t.textContent).join('|')));
    expect(tops).toHaveLength(2);
    expect(tops[0]).toBe(tops[1]);
    // Two seeds: the mean has an interval band.
    expect(await page.$$('figure[data-chart="cmp-cultivation"] path.band')).not.toHaveLength(0);
    const diff = await page.$$eval('figure[data-chart="cmp-spend-difference"] path.mark', (paths) => paths.map((p) => p.getAttribute('data-series')));
    expect(diff).toEqual(['colombia-2000s']);
    // Plan Colombia costs money: extra spend is positive.
    const spend = await page.getAttribute('table.effects tbody tr td:nth-of-type(4)', 'data-mean');
    expect(Number(spend)).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('compare')).toBe('baseline,colombia-2000s');
    // Where the flow went: arcs of the difference map, coloured by the sign of the change.
    const shifts = await page.$$eval('figure[data-chart="shift-map"] path.route:not([display="none"])', (paths) =>
      paths.map((p) => ({ flow: Number(p.getAttribute('data-flow')), stroke: p.getAttribute('stroke') })),
    );
    expect(shifts.length).toBeGreaterThan(5);
    for (const s of shifts) expect(s.stroke).toBe(s.flow >= 0 ? '#c0392b' : '#1f78b4');
    expect(shifts.some((s) => s.flow < 0)).toBe(true);

    // The comparison as CSV: the CLI's compare columns for every summary outcome.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="comparison-csv"]')]);
    const table = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(table[0]).toEqual(['scenario', 'baseline', ...COMPARISON_COLUMNS]);
    expect(table.length - 1).toBe(Object.keys(node.summary).length);
    const spendRow = table.find((r) => r[2] === 'spendUsd.world.total')!;
    expect(spendRow[0]).toBe('Colombia in the 2000s: Plan Colombia');
    expect(Number(spendRow[5])).toBeGreaterThan(0);
    await screenshot(page, 'app-compare');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('cancels a run in flight and stays usable', async () => {
    const { page, errors } = await openPage(h, '?seeds=1-6');
    await page.waitForFunction(() => (document.querySelector('#progress') as HTMLProgressElement | null)?.value! > 0, undefined, { timeout: 60_000 });
    // A file opened while every worker is busy is still checked at once (the run goes on).
    await page.setInputFiles('#scenario-file', { name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
    await page.waitForSelector('.errors li.error');
    expect(await page.isEnabled('#cancel')).toBe(true);
    expect(await page.$$eval('.errors li.error', (items) => items.map((i) => i.textContent))).toEqual(
      (() => {
        const r = parseScenarioText('{}');
        return r.ok ? [] : r.errors.map((e) => e.message);
      })(),
    );
    await page.click('#cancel');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'Run cancelled.');
    expect(await page.isEnabled('#run')).toBe(true);
    expect(await page.$('code.hash')).toBeNull();
    await page.fill('#seeds', '3-3');
    await page.click('#run');
    expect(await waitForRun(page)).toMatch(/^[0-9a-f]{16}$/);
    expect(await page.textContent('.results-head .meta')).toContain('seed 3');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
