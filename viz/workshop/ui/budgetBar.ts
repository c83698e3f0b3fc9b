/**
 * The budget: an editable yearly total, a bar of what each lever row takes, and
 * what remains. The total cannot go below what the plan already spends.
 */
import type { Scenario } from '../../../sim/scenario/schema';
import { el } from '../../ui/dom';
import { rankColor } from '../../charts/palette';
import { leverSpec } from '../../../sim/workshop/catalog';
import { planCost, remaining } from '../data/budget';
import { rowCost, rowTarget, type Plan } from '../../../sim/workshop/plan';
import { perYear } from './money';

export interface BudgetBar {
  element: HTMLElement;
  /** Redraw from the plan (after any lever move). */
  update(): void;
}

export function budgetBar(scenario: Scenario, plan: Plan, onTotal: () => void): BudgetBar {
  const total = el('input', { type: 'number', id: 'budget-total', min: 0, step: 50, 'aria-label': 'Total budget, million USD per year' });
  const left = el('output', { id: 'remaining', 'aria-live': 'polite' });
  const bar = el('div', { class: 'budget-bar', role: 'img', 'aria-label': 'Budget used by each lever' });
  const note = el('span', { class: 'budget-note' });
  total.addEventListener('change', () => {
    const wanted = Math.round(Number(total.value) * 1e6);
    const floor = planCost(scenario, plan.rows);
    plan.totalBudgetUsdPerYear = Number.isFinite(wanted) ? Math.max(floor, wanted) : plan.totalBudgetUsdPerYear;
    note.textContent = wanted < floor ? `The levers already spend ${perYear(floor)}: lower them first.` : '';
    onTotal();
  });
  const element = el(
    'section',
    { class: 'budget', 'aria-label': 'Budget' },
    el('div', { class: 'budget-line' }, el('label', { for: 'budget-total' }, 'Budget $M/yr'), total, el('span', { class: 'remaining-label' }, 'Remaining'), left),
    bar,
    note,
  );
  const update = () => {
    total.value = String(Math.round(plan.totalBudgetUsdPerYear / 1e6));
    const rest = remaining(scenario, plan);
    left.textContent = perYear(rest);
    left.dataset.usd = String(rest);
    left.classList.toggle('low', rest < plan.totalBudgetUsdPerYear * 0.1);
    const parts = plan.rows.map((row) => ({ row, cost: rowCost(scenario, row) })).filter((p) => p.cost > 0);
    bar.replaceChildren(
      ...parts.map(({ row, cost }) =>
        el('span', {
          class: 'budget-part',
          style: `width:${(100 * cost) / Math.max(1, plan.totalBudgetUsdPerYear)}%;background:${rankColor(row.slot)}`,
          title: `${leverSpec(row.kind).name} ${rowTarget(row)}: ${perYear(cost)}`,
        }),
      ),
    );
  };
  update();
  return { element, update };
}
