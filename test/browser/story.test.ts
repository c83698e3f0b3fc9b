/// <reference lib="dom" />
/**
 * Issue 16, the story on screen, in headless Chromium: effects for every supply-side
 * scenario in Compare, per-country change, routes change, the record, the keyboard,
 * links that reproduce the screen, presenter sizes, exports and phones.
 * Screenshots go to test-artifacts/story-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corridorShares } from '../../sim/analysis/corridors';
import { entityChanges } from '../../sim/analysis/entityChange';
import { measureByTick } from '../../sim/analysis/extract';
import { runScenario } from '../../sim/run';
import type { Scenario } from '../../sim/scenario/schema';
import { parseScenarioText } from '../../sim/scenario/validate';
import { formatChange } from '../../viz/charts/format';
import { CHART_CSV_COLUMNS } from '../../viz/export/chartCsv';
import { parseCsv } from '../../sim/io/csv';
import { openPage, ROOT, screenshot, skipReason, startHarness, type Harness } from './harness';

const reason = skipReason();
if (reason) console.warn(reason);

const TEST_TIMEOUT = 600_000;

function load(name: string): Scenario {
  const parsed = parseScenarioText(readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors[0].message);
  return parsed.value;
}

/** Every effect cell of the table, by scenario id and column index (0 = first number column). */
async function effectCells(page: Page) {
  return page.$$eval('table.effects tbody tr', (rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-scenario') ?? '',
      cells: [...row.querySelectorAll('td')].map((td) => ({
        text: td.textContent ?? '',
        mean: td.getAttribute('data-mean'),
        lo: Number(td.getAttribute('data-lo')),
        hi: Number(td.getAttribute('data-hi')),
        reason: td.getAttribute('data-reason'),
        wide: td.classList.contains('wide'),
        interval: td.querySelector('.interval')?.textContent ?? '',
      })),
    })),
  );
}

/** "[−0.4, 0.24]" → [-0.4, 0.24]; "$", "%", thousands separators and "million"/"billion" are read as shown. */
function bounds(interval: string): [number, number] | null {
  const m = /^\[(.+), (.+)\]$/.exec(interval.trim());
  if (!m) return null;
  const read = (t: string) => {
    const clean = t.replace(/−/g, '-').replace(/[$%\s,]/g, '');
    const word = /(million|billion)$/.exec(clean)?.[1];
    return Number(clean.replace(/(million|billion)$/, '')) * (word === 'billion' ? 1e9 : word === 'million' ? 1e6 : 1);
  };
  return [read(m[1]), read(m[2])];
}

/** Texts of the page's charts that run off their chart's edge (legends, labels at the line ends, titles…). */
async function textsOffChart(page: Page): Promise<string[]> {
  return page.$$eval('figure.chart svg', (svgs) =>
    svgs.flatMap((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')]
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
        })
        .map((t) => `${svg.closest('figure')?.getAttribute('data-chart')}: "${t.textContent}" ${(t.getBoundingClientRect().right - box.right).toFixed(1)} px over`);
    }),
  );
}

