/**
 * The outcomes of the current plan next to the previous plan and no levers: the
 * numbers a room asks for after each move.
 */
import { el } from '../../ui/dom';
import { formatValue } from '../../charts/format';
import type { Digest, Outcomes } from '../../../sim/workshop/digest';
import { OUTCOMES } from './scatter';

const value = (o: Outcomes, id: keyof Outcomes): string => {
  const v = o[id];
  return v === null ? '–' : formatValue(v);
};

export function renderOutcomeTable(container: HTMLElement, now: Digest, before: Digest | null, none: Digest): void {
  const rows = [...OUTCOMES.map((o) => ({ id: o.id as keyof Outcomes, label: o.label, unit: o.unit })), { id: 'displacementIndex' as const, label: 'Displacement index', unit: 'share of the cut that moved' }];
  const change = (id: keyof Outcomes): string => {
    const a = now.outcomes[id];
    const b = none.outcomes[id];
    if (a === null || b === null || b === 0 || id === 'displacementIndex' || id === 'costUsdBn') return '';
    const pct = ((a - b) / Math.abs(b)) * 100;
    return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)}%`;
  };
  container.replaceChildren(
    el(
      'figure',
      { class: 'chart outcome-table', 'data-chart': 'ws-outcomes' },
      el('h3', {}, 'Outcomes of the plan'),
      el('p', { class: 'hint' }, 'Means of the last 5 years; cost over the whole run. Change: against no levers.'),
      el(
        'table',
        { class: 'outcomes' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Outcome'), el('th', { class: 'num' }, 'Current'), el('th', { class: 'num' }, 'Change'), el('th', { class: 'num' }, 'Before'), el('th', { class: 'num' }, 'No levers'))),
        el(
          'tbody',
          {},
          ...rows.map((r) =>
            el(
              'tr',
              { 'data-outcome': r.id },
              el('td', {}, r.label, el('small', {}, ` ${r.unit}`)),
              el('td', { class: 'num current' }, value(now.outcomes, r.id)),
              el('td', { class: 'num change' }, change(r.id)),
              el('td', { class: 'num' }, before ? value(before.outcomes, r.id) : '–'),
              el('td', { class: 'num' }, value(none.outcomes, r.id)),
            ),
          ),
        ),
      ),
    ),
  );
}
