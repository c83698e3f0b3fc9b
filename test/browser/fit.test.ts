/// <reference lib="dom" />
/**
 * Issue 15, in headless Chromium: the Calibration view shows a calibration's fit table,
 * observed against fitted with its band, the effects and facts against their bands, and
 * what the targets do not pin down; it opens a calibration directory's files from disk,
 * says plainly what is wrong with a bad one, and a link reproduces what it shows (or says
 * that a calibration opened from disk must be opened again).
 * Screenshots go to test-artifacts/fit-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../sim/io/csv';
import { openPage, ROOT, screenshot, skipReason, startHarness, type Harness } from './harness';

const reason = skipReason();
if (reason) console.warn(reason);

const TEST_TIMEOUT = 300_000;
const read = (name: string) => readFileSync(join(ROOT, 'calibration', name), 'utf8');

describe.skipIf(reason !== null)('the Calibration view (issue 15, headless Chromium)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('draws the committed default fit: each series with the record and the fitted band, effects and facts, identifiability', async () => {
    const [header, ...rows] = parseCsv(read('default.fit.csv')).filter((r) => r.length > 1);
    const type = header.indexOf('type');
    const target = header.indexOf('target');
    const series = [...new Set(rows.filter((r) => r[type] === 'series').map((r) => r[target]))];
    const scalarRows = rows.filter((r) => r[type] !== 'series');
    const scalars = scalarRows.map((r) => r[target]);
    const best = JSON.parse(read('default.best.json'));
    const ids = parseCsv(read('default.identifiability.csv')).filter((r) => r.length > 1).slice(1);
    // Read from the committed files, so a re-fit changes the expectations with the files.
    const loss = (r: string[]) => Number(r[header.indexOf('loss')]);
    const colYears = rows.filter((r) => r[type] === 'series' && r[target] === 'COL cultivation vs UNODC').length;

    const { page, errors } = await openPage(h, '?view=fit');
    await page.waitForSelector('table.identifiability', { timeout: 120_000 });
    expect(await page.getAttribute('.tabs button[data-view="fit"]', 'aria-selected')).toBe('true');
    // It runs nothing: no side panel with scenarios and seeds.
    expect(await page.isHidden('aside.side')).toBe(true);
    expect(await page.textContent('#fit-summary')).toContain(best.name);
    expect(await page.textContent('#fit-summary')).toContain(`${best.seeds.length} seeds (${best.seeds[0]}–${best.seeds[best.seeds.length - 1]})`);

    // One chart per observed series, in the order of fit.csv.
    const charts = await page.$$eval('.fit-series figure.chart', (fs) => fs.map((f) => f.querySelector('.title')?.textContent));
    expect(charts).toEqual(series);
    // Colombia against UNODC: a record point a year, the fitted line with its band; compared
    // relative to 2000 as its loss does, so record and fit both start at 1, at the same height.
    const col = 'figure[data-chart="fit-col-cultivation-vs-unodc"]';
    expect(colYears).toBeGreaterThan(5);
    expect(await page.$$(`${col} circle.record-point`)).toHaveLength(colYears);
    expect(await page.$$(`${col} path.band`)).toHaveLength(1);
    expect(await page.textContent(`${col} .legend-item[data-series="record"]`)).toMatch(/^Compared with: ?unodc-coca-cultivation\.csv/);
    expect(await page.textContent(col)).toContain('relative to 2000 (= 1)');
    const start = await page.$eval(`${col} path.mark[data-series="fitted"]`, (p) => Number(/^M[-\d.e]+,([-\d.e]+)/.exec(p.getAttribute('d') ?? '')?.[1]));
    const recordStart = Number(await page.getAttribute(`${col} circle.record-point[data-year="2000"]`, 'cy'));
    expect(Math.abs(recordStart - start)).toBeLessThan(0.01);
    // 2009: the record is at 0.45 of 2000, the fit lower (its points sit where their values are).
    const y2009 = Number(await page.getAttribute(`${col} circle.record-point[data-year="2009"]`, 'cy'));
    expect(y2009).toBeGreaterThan(recordStart);

    // Effects and facts: one row each, met or missed as their loss says.
    const table = await page.$$eval('table.fit-targets tbody tr', (trs) => trs.map((tr) => ({ target: tr.getAttribute('data-target'), cls: tr.className, verdict: tr.querySelector('td.verdict')?.textContent })));
    expect(table.map((r) => r.target)).toEqual(scalars);
    expect(table.map((r) => r.verdict)).toEqual(scalarRows.map((r) => (loss(r) === 0 ? '✓ met' : '✗ missed')));
    // Both verdicts occur in the committed fit (else this would not tell them apart).
    expect(new Set(table.map((r) => r.cls))).toEqual(new Set(['met', 'missed']));
    const unweighted = scalarRows.filter((r) => Number(r[header.indexOf('weight')]) === 0).map((r) => r[target]);
    for (const t of unweighted) expect(await page.textContent(`table.fit-targets tr[data-target="${t}"]`)).toContain('reported, not fitted');

    // Identifiability: the parameter the targets do not pin down is named and marked.
    const loose = await page.$$eval('table.identifiability tr.loose', (trs) => trs.map((tr) => tr.getAttribute('data-parameter')));
    expect(loose).toEqual(best.notPinnedDown);
    expect(best.notPinnedDown.length, 'the committed fit has a parameter not pinned down (else this would not test the mark)').toBeGreaterThan(0);
    for (const p of best.notPinnedDown) expect(await page.textContent('#fit-loose')).toContain(p.replace(/^behaviour\./, ''));
    expect(await page.$$('table.identifiability svg.range-bar rect.accepted')).toHaveLength(ids.length);
    await screenshot(page, 'fit-default');

    // Another committed calibration: the link keeps it across a reload.
    await page.selectOption('#fit-choice', 'spraying-evidence');
    await page.waitForFunction(() => document.querySelector('#fit-summary')?.textContent?.includes('calibration/spraying-evidence'));
    expect(new URL(page.url()).searchParams.get('fit')).toBe('spraying-evidence');
    await page.reload();
    await page.waitForSelector('#fit-summary', { timeout: 120_000 });
    expect(await page.textContent('#fit-summary')).toContain('calibration/spraying-evidence');
    expect(await page.$('code.hash'), 'nothing was run').toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('opens a calibration directory’s files, refuses a bad one in one line per problem, and a link to it says to open it again', async () => {
    const { page, errors } = await openPage(h);
    // Count the file inputs the page creates: hiding the side panel widens the view, and that resize
    // must not draw the view a second time (it replaced the inputs while a file was being opened).
    await page.addInitScript(() => {
      const w = window as unknown as { fitInputs: number };
      w.fitInputs = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) w.fitInputs += (n.id === 'fit-files' ? 1 : 0) + n.querySelectorAll('#fit-files').length;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${h.url}?view=fit`);
    await page.waitForSelector('#fit-summary', { timeout: 120_000 });
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { fitInputs: number }).fitInputs), 'times the view was drawn').toBe(1);
    // A fit table without its columns: the file, what was expected, what was found.
    await page.setInputFiles('#fit-files', [{ name: 'fit.csv', mimeType: 'text/csv', buffer: Buffer.from('target,year,value\nCOL,2000,1\n') }]);
    await page.waitForSelector('#fit-errors:not([hidden]) li');
    expect(await page.textContent('#fit-errors li')).toMatch(/^fit\.csv: expected the columns target,type,what,year,.*; found target,year,value \(missing type, what, observed/);
    expect(await page.textContent('#fit-summary'), 'the calibration on screen stays').toContain('calibration/default');

    // The files of a run's directory (here the committed default fit under the names --out writes).
    const best = { ...JSON.parse(read('default.best.json')), name: 'My own fit' };
    await page.setInputFiles('#fit-files', [
      { name: 'fit.csv', mimeType: 'text/csv', buffer: Buffer.from(read('default.fit.csv')) },
      { name: 'identifiability.csv', mimeType: 'text/csv', buffer: Buffer.from(read('default.identifiability.csv')) },
      { name: 'best.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(best)) },
    ]);
    await page.waitForFunction(() => document.querySelector('#fit-summary')?.textContent?.startsWith('My own fit'));
    expect(await page.textContent('#fit-summary')).toContain('from 3 files');
    // Without the targets file the page cannot know which series are relative: it draws levels and says so.
    expect(await page.textContent('#fit-levels-note')).toContain('drawn as levels');
    expect(await page.textContent('figure[data-chart="fit-col-cultivation-vs-unodc"]')).not.toContain('relative to 2000');
    expect(new URL(page.url()).searchParams.get('fit')).toBe('files');
    await page.reload();
    await page.waitForSelector('#fit-notice', { timeout: 120_000 });
    expect(await page.textContent('#fit-notice')).toMatch(/opened from disk.*open its directory again/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('fits a phone (390 × 844)', async () => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${h.url}?view=fit`);
    await page.waitForSelector('table.identifiability', { timeout: 120_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const right = await page.$eval('figure[data-chart="fit-col-cultivation-vs-unodc"]', (f) => f.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(390);
    await screenshot(page, 'fit-phone');
    expect(errors).toEqual([]);
    await context.close();
  }, TEST_TIMEOUT);
});
