/**
 * The validator's tick count (used for the LIMITS.ticksTotal check) is the
 * model's: for random horizons, ticks per year and burn-in, it equals the
 * number of ticks a simulation of the scenario actually has.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadScenario } from '../../sim/scenario/validate';
import { totalTicks, monthIndex } from '../../sim/scenario/time';
import { createSimulation } from '../../sim/simulation';
import { fixture } from './helpers';

const yearMonth = fc.record({ year: fc.integer({ min: 1990, max: 2030 }), month: fc.integer({ min: 1, max: 12 }) });
const fmt = ({ year, month }: { year: number; month: number }) => `${year}-${String(month).padStart(2, '0')}`;

describe('ticks of a run', () => {
  it('monthIndex counts months', () => {
    expect(monthIndex('2000-01')).toBe(2000 * 12);
    expect(monthIndex('2001-03') - monthIndex('2000-12')).toBe(3);
  });

  it('totalTicks matches the simulation for random calendars', () => {
    fc.assert(
      fc.property(yearMonth, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 52 }), fc.integer({ min: 0, max: 5 }), (start, months, ticksPerYear, burnInYears) => {
        const s = fixture();
        const endIndex = start.year * 12 + start.month - 1 + months;
        s.start = fmt(start);
        s.end = fmt({ year: Math.floor(endIndex / 12), month: (endIndex % 12) + 1 });
        s.ticksPerYear = ticksPerYear;
        s.burnInYears = burnInYears;
        const scenario = loadScenario(s);
        expect(totalTicks(scenario)).toBe(createSimulation(scenario, 1).totalTicks);
      }),
      { numRuns: 100 },
    );
  });
});
