/**
 * Headline outcomes of a run from its summary: last year of the horizon against
 * the first, mean over the seeds run. Flows are per year.
 */
import type { RunResult } from '../../sim/results/types';
import { formatChange, formatValue } from '../charts/format';
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

export function keyFigures(runs: readonly RunResult[], twin: readonly RunResult[] | null = null): HTMLElement {
  const first = runs[0].start.slice(0, 4);
  const last = String(Number(first) + Math.ceil(runs[0].ticks / runs[0].ticksPerYear) - 1);
  /** The last year against the twin's, when the twin was run (both means over the same seeds). */
  const vsTwin = (f: Figure, final: number): HTMLElement[] => {
    if (!twin || twin.length === 0) return [];
    const other = meanOf(twin, `${f.key}.final`) * f.scale;
    if (!Number.isFinite(other)) return [];
    const text = other !== 0 ? `${formatChange(final / other - 1)} vs no policy` : `no policy: ${formatValue(other)}`;
    return [el('span', { class: 'figure-twin', 'data-twin': other, title: `The same world without policies, same seeds: ${formatValue(other)} ${f.unit} in ${last}` }, text)];
  };
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
        ...vsTwin(f, final),
      ),
    ];
  });
  return el('div', { class: 'key-figures', 'aria-label': `Outcomes in ${last}` }, ...cards);
}
