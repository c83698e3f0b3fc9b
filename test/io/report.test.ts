/** The run report's numbers, checked against the tidy series of real runs of the small fixture. */
import { describe, expect, it } from 'vitest';
import { annualDigest } from '../../sim/analysis/annual';
import { formatChange, formatNumber } from '../../sim/io/number';
import { reportTables } from '../../sim/io/report';
import { pickSeries } from '../../sim/results/rows';
import { runScenario } from '../../sim/run';
import { fixture } from '../analysis/fixture';

describe('run report', () => {
  const scenario = fixture();
  const runs = [3, 4].map((seed) => runScenario(scenario, { seed }));
  const tables = reportTables(runs.map(annualDigest));
  const table = (title: string) => tables.find((t) => t.title.startsWith(title))!;

  /** Tonnes consumed in USA in year y (flows are summed over the year), from the tidy series. */
  const usaTonnes = (r: (typeof runs)[number], y: number) => {
    const s = pickSeries(r, 'consumptionKg', 'USA', 'market');
    return s.value.filter((_, i) => Math.floor(s.tick[i] / 12) === y).reduce((a, b) => a + b, 0) / 1000;
  };

  it('shows first and last year as the mean and 5th-95th percentile across seeds', () => {
    const consumption = table('Consumption by market');
    expect(consumption.title).toBe('Consumption by market (t/year)');
    expect(consumption.header).toEqual(['', '2000', '2005', 'change']);
    const usa = consumption.rows.find((r) => r[0] === 'USA')!;
    const cellOf = (y: number) => {
      const [a, b] = runs.map((r) => usaTonnes(r, y)).sort((x, z) => x - z);
      return `${formatNumber((a + b) / 2)} [${formatNumber(a + 0.05 * (b - a))}, ${formatNumber(a + 0.95 * (b - a))}]`;
    };
    expect(usa[1]).toBe(cellOf(0));
    expect(usa[2]).toBe(cellOf(5));
    const mean = (y: number) => (usaTonnes(runs[0], y) + usaTonnes(runs[1], y)) / 2;
    expect(usa[3]).toBe(formatChange(mean(0), mean(5)));
  });

  it('lists producer countries only, largest last-year value first', () => {
    const cultivation = table('Coca cultivation by producer country');
    expect(cultivation.rows.map((r) => r[0]).sort()).toEqual(['COL', 'PER']);
    const spend = table('Policy spend');
    expect(spend.rows.map((r) => r[0])).toEqual(['eradication COL', 'prevention USA', 'world']);
  });

  it('adds policy spend over the run: 150 M USD a year of eradication for the 4 years from 2002', () => {
    const spend = table('Policy spend');
    const eradication = spend.rows.find((r) => r[0] === 'eradication COL')!;
    expect(eradication[1]).toMatch(/^600M/);
    expect(eradication[2]).toMatch(/^100M/); // 600 M over 6 years
  });
});
