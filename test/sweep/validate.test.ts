import { describe, expect, it } from 'vitest';
import { parseSweep, parseSweepText } from '../../sim/sweep/validate';
import { buildPlan, pointScenario, SweepPlanError } from '../../sim/sweep/plan';
import { baseInput, sweepOf } from './helpers';

const messages = (input: unknown) => {
  const r = parseSweep(input);
  return r.ok ? [] : r.errors.map((e) => e.message);
};

describe('sweep file validation', () => {
  const ok = { name: 's', base: 'b.json', parameters: [{ path: 'a', min: 0, max: 1 }], design: { type: 'lhs', points: 4 } };

  it('accepts a good file and fills defaults', () => {
    const r = parseSweep(ok);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.seedsPerPoint).toBe(1);
    expect(r.value.masterSeed).toBe(1);
    expect(r.value.outputs.perTick).toBe(false);
  });

  it('says what is wrong, where', () => {
    expect(messages({ ...ok, parameters: [{ path: 'a', min: 1, max: 0 }] })).toContain('parameters[0].max: expected a number ≥ min (1), got 0');
    expect(messages({ ...ok, design: { type: 'grid' } })).toContain(
      'parameters[0].levels: expected a whole number ≥ 2 (a grid design needs the number of levels of every range), got missing',
    );
    expect(messages({ ...ok, parameters: [{ path: 'a', min: 0, max: 1, scale: 'log' }] })[0]).toMatch(/^parameters\[0\]\.min: expected a number > 0/);
    expect(messages({ ...ok, parameters: [ok.parameters[0], ok.parameters[0]] })[0]).toMatch(/^parameters\[1\]\.path: expected a path not used by an earlier parameter/);
    expect(messages({ ...ok, seedsPerPoint: 0 })[0]).toMatch(/^seedsPerPoint: expected/);
    expect(messages({ ...ok, design: { type: 'lhs', points: 600_000 }, seedsPerPoint: 2 })[0]).toMatch(/^seedsPerPoint: expected at most 1000000 runs/);
    expect(messages({ ...ok, design: { type: 'sobol' } })[0]).toMatch(/^design\.type: expected/);
    expect(messages({ ...ok, extra: 1 })[0]).toMatch(/extra/);
    expect(messages({ ...ok, outputs: { measures: ['users', 'consumptionKG'] } })).toEqual(['outputs.measures[1]: expected a measure id such as "consumptionKg", got "consumptionKG"']);
  });

  it('reads text safely: bad JSON gets a line and column', () => {
    const r = parseSweepText('{"name": "s",,}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/line 1, column/);
  });
});

describe('sweep plans', () => {
  it('rejects an out-of-range point before any run, naming the point and the parameter', () => {
    const sweep = sweepOf({
      parameters: [
        { path: 'countries.COL.corruption', values: [0.5, 1.5] },
        { path: 'routes[0].distanceKm', values: [900] },
      ],
      design: { type: 'grid' },
    });
    expect(() => buildPlan(sweep, baseInput())).toThrow(SweepPlanError);
    expect(() => buildPlan(sweep, baseInput())).toThrow(
      /^design point 1 \(countries\.COL\.corruption = 1\.5\): parameter "countries\.COL\.corruption" gives an invalid scenario: countries\[0\]\.corruption: expected a number in \[0,1\], got 1\.5$/,
    );
  });

  it('an unknown key at the end of a path is caught by scenario validation', () => {
    const sweep = sweepOf({ parameters: [{ path: 'countries.COL.corupption', values: [0.5] }], design: { type: 'grid' } });
    expect(() => buildPlan(sweep, baseInput())).toThrow(/parameter "countries\.COL\.corupption" gives an invalid scenario: countries\[0\]\.corupption/);
  });

  it('applies each point to a copy of the base', () => {
    const sweep = sweepOf({ parameters: [{ path: 'markets.USA.elasticity', values: [-0.4, -0.9] }], design: { type: 'grid' }, seedsPerPoint: 3 });
    const base = baseInput();
    const plan = buildPlan(sweep, base);
    expect(plan.runCount).toBe(6);
    expect(pointScenario(plan, 1).markets[0].elasticity).toBe(-0.9);
    expect(pointScenario(plan, 0).markets[0].elasticity).toBe(-0.4);
    expect((base.markets as { elasticity: number }[])[0].elasticity).not.toBe(-0.9);
  });
});
