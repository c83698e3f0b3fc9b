/** What a scenario is about: its description and the policy levers it schedules. */
import type { Policy, Scenario } from '../../sim/scenario/schema';
import { formatValue } from '../charts/format';
import { el } from '../ui/dom';
import { leverOf } from '../../sim/levers/registry';
import { policyTarget } from '../../sim/levers/words';

function money(p: Policy): string {
  if ('budgetUsdPerYear' in p) return `${formatValue(p.budgetUsdPerYear / 1e6)} M USD/yr`;
  return leverOf(p.lever).amount?.(p) ?? '';
}

export function aboutScenario(scenario: Scenario): HTMLElement {
  const rows = scenario.policies.map((p) =>
    el('tr', {}, el('td', {}, p.label ?? p.lever), el('td', {}, p.lever), el('td', {}, policyTarget(p)), el('td', { class: 'num' }, money(p)), el('td', {}, `${p.start} – ${p.end ?? scenario.end}`)),
  );
  const policies =
    rows.length === 0
      ? el('p', { class: 'hint' }, 'No policy levers: each country spends its own domestic drug budget.')
      : el(
          'table',
          { class: 'policies' },
          el('thead', {}, el('tr', {}, ...['Policy', 'Lever', 'Target', 'Money', 'Active'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...rows),
        );
  return el(
    'details',
    { class: 'about' },
    el('summary', {}, `About this scenario · ${scenario.countries.length} countries, ${scenario.routes.length} routes, ${scenario.policies.length} policy levers`),
    el('p', {}, scenario.description || 'No description.'),
    policies,
  );
}
