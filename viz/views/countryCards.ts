/**
 * Per-country change at a glance: each producer's coca and each large market's
 * consumption, first year to last ("Colombia −58 %"), and against the no-policy twin
 * in the last year when one was run ("−40 % vs no policy").
 */
import { entityChanges, type EntityChange } from '../../sim/analysis/entityChange';
import type { Estimate } from '../../sim/analysis/stats';
import type { RunResult } from '../../sim/results/types';
import { formatChange, formatValue } from '../charts/format';
import { countryColor } from '../charts/palette';
import { el } from '../ui/dom';

/** "−58 %" with the interval as a title when there are several seeds. */
function changeText(e: Estimate): { text: string; title: string } {
  const interval = Number.isFinite(e.lo) && Number.isFinite(e.hi) ? `90% interval of the mean over ${e.n} seeds: ${formatChange(e.lo)} to ${formatChange(e.hi)}` : 'one seed: no interval';
  return { text: formatChange(e.mean), title: interval };
}

function direction(v: number): string {
  return v > 0.005 ? 'up' : v < -0.005 ? 'down' : 'flat';
}

function card(c: EntityChange, what: string, unit: string, scale: number): HTMLElement {
  const since = changeText(c.sinceStart);
  const parts: (Node | string)[] = [
    el('span', { class: 'figure-label' }, el('span', { class: 'swatch', style: `background:${countryColor(c.id)}` }), c.label),
    el('span', { class: `country-change ${direction(c.sinceStart.mean)}`, title: since.title, 'data-change': c.sinceStart.mean }, since.text),
    el('span', { class: 'figure-change' }, `${what} ${c.firstYear}→${c.lastYear}: ${formatValue(c.first * scale)} → ${formatValue(c.last * scale)} ${unit}`),
  ];
  if (c.vsTwin) {
    const twin = changeText(c.vsTwin);
    parts.push(el('span', { class: `vs-twin ${direction(c.vsTwin.mean)}`, title: `${twin.title}; without policies ${formatValue(c.twinLast * scale)} ${unit} in ${c.lastYear}`, 'data-vs-twin': c.vsTwin.mean }, `${twin.text} vs no policy in ${c.lastYear}`));
  }
  return el('div', { class: 'figure-card country-card', 'data-country': c.id, 'data-measure': what }, ...parts);
}

export function countryCards(runs: readonly RunResult[], twin: readonly RunResult[] | null): HTMLElement {
  const coca = entityChanges(runs, twin, 'cultivationHa', 'country');
  const markets = entityChanges(runs, twin, 'consumptionKg', 'market').slice(0, 3);
  return el(
    'section',
    { class: 'country-changes', id: 'country-changes' },
    el('h3', {}, twin ? 'Change by country: since the start, and against the same world without policies' : 'Change by country since the start'),
    el('div', { class: 'key-figures' }, ...coca.map((c) => card(c, 'coca', 'thousand ha', 1e-3)), ...markets.map((c) => card(c, 'consumption', 't/yr', 1e-3))),
  );
}
