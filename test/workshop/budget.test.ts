/** The workshop budget: no control can push the plan past the total. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../sim/workshop/catalog';
import { clampAmount, maxBudget, planCost, remaining, shareSteps } from '../../viz/workshop/data/budget';
import { baseShare, firstAffectedTick, planPolicies, rowCost, type LeverRow, type Plan } from '../../sim/workshop/plan';
import { fixture } from './helpers';

const world = fixture('two-producers');

function rowOf(kind: (typeof LEVERS)[number]['kind'], slot: number): LeverRow {
  if (kind === 'enforcementVsPrevention') return { slot, kind, country: 'USA', budgetUsdPerYear: 0, preventionShare: baseShare(world, 'USA'), start: '2005-01' };
  if (kind === 'capacityFunding') return { slot, kind, donor: 'USA', country: 'COL', budgetUsdPerYear: 0, start: '2005-01' };
  if (kind === 'intelligenceSharing') return { slot, kind, country: 'USA', partners: ['USA', 'COL'], budgetUsdPerYear: 0, start: '2005-01' };
  return { slot, kind, country: kind === 'prevention' || kind === 'treatment' ? 'USA' : 'COL', budgetUsdPerYear: 0, start: '2005-01' };
}

describe('workshop budget', () => {
  it('never lets a sequence of slider moves overspend, whatever is asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: LEVERS.length - 1 }), fc.double({ min: -2e9, max: 5e9, noNaN: true })), { minLength: 1, maxLength: 30 }),
        (totalM, moves) => {
          const plan: Plan = { totalBudgetUsdPerYear: totalM * 1e6, rows: LEVERS.map((l, i) => rowOf(l.kind, i)) };
          for (const [i, value] of moves) {
            const row = plan.rows[i];
            if (row.kind === 'enforcementVsPrevention') row.preventionShare = clampAmount(world, plan, row, baseShare(world, 'USA') + value / 5e9);
            else row.budgetUsdPerYear = clampAmount(world, plan, row, value);
            expect(remaining(world, plan)).toBeGreaterThanOrEqual(0);
            expect(row.budgetUsdPerYear).toBeGreaterThanOrEqual(0);
            expect(row.budgetUsdPerYear).toBeLessThanOrEqual(Math.max(0, maxBudget(world, plan, row)) + 1e-6);
          }
          expect(planCost(world, plan.rows)).toBeLessThanOrEqual(plan.totalBudgetUsdPerYear);
        },
      ),
      { numRuns: 500, examples: [[570, [[7, -74999999.99999994], [0, 479999999.9999999], [0, 0]]]] },
    );
  });

  it('caps a slider at what the other levers leave', () => {
    const plan: Plan = { totalBudgetUsdPerYear: 300e6, rows: [rowOf('capacityFunding', 0), rowOf('eradication', 1)] };
    plan.rows[0].budgetUsdPerYear = clampAmount(world, plan, plan.rows[0], 250e6);
    expect(plan.rows[0].budgetUsdPerYear).toBe(250e6);
    expect(maxBudget(world, plan, plan.rows[1])).toBe(50e6);
    expect(clampAmount(world, plan, plan.rows[1], 400e6)).toBe(50e6);
    expect(remaining(world, plan)).toBe(50e6);
  });

  it('prices a prevention share by the money it moves, and its own share costs nothing', () => {
    const usa = world.countries.find((c) => c.id === 'USA')!;
    const total = usa.police.budgetUsdPerYear + usa.police.preventionUsdPerYear;
    const row = rowOf('enforcementVsPrevention', 0);
    expect(rowCost(world, row)).toBe(0);
    expect(planPolicies(world, [row])[0].label).toContain('unused');
    row.preventionShare = baseShare(world, 'USA') + 0.1;
    expect(rowCost(world, row)).toBeCloseTo(total * 0.1, 0);
    const plan: Plan = { totalBudgetUsdPerYear: total * 0.05, rows: [row] };
    const { up } = shareSteps(world, plan, row);
    expect(up).toBe(5);
    expect(clampAmount(world, plan, row, 0.99)).toBeCloseTo(baseShare(world, 'USA') + 0.05, 12);
  });

  it('finds the first tick a plan change can affect', () => {
    const a = planPolicies(world, [{ ...rowOf('eradication', 1), budgetUsdPerYear: 10e6, start: '2006-01' }]);
    const b = planPolicies(world, [{ ...rowOf('eradication', 1), budgetUsdPerYear: 20e6, start: '2006-01' }]);
    const c = planPolicies(world, [{ ...rowOf('eradication', 1), budgetUsdPerYear: 20e6, start: '2003-01' }]);
    expect(firstAffectedTick(world, a, a)).toBe(Infinity);
    expect(firstAffectedTick(world, a, b)).toBe(72);
    expect(firstAffectedTick(world, b, c)).toBe(36);
    expect(firstAffectedTick(world, planPolicies(world, []), a)).toBe(72);
  });
});
