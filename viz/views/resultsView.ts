/**
 * The results of one scenario: what was run, the headline figures, each country's
 * change (against the no-policy twin when it was run), and every chart of
 * RESULT_CHARTS over the seeds run.
 */
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { areaChart } from '../charts/areaChart';
import { entityChanges } from '../../sim/analysis/entityChange';
import { formatChange } from '../charts/format';
import { lineChart } from '../charts/lineChart';
import { countryColor, rankColor } from '../charts/palette';
import { measureRows, OTHER, type PlotRow } from '../data/plotRows';
import { downloadResultsCsv } from '../export/csv';
import { describeSeeds } from '../state/seeds';
import { el } from '../ui/dom';
import { aboutScenario } from './aboutScenario';
import { countryCards } from './countryCards';
import { keyFigures } from './keyFigures';
import { RESULT_CHARTS, SMOOTH_NOTE, type ChartSpec } from './resultCharts';

export function seedNote(runs: readonly RunResult[]): string {
  return runs.length > 1 ? `mean of ${runs.length} seeds, band: 5–95% of runs` : 'one seed';
}

export interface ResultsInput {
  runs: RunResult[];
  scenario: Scenario;
  twin: RunResult[] | null;
}

const TWIN = 'twin:';

/** Lines per country with "Colombia 115 (−38 %)" at their ends; the twin's lines dashed and faint behind. */
function perCountryChart(cell: HTMLElement, spec: ChartSpec, runs: readonly RunResult[], twin: readonly RunResult[] | null, note: string): void {
  const rows = measureRows(runs, spec.view);
  // The change at the line's end is the yearly one of the cards (first year to last), not the smoothed line's.
  const changes = new Map(entityChanges(runs, null, spec.view.measure, spec.view.kind).map((c) => [c.id, c.sinceStart.mean]));
  const twinRows: PlotRow[] = twin ? measureRows(twin, spec.view).map((r) => ({ ...r, series: `${TWIN}${r.series}`, label: `${r.label} without policies` })) : [];
  const base = (key: string) => (key.startsWith(TWIN) ? key.slice(TWIN.length) : key);
  lineChart(cell, [...twinRows, ...rows], {
    id: spec.id,
    title: spec.title,
    unit: spec.unit,
    colorOf: (key) => countryColor(base(key)),
    dashed: (key) => key.startsWith(TWIN),
    faint: (key) => key.startsWith(TWIN),
    note: twin ? `${note} · dashed: the same world without policies` : note,
    endLabel: (key, last) => (key.startsWith(TWIN) ? null : `${last.label} ${formatChange(changes.get(key) ?? NaN)}`),
  });
}

export function renderResults(container: HTMLElement, current: ResultsInput | null): void {
  container.replaceChildren();
  if (!current || current.runs.length === 0) {
    container.append(el('p', { class: 'placeholder', id: 'results-empty' }, 'Running the scenario… (choose another on the left, or change the seeds and press Run)'));
    return;
  }
  const { runs, scenario, twin } = current;
  const last = Number(runs[0].start.slice(0, 4)) + Math.ceil(runs[0].ticks / runs[0].ticksPerYear) - 1;
  const head = el(
    'div',
    { class: 'results-head' },
    el('h2', {}, runs[0].scenario),
    el('span', { class: 'meta' }, `${runs[0].start.slice(0, 4)}–${last} · ${describeSeeds(runs.map((r) => r.seed))}${twin ? ' · with its no-policy twin' : ''}`),
    el('button', { type: 'button', class: 'csv', 'data-export': 'csv', title: 'Every value of every month: large (about 9 MB per seed)', onclick: () => downloadResultsCsv(runs) }, 'Download all data (CSV)'),
  );
  const details = el(
    'details',
    { class: 'run-details' },
    el('summary', {}, 'Run details'),
    el(
      'p',
      {},
      `${runs[0].ticks} monthly steps from ${runs[0].start}; seeds ${runs.map((r) => r.seed).join(', ')}. Result fingerprint of the first seed (identical in the CLI): `,
      el('code', { class: 'hash', 'data-hash': runs[0].hash }, runs[0].hash),
    ),
  );
  const grid = el('div', { class: 'chart-grid' });
  container.append(head, aboutScenario(scenario), keyFigures(runs, twin), countryCards(runs, twin), grid, details);
  for (const spec of RESULT_CHARTS) {
    const cell = el('div', { class: 'chart-cell' });
    grid.append(cell);
    const note = [seedNote(runs), spec.view.smooth ? SMOOTH_NOTE : ''].filter(Boolean).join(' · ');
    if (spec.perCountry) {
      perCountryChart(cell, spec, runs, twin, note);
      continue;
    }
    const rows = measureRows(runs, spec.view);
    const keys = [...new Set(rows.map((r) => r.series))];
    const colorOf = (key: string) => (key === OTHER ? '#b0b7bf' : spec.colors === 'country' ? countryColor(key) : rankColor(keys.indexOf(key)));
    const options = { id: spec.id, title: spec.title, unit: spec.unit, colorOf, note: rows.length === 0 && spec.emptyNote ? spec.emptyNote : note };
    if (spec.mark === 'area') areaChart(cell, rows, options);
    else lineChart(cell, rows, { ...options, log: spec.log });
  }
}