describe.skipIf(reason !== null)('the story on screen (issue 16, headless Chromium)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('Compare gives every supply-side scenario its displacement, cost per kg and violence change, with intervals and a note when seeds are too few', async () => {
    const ids = ['baseline', 'colombia-2000s', 'interdiction-same-budget', 'west-africa-route', 'asset-seizure'];
    const { page, errors } = await openPage(h, `?view=compare&seeds=3&compare=${ids.join(',')}`);
    await page.waitForSelector('table.effects', { timeout: 300_000 });
    // The table first, then the charts a few per task.
    await page.waitForSelector('#view[data-compare-drawn]', { state: 'attached', timeout: 60_000 });
    // The side panel drives only the comparison: no scenario list, a Compare button.
    expect(await page.isHidden('.panel.scenarios')).toBe(true);
    expect(await page.textContent('#run')).toBe('Compare');
    expect(await page.textContent('#status')).toMatch(/5 scenarios × 3 seeds \(1–3\)/);

    const rows = await effectCells(page);
    expect(rows.map((r) => r.id)).toEqual(ids.slice(1));
    const byId = Object.fromEntries(rows.map((r) => [r.id, r.cells]));
    // Columns: coca ha, coca kg, routes, spend, cost per kg, Δ consumption, Δ violence.
    // Plan Colombia adds eradication (coca) and interdiction (routes); the others add interdiction.
    expect(byId['colombia-2000s'][0].mean, `coca displacement of Plan Colombia: ${byId['colombia-2000s'][0].text}`).not.toBeNull();
    expect(byId['colombia-2000s'][1].mean, 'coca displacement in kilograms').not.toBeNull();
    for (const id of ['interdiction-same-budget', 'west-africa-route']) {
      const routes = byId[id][2];
      expect(routes.mean ?? routes.reason, id).not.toMatch(/demand or organisations/);
      expect(routes.mean, `${id} route displacement: ${routes.text}`).not.toBeNull();
      expect(byId[id][0].reason).toBe('no coca lever added');
    }
    // A demand-side or organisation lever has no displacement target, and says so in words.
    expect(byId['asset-seizure'][0].reason).toBe('no coca lever added');
    expect(byId['asset-seizure'][2].reason).toBe('no route lever added');
    for (const { id, cells } of rows) {
      // Every scenario spends money: spend and violence change are shown, each with an interval.
      expect(Number(cells[3].mean), `${id} spend`).toBeGreaterThan(0);
      expect(cells[6].text, `${id} violence`).toMatch(/%/);
      for (const c of cells.filter((c) => c.mean !== null)) {
        const b = bounds(c.interval);
        expect(b, `${id}: interval of ${c.text}`).not.toBeNull();
        // The interval shown is the one computed, to the display's rounding (3 significant digits, or
        // 0.1 percentage point: "0 %" is a bound within ±0.05 %).
        expect(c.lo, `${id}: ${c.text}`).toBeLessThanOrEqual(c.hi);
        for (const [shown, exact] of [[b![0], c.lo], [b![1], c.hi]]) expect(Math.abs(shown - exact), `${id}: ${c.interval} vs [${c.lo}, ${c.hi}]`).toBeLessThanOrEqual(Math.max(0.06, 0.05 * Math.abs(exact)));
        // Marked as uninformative exactly when the interval spans zero (3 seeds < 10), judged on the
        // numbers, not on the rounded text ("[0 %, +14 %]" can be a lower bound of +0.03 %).
        expect(c.wide, `${id}: ${c.text} [${c.lo}, ${c.hi}]`).toBe(c.lo <= 0 && c.hi >= 0);
      }
      // Cost per kg when northern consumption fell, else the reason.
      const fell = Number(cells[5].mean) < 0;
      if (fell) expect(cells[4].text, id).toMatch(/^\$/);
      else expect(cells[4].reason, id).toBe('northern consumption did not fall');
    }
    const marked = rows.some((r) => r.cells.some((c) => c.wide));
    expect(await page.isVisible('#effects-caveat')).toBe(marked);
    if (marked) expect(await page.textContent('#effects-caveat')).toMatch(/3 seeds .* cannot tell the sign/);
    // Side by side: each scenario's producers, with their change against the baseline on the same seeds.
    expect(await page.textContent('figure[data-chart="side-cultivation-colombia-2000s"] .end-label[data-series="COL"] text.end-note')).toMatch(/^[+−][\d.]+ % vs baseline, 2015$/);
    expect(await page.$$('figure[data-chart="side-cultivation-baseline"] text.end-note')).toHaveLength(0);
    await screenshot(page, 'story-compare-effects');
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('Compare with one seed says plainly that there is no interval', async () => {
    const { page, errors } = await openPage(h, '?view=compare&seeds=1&compare=baseline,west-africa-route');
    // While it runs, the page says so (not "tick two scenarios").
    expect(await page.textContent('#compare-empty')).toBe('Running the comparison…');
    await page.waitForSelector('table.effects', { timeout: 300_000 });
    expect(await page.textContent('#effects-caveat')).toContain('One seed gives no interval');
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('a scenario keeps its colour whatever it is compared with', async () => {
    const colour = async (query: string) => {
      const { page } = await openPage(h, query);
      await page.waitForSelector('figure[data-chart="cmp-cultivation"] path.mark', { timeout: 300_000 });
      const c = await page.getAttribute('figure[data-chart="cmp-cultivation"] path.mark[data-series="west-africa-route"]', 'stroke');
      await page.context().close();
      return c;
    };
    const a = await colour('?view=compare&seeds=1&compare=baseline,west-africa-route');
    const b = await colour('?view=compare&seeds=1&compare=colombia-2000s,west-africa-route&baseline=colombia-2000s');
    expect(a).toMatch(/^#/);
    expect(b).toBe(a);
  }, TEST_TIMEOUT);

  it('shows each producer’s change since the start and against the no-policy twin, as cards and as labels at the line ends', async () => {
    const scenario = load('colombia-2000s');
    const seeds = [1, 2];
    const runs = seeds.map((seed) => runScenario(scenario, { seed }));
    const twin = seeds.map((seed) => runScenario({ ...scenario, policies: [] }, { seed }));
    const expected = entityChanges(runs, twin, 'cultivationHa', 'country');
    expect(expected.map((c) => c.id).sort()).toEqual(['BOL', 'COL', 'PER']);

    const { page, errors } = await openPage(h, '?scenario=colombia-2000s&seeds=2');
    await page.waitForSelector('#country-changes .country-card', { timeout: 300_000 });
    for (const c of expected) {
      const card = `#country-changes .country-card[data-country="${c.id}"][data-measure="coca"]`;
      expect(Number(await page.getAttribute(`${card} .country-change`, 'data-change')), c.id).toBeCloseTo(c.sinceStart.mean, 9);
      expect(await page.textContent(`${card} .country-change`)).toBe(formatChange(c.sinceStart.mean));
      // Against the twin: the same world without policies on the same seeds.
      expect(Number(await page.getAttribute(`${card} .vs-twin`, 'data-vs-twin')), `${c.id} vs twin`).toBeCloseTo(c.vsTwin!.mean, 9);
      expect(await page.textContent(`${card} .vs-twin`)).toContain(`${formatChange(c.vsTwin!.mean)} vs no policy`);
      // The cultivation chart: one line per country, labelled at its end with the same change.
      expect(await page.textContent(`figure[data-chart="cultivation"] .end-label[data-series="${c.id}"] text`)).toBe(`${c.label} ${formatChange(c.sinceStart.mean)}`);
      expect(await page.getAttribute(`figure[data-chart="cultivation"] path.mark[data-series="twin:${c.id}"]`, 'stroke-dasharray')).toBe('5 3');
      expect(await page.textContent(`figure[data-chart="cultivation"] .end-label[data-series="${c.id}"] text.end-note`)).toBe(`${formatChange(c.vsTwin!.mean)} vs no policy, ${c.lastYear}`);
    }
    // Lines, not stacked areas: Peru's line is its own value, not stacked on Colombia's.
    expect(await page.$$('figure[data-chart="cultivation"] path.area')).toHaveLength(0);
    // Labels do not overlap: at least 12 px apart.
    const ys = (await page.$$eval('figure[data-chart="cultivation"] .end-label text:not(.end-note)', (ts) => ts.map((t) => t.getBoundingClientRect().top))).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(12);
    // The twin can be switched off; the link keeps that.
    await page.uncheck('#twin');
    await page.waitForFunction(() => !document.querySelector('.country-card .vs-twin') && !!document.querySelector('.country-card'), undefined, { timeout: 300_000 });
    expect(new URL(page.url()).searchParams.get('twin')).toBe('0');
    expect(await page.$$('figure[data-chart="cultivation"] path.mark[data-series^="twin:"]')).toHaveLength(0);
    await screenshot(page, 'story-country-change');
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('workshop: arrow keys on a slider keep moving the slider (focus stays, no story starts), and every control works from the keyboard', async () => {
    const { page, errors } = await openPage(h, 'workshop.html');
    await page.waitForSelector('body[data-ready]', { timeout: 300_000 });
    const slider = '.lever[data-lever="eradication"] input.amount';
    const step = Number(await page.getAttribute(slider, 'step'));
    await page.focus(slider);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(Number(await page.inputValue(slider))).toBe(3 * step);
    expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), slider), 'focus on the slider after re-renders').toBe(true);
    expect(await page.isHidden('#story'), 'no story was started by the arrow keys').toBe(true);
    expect(await page.textContent('.lever[data-lever="eradication"] .cost')).not.toBe('$0/yr');
    await page.keyboard.press('ArrowLeft');
    expect(Number(await page.inputValue(slider))).toBe(2 * step);
    // A target picker: the arrow keys change it, the focus stays on it, no story starts.
    const country = '.lever[data-lever="interdiction"] select[data-field="country"]';
    const before = await page.inputValue(country);
    await page.focus(country);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), country);
    expect(await page.inputValue(country)).not.toBe(before);
    expect(await page.isHidden('#story')).toBe(true);
    // A point of the plans-tried scatter is a button: Enter brings its plan back (here: no levers).
    await page.waitForSelector('circle.trial[aria-label="Bring back the plan: No levers"]', { state: 'attached', timeout: 300_000 });
    await page.focus('circle.trial[aria-label="Bring back the plan: No levers"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement).value === '0', slider);
    await page.focus(slider);
    // Escape hands the keys back to the shortcuts: → starts the first story.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    expect(await page.isVisible('#story')).toBe(true);
    expect(await page.textContent('#story-step')).toBe('step 1 of 5');
    // Buttons by keyboard: Tab to Next and press Enter.
    await page.focus('#story-next');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#story-step')).toBe('step 2 of 5');
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('workshop: the link keeps the levers, the budget and the story step across a reload', async () => {
    const { page, errors } = await openPage(h, 'workshop.html');
    await page.waitForSelector('body[data-ready]', { timeout: 300_000 });
    await page.fill('#budget-total', '3000');
    await page.$eval('#budget-total', (n) => n.dispatchEvent(new Event('change', { bubbles: true })));
    await page.$eval('.lever[data-lever="interdiction"] input.amount', (node) => {
      const input = node as HTMLInputElement;
      input.value = '200000000';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(new URL(page.url()).searchParams.get('plan')).toBeTruthy();
    await page.reload();
    await page.waitForSelector('body[data-ready]', { timeout: 300_000 });
    expect(await page.inputValue('.lever[data-lever="interdiction"] input.amount')).toBe('200000000');
    expect(await page.inputValue('#budget-total')).toBe('3000');
    expect(await page.isHidden('#story')).toBe(true);

    // A story step survives a reload too, with its levers.
    await page.click('.story-button[data-story="colombia"]');
    await page.click('#story-next');
    await page.click('#story-next');
    expect(await page.textContent('#story-step')).toBe('step 3 of 5');
    const levers = await page.$$eval('.lever', (cards) => cards.map((c) => `${c.getAttribute('data-lever')}:${(c.querySelector('input.amount') as HTMLInputElement).value}`));
    expect(new URL(page.url()).searchParams.get('step')).toBe('3');
    await page.reload();
    await page.waitForSelector('body[data-ready]', { timeout: 300_000 });
    expect(await page.textContent('#story-step')).toBe('step 3 of 5');
    expect(await page.textContent('#story-title')).toBe('Eradication');
    expect(await page.$$eval('.lever', (cards) => cards.map((c) => `${c.getAttribute('data-lever')}:${(c.querySelector('input.amount') as HTMLInputElement).value}`))).toEqual(levers);
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('a link to a file opened from disk reproduces it when small, and says plainly to open it again when not', async () => {
    const small = readFileSync(join(ROOT, 'test', 'fixtures', 'small-scenario.json'), 'utf8');
    const smallName = JSON.parse(small).name as string;
    const { page, errors } = await openPage(h);
    await page.waitForSelector('code.hash', { state: 'attached', timeout: 300_000 });
    await page.setInputFiles('#scenario-file', { name: 'small.json', mimeType: 'application/json', buffer: Buffer.from(small) });
    await page.waitForFunction((name) => document.querySelector('.results-head h2')?.textContent === name, smallName, { timeout: 300_000 });
    await page.waitForFunction(() => new URL(location.href).searchParams.has('file'));
    const url = new URL(page.url());
    expect(url.searchParams.get('scenario')).toBe('file:small.json');
    const hash = await page.getAttribute('code.hash', 'data-hash');
    // Reloading (or opening the link elsewhere) shows the same file, the same result.
    await page.reload();
    await page.waitForFunction((name) => document.querySelector('.results-head h2')?.textContent === name, smallName, { timeout: 300_000 });
    expect(await page.getAttribute('code.hash', 'data-hash')).toBe(hash);
    expect(await page.textContent('li[aria-selected="true"]')).toContain(smallName);

    // A large file does not fit in a link: the reloaded page says so and runs nothing.
    const large = { ...JSON.parse(readFileSync(join(ROOT, 'scenarios', 'baseline.json'), 'utf8')), name: 'My large world' };
    await page.setInputFiles('#scenario-file', { name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(large, null, 2)) });
    await page.waitForFunction(() => document.querySelector('.results-head h2')?.textContent === 'My large world', undefined, { timeout: 300_000 });
    await page.waitForTimeout(300);
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('file:large.json');
    expect(new URL(page.url()).searchParams.has('file')).toBe(false);
    await page.reload();
    await page.waitForSelector('#notice');
    expect(await page.textContent('#notice')).toMatch(/large\.json.*open large\.json again/);
    await page.waitForTimeout(1500);
    expect(await page.$('code.hash'), 'nothing ran: not the baseline in its place').toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('Results show where the routes moved (a change map with a year slider that plays), Europe’s inflow by corridor, and a route picker', async () => {
    const scenario = load('west-africa-route');
    const node = runScenario(scenario, { seed: 1 });
    const shares = corridorShares(node, scenario);
    const last = shares.get('west-africa')!.length - 1;

    const { page, errors } = await openPage(h, '?scenario=west-africa-route&seeds=1');
    await page.waitForSelector('figure[data-chart="results-route-change"] path.route', { state: 'attached', timeout: 300_000 });
    // With the twin run, the map starts on the difference from no policy; arcs are coloured by sign.
    expect(await page.inputValue('#results-routes-mode')).toBe('twin');
    const arcs = async () =>
      page.$$eval('figure[data-chart="results-route-change"] path.route:not([display="none"])', (paths) => paths.map((p) => ({ flow: Number(p.getAttribute('data-flow')), stroke: p.getAttribute('stroke') })));
    const against = await arcs();
    expect(against.length).toBeGreaterThan(5);
    for (const a of against) expect(a.stroke).toBe(a.flow >= 0 ? '#c0392b' : '#1f78b4');
    // Change since the first year: nothing has changed in 2000, something has by 2015.
    await page.selectOption('#results-routes-mode', 'start');
    await page.fill('#results-routes-year', '2000');
    await page.dispatchEvent('#results-routes-year', 'input');
    expect(await arcs()).toEqual([]);
    await page.fill('#results-routes-year', '2015');
    await page.dispatchEvent('#results-routes-year', 'input');
    expect((await arcs()).length).toBeGreaterThan(5);
    expect(await page.textContent('figure[data-chart="results-route-change"] .title')).toBe('Change in route flows since 2000, 2015');
    // Play animates from the first year.
    await page.click('#results-routes-play');
    await page.waitForFunction(() => document.querySelector('output[for="results-routes-year"]')?.textContent === '2002', undefined, { timeout: 10_000 });
    await page.click('#results-routes-play');

    // Europe's inflow by corridor: the same shares as the analysis in Node, labelled at the line ends.
    for (const [id, label] of [['west-africa', 'West Africa'], ['caribbean', 'Caribbean'], ['direct', 'Direct from S. America']] as const) {
      expect(await page.textContent(`figure[data-chart="europe-corridors"] .end-label[data-series="${id}"] text`)).toBe(`${label} ${Math.round(shares.get(id)![last] * 100)} %`);
    }
    // The route chart offers the routes the levers target.
    await page.selectOption('#route-set', 'targeted');
    const shown = await page.$$eval('figure[data-chart="route-flows"] .legend-item', (items) => items.map((i) => i.getAttribute('data-series')));
    // Every route a lever of the scenario targets that carries anything (interdiction on named routes and the sharing partners').
    const flows = measureByTick(node, 'flowKg', 'route')!;
    const named = scenario.policies.flatMap((p) => (p.lever === 'interdiction' && p.route ? [p.route] : []));
    const carrying = named.filter((id) => (flows.values.get(id) ?? []).some((v) => v > 0));
    expect(carrying.length).toBeGreaterThan(3);
    for (const id of carrying) expect(shown).toContain(id);
    // Corridors into Europe, and routes of one's own choosing.
    await page.selectOption('#route-set', 'corridors');
    expect(await page.$$eval('figure[data-chart="route-flows"] .legend-item', (items) => items.map((i) => i.getAttribute('data-series')))).toEqual(['west-africa', 'caribbean', 'direct']);
    // Every chart's texts stay inside it (long route and policy names wrap in the legend).
    await page.waitForSelector('code.hash', { state: 'attached', timeout: 300_000 });
    expect(await textsOffChart(page)).toEqual([]);
    await page.selectOption('#route-set', 'pick');
    expect(await page.isVisible('#route-pick')).toBe(true);
    await page.selectOption('#route-pick', ['COL-DOM-sea', 'JAM-GBR-air']);
    expect((await page.$$eval('figure[data-chart="route-flows"] .legend-item', (items) => items.map((i) => i.getAttribute('data-series')))).sort()).toEqual(['COL-DOM-sea', 'JAM-GBR-air']);
    await screenshot(page, 'story-routes');

    // The Route map view shows change too, and the link keeps the mode and year.
    const map = await openPage(h, '?scenario=west-africa-route&seeds=1&view=map&routes=start&year=2010');
    await map.page.waitForSelector('figure[data-chart="route-map"] path.route', { state: 'attached', timeout: 300_000 });
    expect(await map.page.textContent('figure[data-chart="route-map"] .title')).toBe('Change in route flows since 2000, 2010');
    expect(errors).toEqual([]);
    expect(map.errors).toEqual([]);
    await map.page.context().close();
    await page.context().close();
  }, TEST_TIMEOUT);

  it('draws the record (UNODC, data/observed) on the matching charts as hollow points, in the legend, and can hide it', async () => {
    const csv = readFileSync(join(ROOT, 'data', 'observed', 'unodc-coca-cultivation.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const { page, errors } = await openPage(h, '?scenario=colombia-2000s&seeds=1');
    await page.waitForSelector('figure[data-chart="cultivation"] circle.record-point', { state: 'attached', timeout: 300_000 });
    const points = await page.$$eval('figure[data-chart="cultivation"] circle.record-point', (cs) => cs.map((c) => `${c.getAttribute('data-series')}:${c.getAttribute('data-year')}`));
    expect(points.sort()).toEqual(csv.map((r) => `${r[2]}:${r[0]}`).sort());
    expect(await page.textContent('figure[data-chart="cultivation"] .legend-item[data-series="record"]')).toContain('Record: UNODC');
    // A point sits where its value is on the y axis: Colombia 2012 (thousand hectares) is below Colombia 2000.
    const cy = async (series: string, year: string) => Number(await page.getAttribute(`figure[data-chart="cultivation"] circle.record-point[data-series="${series}"][data-year="${year}"]`, 'cy'));
    const value = (series: string, year: string) => Number(csv.find((r) => r[2] === series && r[0] === year)![4]);
    expect(Math.sign(await cy('COL', '2012') - (await cy('COL', '2000')))).toBe(Math.sign(value('COL', '2000') - value('COL', '2012')));
    // Production: the 2000 figures.
    expect(await page.$$('figure[data-chart="production"] circle.record-point')).toHaveLength(3);
    // Toggle off: hidden on screen and left out of the exported SVG.
    await page.click('figure[data-chart="cultivation"] button.record-toggle');
    expect(await page.getAttribute('figure[data-chart="cultivation"] g.record', 'display')).toBe('none');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('figure[data-chart="cultivation"] button[data-export="svg"]')]);
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/<g class="record" display="none">/);
    await page.click('figure[data-chart="cultivation"] button.record-toggle');
    expect(await page.getAttribute('figure[data-chart="cultivation"] g.record', 'display')).toBeNull();
    // Compare's side-by-side cultivation charts carry it too.
    const cmp = await openPage(h, '?view=compare&seeds=1&compare=baseline,colombia-2000s');
    await cmp.page.waitForSelector('figure[data-chart="side-cultivation-colombia-2000s"] circle.record-point', { state: 'attached', timeout: 300_000 });
    expect(await cmp.page.$$('figure[data-chart="side-cultivation-colombia-2000s"] circle.record-point')).toHaveLength(csv.length);
    expect(errors).toEqual([]);
    expect(cmp.errors).toEqual([]);
    await cmp.page.context().close();
    await page.context().close();
  }, TEST_TIMEOUT);

  it('workshop presenter mode: every chart text is readable from the back of a room (16 px or more on screen), nothing is cut off, story labels keep off the lines', async () => {
    const { page, errors } = await openPage(h, 'workshop.html?story=colombia&step=4');
    await page.waitForSelector('body[data-ready="full"]', { timeout: 300_000 });
    await page.waitForSelector('#fidelity[data-fidelity="full"]', { timeout: 300_000 });
    const measure = () =>
      page.$$eval('.multiples figure.chart svg, .scatter-holder figure.chart svg', (svgs) =>
        svgs.flatMap((svg) => {
          const k = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')]
            .filter((t) => (t.textContent ?? '').trim() !== '' && t.getBoundingClientRect().width > 0)
            .map((t) => {
              const r = t.getBoundingClientRect();
              return { chart: svg.closest('figure')?.getAttribute('data-chart'), text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * k, cut: r.right > box.right + 1 || r.left < box.left - 1 || r.bottom > box.bottom + 1 };
            });
        }),
      );
    const small = (await measure()).filter((t) => t.px < 11);
    expect(small.length, 'the normal size has small chart text (this test would pass without presenter mode otherwise)').toBeGreaterThan(0);
    await page.click('#presenter');
    await page.waitForFunction(() => document.body.classList.contains('presenter'));
    await page.waitForTimeout(300);
    const texts = await measure();
    expect(texts.length).toBeGreaterThan(40);
    // The source line of exports may stay smaller; everything a room reads is 16 px or more.
    const unreadable = texts.filter((t) => t.px < 15.9 && !/^Balloon simulation/.test(t.text ?? '') && !/^…/.test(t.text ?? ''));
    expect(unreadable.map((t) => `${t.chart}: "${t.text}" ${t.px.toFixed(1)} px`)).toEqual([]);
    expect(texts.filter((t) => t.cut).map((t) => `${t.chart}: "${t.text}"`)).toEqual([]);
    // The step's marker label does not sit on a line.
    const overlaps = await page.$$eval('.multiples figure.chart', (figures) =>
      figures.flatMap((f) => {
        const label = f.querySelector<SVGTextElement>('.annotation text');
        if (!label) return [];
        const b = label.getBBox();
        const points = [...f.querySelectorAll('path.mark')].flatMap((p) => {
          const n = (p.getAttribute('d') ?? '').match(/-?[\d.]+(?:e-?\d+)?/g)?.map(Number) ?? [];
          const out: [number, number][] = [];
          for (let i = 0; i + 1 < n.length; i += 2) out.push([n[i], n[i + 1]]);
          return out;
        });
        const hit = points.some(([x, y]) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height);
        return hit ? [f.getAttribute('data-chart')] : [];
      }),
    );
    expect(overlaps).toEqual([]);
    await screenshot(page, 'story-presenter');
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('exports: each chart as SVG and PNG named by scenario and chart, with a source line naming scenario and seeds, and its own small CSV', async () => {
    const { page, errors } = await openPage(h, '?scenario=colombia-2000s&seeds=2&twin=0');
    await page.waitForSelector('code.hash', { state: 'attached', timeout: 300_000 });
    const save = async (selector: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8'), bytes: readFileSync((await file.path())!) };
    };
    const svg = await save('figure[data-chart="cultivation"] button[data-export="svg"]');
    expect(svg.name).toBe('balloon-colombia-in-the-2000s-plan-colombia-cultivation.svg');
    expect(svg.text).toContain('Balloon simulation · Colombia in the 2000s: Plan Colombia · 2 seeds (1–2)');
    const png = await save('figure[data-chart="production"] button[data-export="png"]');
    expect(png.name).toBe('balloon-colombia-in-the-2000s-plan-colombia-production.png');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // The chart's own data: what is drawn, one row per series and month, plus the record's points.
    const csv = await save('figure[data-chart="cultivation"] button[data-export="chart-csv"]');
    expect(csv.name).toBe('balloon-colombia-in-the-2000s-plan-colombia-cultivation.csv');
    const table = parseCsv(csv.text);
    expect(table[0]).toEqual([...CHART_CSV_COLUMNS]);
    const model = table.slice(1).filter((r) => r[0] === 'model');
    expect(new Set(model.map((r) => r[1]))).toEqual(new Set(['COL', 'PER', 'BOL']));
    expect(model.length).toBe(3 * 192);
    expect(table.slice(1).filter((r) => r[0] === 'record').length).toBe(48);
    expect(csv.bytes.length).toBeLessThan(200_000);
    // Another scenario, another file name.
    await page.click('li[data-scenario="baseline"]');
    await page.waitForFunction(() => document.querySelector('.results-head h2')?.textContent?.startsWith('Baseline'), undefined, { timeout: 300_000 });
    expect((await save('figure[data-chart="cultivation"] button[data-export="svg"]')).name).toBe('balloon-baseline-world-2000-2015-cultivation.svg');
    // The route map and the corridor chart offer their data too.
    expect(await page.$('figure[data-chart="results-route-change"] button[data-export="chart-csv"]')).not.toBeNull();
    expect(await page.$('figure[data-chart="europe-corridors"] button[data-export="chart-csv"]')).not.toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('phones (390 × 844): the app and the workshop fit the screen, header buttons included', async () => {
    const phone = async (path: string, ready: string) => {
      const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(h.url + path);
      await page.waitForSelector(ready, { state: 'attached', timeout: 300_000 });
      await page.waitForTimeout(500);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      const outside = await page.$$eval('header a, header button', (nodes) => nodes.filter((n) => n.getBoundingClientRect().right > 390.5).map((n) => n.textContent));
      return { page, width, outside, errors };
    };
    const results = await phone('?scenario=colombia-2000s&seeds=1', 'code.hash');
    expect(results.width).toBeLessThanOrEqual(390);
    expect(results.outside).toEqual([]);
    // Results start within the first screen and a bit, not two screens down.
    expect(await results.page.$eval('.results-head', (n) => n.getBoundingClientRect().top)).toBeLessThan(900);
    const chart = await results.page.$eval('figure[data-chart="cultivation"]', (f) => f.getBoundingClientRect().right);
    expect(chart).toBeLessThanOrEqual(390);
    // Nothing is cut off: labels at the line ends break onto more lines ("Direct from S. / America 70 %").
    expect(await textsOffChart(results.page)).toEqual([]);
    await screenshot(results.page, 'story-phone-results');
    await results.page.context().close();
    const compare = await phone('?view=compare&seeds=1&compare=baseline,colombia-2000s', '#view[data-compare-drawn]');
    expect(compare.width).toBeLessThanOrEqual(390);
    // The map of where the flow went keeps its two-line title when its year moves; axis labels stay inside.
    await compare.page.waitForSelector('figure[data-chart="shift-map"] path.route', { state: 'attached', timeout: 300_000 });
    expect(await textsOffChart(compare.page)).toEqual([]);
    await compare.page.context().close();
    const workshop = await phone('workshop.html', 'body[data-ready]');
    expect(workshop.width).toBeLessThanOrEqual(390);
    expect(workshop.outside).toEqual([]);
    await screenshot(workshop.page, 'story-phone-workshop');
    await workshop.page.context().close();
    expect([...results.errors, ...compare.errors, ...workshop.errors]).toEqual([]);
  }, TEST_TIMEOUT);

  it('conventions: seeds count as in the CLI, the first load says a run is going, numbers in t/yr without SI letters, jargon in a details line', async () => {
    const { page, errors } = await openPage(h, '?scenario=baseline&seeds=3');
    await page.waitForFunction(() => /^Running Baseline world 2000–2015, 3 seeds \(1–3\)/.test(document.querySelector('#status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    expect(await page.textContent('#view')).toMatch(/Running/);
    await page.waitForSelector('code.hash', { state: 'attached', timeout: 300_000 });
    expect(await page.textContent('.results-head .meta')).toBe('2000–2015 · 3 seeds (1–3)');
    // Hash and ticks are in a closed details line, not in the head.
    expect(await page.isVisible('code.hash')).toBe(false);
    expect(await page.textContent('.results-head')).not.toMatch(/ticks|hash/);
    expect(await page.textContent('details.run-details')).toMatch(/192 monthly steps/);
    const values = await page.$$eval('.figure-card .figure-value', (ns) => ns.map((n) => n.textContent ?? ''));
    for (const v of values) expect(v, v).not.toMatch(/\d[kMGB]\b/);
    expect(await page.textContent('.figure-card[data-figure="producedKg.world"] .figure-value')).toMatch(/ t\/yr$/);
    // "5" is five seeds, from the first seed, as `balloon run --seeds 5 --seed 4`.
    await page.fill('#seeds', '2');
    await page.fill('#first-seed', '4');
    await page.click('#run');
    await page.waitForFunction(() => document.querySelector('.results-head .meta')?.textContent === '2000–2015 · 2 seeds (4–5)', undefined, { timeout: 300_000 });
    expect(new URL(page.url()).searchParams.get('seeds')).toBe('2');
    expect(new URL(page.url()).searchParams.get('seed')).toBe('4');
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);
});
