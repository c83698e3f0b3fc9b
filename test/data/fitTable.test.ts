/**
 * The Calibration view's data: a calibration directory's files (fit.csv, identifiability.csv,
 * best.json, the targets file) read into what the view draws, and one line per problem of a
 * wrong file. Checked against the committed default fit, read independently here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../sim/io/csv';
import { BUNDLED, bundledCalibration } from '../../viz/data/calibrations';
import { calibrationFromFiles, meets, seriesForPlot } from '../../viz/data/fitTable';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (name: string) => readFileSync(join(ROOT, 'calibration', name), 'utf8');

function defaultFiles(): Map<string, string> {
  return new Map(['fit.csv', 'identifiability.csv', 'best.json', 'targets.json'].map((f) => [`default.${f}`, read(`default.${f}`)]));
}

describe('a calibration read for the Calibration view', () => {
  it('gives every target of the committed default fit with the numbers of fit.csv', () => {
    const got = calibrationFromFiles(defaultFiles(), 'calibration/default.*');
    if (!got.ok) throw new Error(got.errors.join('\n'));
    const c = got.value;
    const [header, ...rows] = parseCsv(read('default.fit.csv')).filter((r) => r.length > 1);
    const col = (name: string) => header.indexOf(name);
    const seriesRows = rows.filter((r) => r[col('type')] === 'series');
    expect(c.series.map((s) => s.target)).toEqual([...new Set(seriesRows.map((r) => r[col('target')]))]);
    expect(c.series.reduce((n, s) => n + s.years.length, 0)).toBe(seriesRows.length);
    expect(c.scalars.map((s) => s.target)).toEqual(rows.filter((r) => r[col('type')] !== 'series').map((r) => r[col('target')]));
    const colSeries = c.series.find((s) => s.target === 'COL cultivation vs UNODC')!;
    const first = seriesRows.find((r) => r[col('target')] === 'COL cultivation vs UNODC')!;
    expect(colSeries.years[0]).toBe(Number(first[col('year')]));
    expect(colSeries.observed[0]).toBe(Number(first[col('observed')]));
    expect(colSeries.fitted[0]).toBe(Number(first[col('fitted')]));
    expect(colSeries.hi[0]).toBe(Number(first[col('fittedHi')]));
    // The targets file says the record is compared relative to 2000; the file it comes from.
    expect(colSeries.relative).toBe(true);
    expect(colSeries.observedFile).toBe('unodc-coca-cultivation.csv');
    expect(c.knowsLossKinds).toBe(true);
    const best = JSON.parse(read('default.best.json'));
    expect(c.name).toBe(best.name);
    expect(c.loss).toBe(best.loss);
    expect(c.seeds).toEqual(best.seeds);
    // Facts and effects: met exactly when their loss is 0 (the committed fit has both).
    const scalarLoss = rows.filter((r) => r[col('type')] !== 'series').map((r) => Number(r[col('loss')]));
    expect(c.scalars.map(meets)).toEqual(scalarLoss.map((l) => l === 0));
    expect(new Set(c.scalars.map(meets))).toEqual(new Set([true, false]));
    const band = c.scalars.find((s) => s.target === 'displacement index of eradication')!;
    expect([band.bandLo, band.bandHi]).toEqual([0.2, 0.6]);
    const open = c.scalars.find((s) => s.target === 'eradication cost per kg kept from consumers')!;
    expect([open.bandLo, open.bandHi]).toEqual([150000, null]);
    // Identifiability: the parameter best.json reports as not pinned down is the one flagged.
    expect(c.parameters!.filter((p) => !p.pinned).map((p) => p.parameter)).toEqual(best.notPinnedDown);
    expect(c.parameters!.find((p) => p.parameter.endsWith('shortagePriceResponse'))!.log).toBe(true);
  });

  it('draws a relative series divided by its first year, a level series as it is', () => {
    const c = bundledCalibration('default');
    if (!c?.ok) throw new Error('default calibration not bundled');
    const rel = c.value.series.find((s) => s.relative)!;
    const p = seriesForPlot(rel);
    expect(p.observed[0]).toBe(1);
    expect(p.fitted[0]).toBe(1);
    expect(p.observed[3]).toBeCloseTo(rel.observed[3] / rel.observed[0], 12);
    expect(p.hi[2]).toBeCloseTo(rel.hi[2] / rel.fitted[0], 12);
    const level = { ...rel, relative: false };
    expect(seriesForPlot(level).fitted).toEqual(rel.fitted);
  });

  it('without the targets file, draws levels and says it does not know', () => {
    const files = defaultFiles();
    files.delete('default.targets.json');
    const got = calibrationFromFiles(files, 'cal');
    if (!got.ok) throw new Error(got.errors.join('\n'));
    expect(got.value.knowsLossKinds).toBe(false);
    expect(got.value.series.every((s) => !s.relative)).toBe(true);
  });

  it('bundles the committed calibrations that have a fit table, the default first', () => {
    expect([...BUNDLED.keys()][0]).toBe('default');
    expect(BUNDLED.has('spraying-evidence')).toBe(true);
    // quick.targets.json has no committed fit; stationary.csv is a requirement, not a fit.
    expect(BUNDLED.has('quick')).toBe(false);
    expect(BUNDLED.has('stationary')).toBe(false);
    const spraying = bundledCalibration('spraying-evidence');
    expect(spraying?.ok).toBe(true);
  });

  it('names the file, what was expected and what was found, one line per problem', () => {
    const none = calibrationFromFiles(new Map([['notes.txt', 'x']]), 'my-run');
    expect(none).toEqual({ ok: false, errors: ['my-run: expected fit.csv (the fit table balloon calibrate --out DIR writes) among the files, found notes.txt'] });
    const columns = calibrationFromFiles(new Map([['fit.csv', 'target,type,year\nA,series,2000\n']]), 'd');
    expect(columns.ok).toBe(false);
    if (!columns.ok) {
      expect(columns.errors).toHaveLength(1);
      expect(columns.errors[0]).toMatch(/^fit\.csv: expected the columns target,type,what,year,.*; found target,type,year \(missing what, observed, /);
    }
    const fit = read('default.fit.csv').split('\n');
    fit[2] = fit[2].replace(/,144800,/, ',lots,');
    fit[5] = fit[5].replace(/^([^,]*),series,/, '$1,guess,');
    const cells = calibrationFromFiles(new Map([['fit.csv', fit.join('\n')], ['targets.json', '{"targets": 3}']]), 'd');
    expect(cells.ok).toBe(false);
    if (!cells.ok)
      expect(cells.errors).toEqual([
        'targets.json: expected a targets file with a "targets" array, found an object without it',
        'fit.csv, line 3, observed: expected a number, found "lots"',
        'fit.csv, line 6, type: expected series, effect or fact, found "guess"',
      ]);
  });
});
