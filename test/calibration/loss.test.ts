import { describe, expect, it } from 'vitest';
import { bandLoss, candidateLoss, effectStatistic, factEstimate, fitRows, seriesLoss, UNDEFINED_LOSS } from '../../sim/calibration/loss';
import type { CalibrationSpec, SpecEffect, SpecFact, SpecSeries } from '../../sim/calibration/spec';

const series: SpecSeries = {
  type: 'series', id: 'col', scenario: 0, weight: 2, measure: 'cultivationHa', kind: 'country', entity: 'COL', unit: 'ha',
  loss: 'msle', seeds: 'mean', years: [2000, 2001], observed: [100, 50], source: 'obs.csv',
};
const effect: SpecEffect = {
  type: 'effect', id: 'di', scenario: 0, weight: 1, switchOff: { lever: 'eradication' }, intervention: 'all eradication levers',
  statistic: 'displacementIndex', per: 'consumption', band: [0.2, 0.6],
};
const fact: SpecFact = { type: 'fact', id: 'peru', scenario: 0, weight: 1, fact: 'peru-rises', statement: 'Peruvian cultivation rises', expectation: '> 0' };

describe('losses', () => {
  it('series, msle: mean over years of the squared log(1+x) error of the mean over seeds', () => {
    const runs = [{ 't0.2000': 99, 't0.2001': 40 }, { 't0.2000': 101, 't0.2001': 60 }];
    expect(seriesLoss(series, 0, runs)).toBeCloseTo(0, 12);
    const off = [{ 't0.2000': 100 * Math.E + Math.E - 1, 't0.2001': 50 }];
    expect(seriesLoss(series, 0, off)).toBeCloseTo(0.5, 10); // ln(e·101) − ln(101) = 1 in one year of two
    expect(seriesLoss({ ...series, loss: 'relative' }, 0, [{ 't0.2000': 10, 't0.2001': 5 }])).toBe(0);
    expect(seriesLoss({ ...series, loss: 'relative' }, 0, [{ 't0.2000': 10, 't0.2001': 10 }])).toBeCloseTo(0.125, 12);
    expect(seriesLoss(series, 0, [{ 't0.2000': null, 't0.2001': null }])).toBe(UNDEFINED_LOSS);
  });

  it('series, seeds "each": seeds that wander out of phase cost even when their mean is flat', () => {
    const flat: SpecSeries = { ...series, loss: 'relative', observed: [1, 1] };
    // Two seeds cycling in opposite directions: +20 % and -20 %, their mean exactly flat.
    const runs = [{ 't0.2000': 100, 't0.2001': 120 }, { 't0.2000': 100, 't0.2001': 80 }];
    expect(seriesLoss(flat, 0, runs)).toBe(0);
    expect(seriesLoss({ ...flat, seeds: 'each' }, 0, runs)).toBeCloseTo(0.02, 12); // (0.2^2) in one year of two, each seed
    expect(seriesLoss({ ...flat, seeds: 'each' }, 0, [{ 't0.2000': 100, 't0.2001': 100 }, { 't0.2000': null, 't0.2001': 5 }])).toBe(0); // a seed without figures is left out
    expect(seriesLoss({ ...flat, seeds: 'each' }, 0, [{ 't0.2000': null, 't0.2001': null }])).toBe(UNDEFINED_LOSS);
  });

  it('effect: 0 inside the band, squared distance in band widths outside, open bands scaled by their end', () => {
    expect(bandLoss(0.4, [0.2, 0.6])).toBe(0);
    expect(bandLoss(1.0, [0.2, 0.6])).toBeCloseTo(1, 12);
    expect(bandLoss(0, [0.2, 0.6])).toBeCloseTo(0.25, 12);
    expect(bandLoss(75000, [150000, null])).toBeCloseTo(0.25, 12);
    expect(bandLoss(2e6, [150000, null])).toBe(0);
    expect(bandLoss(NaN, [0.2, 0.6])).toBe(UNDEFINED_LOSS);
  });

  it('effect statistic: ratio of means over seeds; undefined when the target was not reduced', () => {
    expect(effectStatistic(effect, 0, [{ 't0.num': 1, 't0.den': 4 }, { 't0.num': 3, 't0.den': 4 }]).mean).toBeCloseTo(0.5, 12);
    expect(effectStatistic(effect, 0, [{ 't0.num': 1, 't0.den': -4 }]).mean).toBeNaN();
  });

  it('fact: holds as balloon facts judges it (interval over seeds on the claimed side)', () => {
    expect(factEstimate(fact, 0, [{ 't0.num': 0.2 }, { 't0.num': 0.3 }, { 't0.num': 0.25 }]).holds).toBe(true);
    expect(factEstimate(fact, 0, [{ 't0.num': 0.2 }, { 't0.num': -0.3 }, { 't0.num': 0.25 }]).holds).toBe(false);
  });

  it('total: the weighted sum; the fit table has one row per year, per effect and per fact', () => {
    const spec: CalibrationSpec = { scenarios: [], targets: [series, effect, fact], firstSeed: 1 };
    const runs = [
      { 't0.2000': 100, 't0.2001': 50, 't1.num': 1, 't1.den': 1, 't2.num': -1 },
      { 't0.2000': 100, 't0.2001': 50, 't1.num': 1, 't1.den': 1, 't2.num': -2 },
    ];
    const loss = candidateLoss(spec, runs);
    expect(loss.targets[0]).toBeCloseTo(0, 12);
    expect(loss.targets[1]).toBeCloseTo(1, 12);
    expect(loss.targets[2]).toBe(1);
    expect(loss.total).toBeCloseTo(2, 12);
    const rows = fitRows(spec, runs);
    expect(rows.map((r) => [r.target, r.year, r.observed, r.fitted])).toEqual([
      ['col', 2000, 100, 100],
      ['col', 2001, 50, 50],
      ['di', null, null, 1],
      ['peru', null, null, -1.5],
    ]);
    expect(rows[2]).toMatchObject({ observedLo: 0.2, observedHi: 0.6, claim: 'in [0.2, 0.6]' });
  });
});
