/**
 * Headline outcomes of a run from its summary: last year of the horizon against
 * the first, mean over the seeds run. Flows are per year.
 */
import type { RunResult } from '../../sim/results/types';
import { formatValue } from '../charts/format';
import { el } from '../ui/dom';

interface Figure {
  key: string;
  label: string;
  unit: string;
  scale: number;
}

const FIGURES: Figure[] = [
  { key: 'cultivationHa.world', label: 'Coca cultivation', unit: 'thousand ha', scale: 1e-3 },
  { key: 'producedKg.world', label: 'Production', unit: 't/yr', scale: 1e-3 },
  { key: 'northernConsumptionKg', label: 'Northern consumption', unit: 't/yr', scale: 1e-3 },
  { key: 'seizedKg.world', label: 'Seizures', unit: 't/yr', scale: 1e-3 },
  { key: 'southernViolenceIndex', label: 'Southern violence', unit: 'index', scale: 1 },
  { key: 'traffickerCount.world', label: 'Trafficking organisations', unit: '', scale: 1 },
  { key: 'spendUsd.world', label: 'Policy spending', unit: 'M USD/yr', scale: 1e-6 },
];

function meanOf(runs: readonly RunResult[], key: string): number {
  const values = runs.map((r) => r.summary[key]).filter((v): v is number => typeof v === 'number');
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

export function keyFigures(runs: readonly RunResult[]): HTMLElement {
  const first = runs[0].start.slice(0, 4);
  const last = String(Number(first) + Math.ceil(runs[0].ticks / runs[0].ticksPerYear) - 1);
  const cards = FIGURES.flatMap((f) => {
    const initial = meanOf(runs, `${f.key}.initial`) * f.scale;
    const final = meanOf(runs, `${f.key}.final`) * f.scale;
    if (!Number.isFinite(final)) return [];
    const change = initial !== 0 && Number.isFinite(initial) ? (final - initial) / Math.abs(initial) : NaN;
    const trend = Number.isFinite(change) ? `${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(0)}% since ${first}` : `from ${formatValue(initial)} in ${first}`;
    return [
      el(
        'div',
        { class: 'figure-card', 'data-figure': f.key, title: `${f.label}: ${formatValue(initial)} in ${first}, ${formatValue(final)} in ${last} (${f.unit || 'count'})` },
        el('span', { class: 'figure-label' }, f.label),
        el('span', { class: 'figure-value' }, formatValue(final), el('small', {}, ` ${f.unit}`)),
        el('span', { class: `figure-change ${change > 0.005 ? 'up' : change < -0.005 ? 'down' : ''}` }, trend),
      ),
    ];
  });
  return el('div', { class: 'key-figures', 'aria-label': `Outcomes in ${last}` }, ...cards);
}
