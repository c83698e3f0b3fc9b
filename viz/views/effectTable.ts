/**
 * The effect of each compared scenario against the baseline, as a table: every
 * scenario that adds supply-side levers gets its displacement indices; every one its
 * spend, cost per kilogram kept from northern consumers and violence change, with
 * 90% intervals. A cell whose interval cannot tell the sign (too few seeds) is marked
 * and explained under the table; a cell with no value says why in words.
 */
import { intervalCaveat, type GroupEffect, type SupplyEffects } from '../../sim/analysis/supplyEffects';
import type { Estimate } from '../../sim/analysis/stats';
import type { Scenario } from '../../sim/scenario/schema';
import { formatValue } from '../charts/format';
import { el } from '../ui/dom';

export interface EffectRow {
  id: string;
  name: string;
  scenario: Scenario;
  effect: SupplyEffects;
}

const MARK = '†';

function empty(reason: string): HTMLTableCellElement {
  return el('td', { class: 'num na', 'data-reason': reason }, '–', el('span', { class: 'why' }, reason));
}

function value(e: Estimate, scale: number, digits?: (v: number) => string): HTMLTableCellElement {
  const f = digits ?? formatValue;
  const caveat = intervalCaveat(e);
  const interval = Number.isFinite(e.lo) && Number.isFinite(e.hi) ? `[${f(e.lo * scale)}, ${f(e.hi * scale)}]` : 'no interval';
  return el(
    'td',
    { class: `num${caveat ? ' wide' : ''}`, title: caveat ?? `${Math.round(e.level * 100)}% interval over ${e.n} seeds`, 'data-mean': e.mean * scale, 'data-lo': e.lo * scale, 'data-hi': e.hi * scale },
    f(e.mean * scale),
    caveat ? el('sup', { class: 'caveat' }, MARK) : '',
    el('span', { class: 'interval' }, interval),
  );
}

const signedPercent = (v: number) => (Math.abs(v) < 0.05 ? '0 %' : `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(Math.abs(v) < 10 ? 1 : 0)} %`);
/** "$8,146", "−$352,480", "$7.7 million" (a minus before the dollar sign). */
const usd = (v: number) => `${v < 0 ? '−' : ''}$${formatValue(Math.abs(v))}`;

function displacement(group: GroupEffect | undefined, which: 'index' | 'kg', groupName: string): HTMLTableCellElement {
  if (!group) return empty(`no ${groupName} lever added`);
  if (group.target.elsewhere.length === 0) return empty('every producer is targeted: nowhere left to displace to');
  const reduction = group.effect.targetReduction;
  if (!reduction || !(reduction.mean > 0)) return empty('the target was not reduced on average');
  const e = which === 'index' ? group.effect.displacementIndex : group.kilograms;
  if (!e || !Number.isFinite(e.mean)) return empty(which === 'kg' ? 'production at the target did not fall' : 'not measurable');
  const cell = value(e, 1);
  const t = group.target;
  const short = t.measure === 'cultivationHa' ? `${t.target.join(', ')} → ${t.elsewhere.join(', ')}` : `${t.target.length} targeted route${t.target.length === 1 ? '' : 's'} → ${t.elsewhere.length} others`;
  cell.append(el('span', { class: 'target', title: t.description }, short));
  return cell;
}

function row({ id, name, effect }: EffectRow): HTMLTableRowElement {
  const coca = effect.groups.find((g) => g.group === 'coca');
  const routes = effect.groups.find((g) => g.group === 'routes');
  const o = effect.overall;
  const spends = Math.abs(o.extraSpendUsdPerYear.mean) >= 1;
  const consumptionFell = o.northConsumptionChangeKgPerYear.mean < 0;
  return el(
    'tr',
    { 'data-scenario': id },
    el('th', { scope: 'row' }, name),
    displacement(coca, 'index', 'coca'),
    displacement(coca, 'kg', 'coca'),
    displacement(routes, 'index', 'route'),
    spends ? value(o.extraSpendUsdPerYear, 1e-6) : empty('no extra spend'),
    !spends ? empty('no extra spend') : consumptionFell ? value(effect.costPerKgUsd, 1, usd) : empty('northern consumption did not fall'),
    value(o.northConsumptionChangeKgPerYear, 1e-3),
    value(effect.violenceRelative, 100, signedPercent),
  );
}

export function effectTable(rows: EffectRow[], baselineName: string): HTMLElement {
  const head = [
    'Scenario',
    'Coca displaced (share of hectares cut)',
    'Coca displaced (share of kilograms cut)',
    'Route flow displaced (share of kilograms cut)',
    'Extra spend (M USD/yr)',
    'Cost per kg kept from northern consumers',
    'Δ northern consumption (t/yr)',
    'Δ southern violence',
  ];
  const seeds = rows[0]?.effect.overall.seeds.length ?? 0;
  const table = el(
    'table',
    { class: 'effects' },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map(row)),
  );
  const marked = table.querySelectorAll('td.wide').length;
  const notes = [
    el(
      'p',
      { class: 'hint' },
      `Paired by seed (${seeds} seed${seeds === 1 ? '' : 's'}), means with 90% intervals, from the first added lever's start to the end. ` +
        'Displaced: of the cut at the lever’s target, the share that reappears elsewhere (0 none, 1 all, above 1 backfire, below 0 the others fell too). ' +
        'Coca: eradication, alternative development and capacity funding of producers. Routes: interdiction, capacity funding of transit countries, intelligence sharing. ' +
        'Cost per kg: extra spend per kilogram less consumed in the North. Violence: change of the southern violence index against the baseline.',
    ),
  ];
  if (marked > 0 || seeds < 2) {
    notes.push(
      el(
        'p',
        { class: 'caveat-note', id: 'effects-caveat' },
        seeds < 2
          ? `One seed gives no interval: run 10 or more seeds (Seeds field) before reading these numbers.`
          : `${MARK} With ${seeds} seeds the interval spans zero, so these numbers cannot tell the sign of the effect: run 10 or more seeds.`,
      ),
    );
  }
  return el('div', { class: 'effects-wrap' }, el('h3', {}, `Effects against “${baselineName}”`), table, ...notes);
}
