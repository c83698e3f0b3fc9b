/**
 * The results of one scenario: every chart of RESULT_CHARTS over the seeds run,
 * a line on what was run, and the CSV download.
 */
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { areaChart } from '../charts/areaChart';
import { lineChart } from '../charts/lineChart';
import { countryColor, rankColor } from '../charts/palette';
import { measureRows, OTHER } from '../data/plotRows';
import { downloadResultsCsv } from '../export/csv';
import { el } from '../ui/dom';
import { aboutScenario } from './aboutScenario';
import { keyFigures } from './keyFigures';
import { RESULT_CHARTS, SMOOTH_NOTE } from './resultCharts';

export function seedNote(runs: readonly RunResult[]): string {
  return runs.length > 1 ? `mean of ${runs.length} seeds, band: 5–95% of runs` : 'one seed';
}

export function renderResults(container: HTMLElement, runs: readonly RunResult[], scenario?: Scenario): void {
  container.replaceChildren();
  if (runs.length === 0) {
    container.append(el('p', { class: 'placeholder' }, 'Choose a scenario and press Run.'));
    return;
  }
  const head = el(
    'div',
    { class: 'results-head' },
    el('h2', {}, runs[0].scenario),
    el('span', { class: 'meta' }, `${runs[0].start} · ${runs[0].ticks} ticks · seeds ${runs.map((r) => r.seed).join(', ')} · `),
    el('code', { class: 'hash', 'data-hash': runs[0].hash, title: 'Result hash of the first seed: identical in the CLI' }, `hash ${runs[0].hash}`),
    el('button', { type: 'button', class: 'csv', 'data-export': 'csv', onclick: () => downloadResultsCsv(runs) }, 'Download CSV'),
  );
  const grid = el('div', { class: 'chart-grid' });
  container.append(head);
  if (scenario) container.append(aboutScenario(scenario));
  container.append(keyFigures(runs), grid);
  for (const spec of RESULT_CHARTS) {
    const cell = el('div', { class: 'chart-cell' });
    grid.append(cell);
    const rows = measureRows(runs, spec.view);
    const keys = [...new Set(rows.map((r) => r.series))];
    const colorOf = (key: string) => (key === OTHER ? '#b0b7bf' : spec.colors === 'country' ? countryColor(key) : rankColor(keys.indexOf(key)));
    const note = rows.length === 0 && spec.emptyNote ? spec.emptyNote : [seedNote(runs), spec.view.smooth ? SMOOTH_NOTE : ''].filter(Boolean).join(' · ');
    const options = { id: spec.id, title: spec.title, unit: spec.unit, colorOf, note };
    if (spec.mark === 'area') areaChart(cell, rows, options);
    else lineChart(cell, rows, { ...options, log: spec.log });
  }
}
