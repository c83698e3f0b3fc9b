/** The effect of each compared scenario against the baseline, as a table. */
import type { EffectEstimate } from '../../sim/analysis/effect';
import type { Estimate } from '../../sim/analysis/stats';
import { formatValue } from '../charts/format';
import { el } from '../ui/dom';

function cell(e: Estimate | null, scale = 1): HTMLTableCellElement {
  if (!e || !Number.isFinite(e.mean)) return el('td', { class: 'num na', title: 'not measured for this comparison' }, '–');
  const interval = Number.isFinite(e.lo) && Number.isFinite(e.hi) ? ` [${formatValue(e.lo * scale)}, ${formatValue(e.hi * scale)}]` : '';
  return el('td', { class: 'num' }, formatValue(e.mean * scale), el('span', { class: 'interval' }, interval));
}

export function effectTable(rows: { name: string; effect: EffectEstimate }[], baselineName: string): HTMLElement {
  const head = ['Scenario', 'Displacement index', 'Extra spend (M USD/yr)', 'Δ northern consumption (t/yr)', 'Δ southern violence', 'Consumption change per M USD (kg)', 'Violence change per M USD'];
  const table = el(
    'table',
    { class: 'effects' },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...rows.map(({ name, effect }) =>
        el(
          'tr',
          { 'data-scenario': name },
          el('th', { scope: 'row', title: effect.target?.description ?? 'no displacement target: the added levers act on demand or organisations, or on different measures' }, name),
          cell(effect.displacementIndex),
          cell(effect.extraSpendUsdPerYear, 1e-6),
          cell(effect.northConsumptionChangeKgPerYear, 1e-3),
          cell(effect.southViolenceChange),
          cell(effect.consumptionKgPerMillionUsd),
          cell(effect.violencePerMillionUsd),
        ),
      ),
    ),
  );
  const seeds = rows[0]?.effect.seeds.length ?? 0;
  return el(
    'div',
    { class: 'effects-wrap' },
    el('h3', {}, `Effects against “${baselineName}”`),
    el(
      'p',
      { class: 'hint' },
      `Paired by seed (${seeds} seed${seeds === 1 ? '' : 's'}), means with 90% intervals, per year from the first added lever's start. ` +
        'Displacement index: share of the reduction at the target that reappears elsewhere (0 none, 1 all, >1 backfire); hover a name for its target.',
    ),
    table,
  );
}
