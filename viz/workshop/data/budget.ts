/**
 * The workshop budget: a fixed yearly total shared by every lever row. A control
 * can take only what the other rows leave, so the plan never overspends.
 */
import type { Scenario } from '../../../sim/scenario/schema';
import { leverSpec } from '../../../sim/workshop/catalog';
import { baseShare, rowCost, type LeverRow, type Plan } from '../../../sim/workshop/plan';

/** Yearly cost of every row together, USD. */
export function planCost(scenario: Scenario, rows: readonly LeverRow[]): number {
  return rows.reduce((sum, row) => sum + rowCost(scenario, row), 0);
}

/** What is left of the total, USD per year (negative only if the total was lowered below the plan). */
export function remaining(scenario: Scenario, plan: Plan): number {
  return plan.totalBudgetUsdPerYear - planCost(scenario, plan.rows);
}

/** What the other rows leave for `row`, USD per year. */
export function allowance(scenario: Scenario, plan: Plan, row: LeverRow): number {
  const others = plan.rows.filter((r) => r !== row && r.slot !== row.slot);
  return Math.max(0, plan.totalBudgetUsdPerYear - planCost(scenario, others));
}

/** The largest budget the row's slider offers: the lever's range, capped by the allowance. */
export function maxBudget(scenario: Scenario, plan: Plan, row: LeverRow): number {
  const spec = leverSpec(row.kind);
  const cap = Math.min(spec.maxUsdPerYear, allowance(scenario, plan, row));
  return spec.stepUsdPerYear > 0 ? Math.floor(cap / spec.stepUsdPerYear + 1e-9) * spec.stepUsdPerYear : cap;
}

/**
 * The prevention shares a row may set without overspending, as whole percentage
 * points moved from the country's own share: [base - kDown/100, base + kUp/100].
 */
export function shareSteps(scenario: Scenario, plan: Plan, row: LeverRow): { base: number; down: number; up: number } {
  const c = scenario.countries.find((x) => x.id === row.country);
  const total = c ? c.police.budgetUsdPerYear + c.police.preventionUsdPerYear : 0;
  const base = baseShare(scenario, row.country);
  if (total <= 0) return { base, down: 0, up: 0 };
  const money = allowance(scenario, plan, row);
  const room = money / total;
  // Whole points within the room, then checked against the cost as booked, so rounding never overspends.
  const fits = (points: number) => rowCost(scenario, { ...row, preventionShare: base + points / 100 }) <= money;
  let down = Math.floor(Math.min(room, base) * 100 + 1e-9);
  let up = Math.floor(Math.min(room, 1 - base) * 100 + 1e-9);
  while (down > 0 && !fits(-down)) down--;
  while (up > 0 && !fits(up)) up--;
  return { base, down, up };
}

/** `value` clamped to what the row may spend: a budget in USD/yr, or a prevention share on the allowed steps. */
export function clampAmount(scenario: Scenario, plan: Plan, row: LeverRow, value: number): number {
  if (row.kind === 'enforcementVsPrevention') {
    const { base, down, up } = shareSteps(scenario, plan, row);
    if (!Number.isFinite(value)) return base;
    const k = Math.min(up, Math.max(-down, Math.round((value - base) * 100)));
    return base + k / 100;
  }
  if (!Number.isFinite(value)) return 0;
  // Whole dollars, as every cost is booked, so the plan's sums are exact.
  return Math.min(maxBudget(scenario, plan, row), Math.max(0, Math.round(value)));
}
