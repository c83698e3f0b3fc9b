/**
 * Compare: pick two or more scenarios and a baseline; run them on the same seeds;
 * outcomes on shared axes, the paired difference against the baseline, and the
 * displacement index and cost-effectiveness of each scenario's added levers.
 */
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { COMPARISON_COLUMNS, compareSummaries } from '../../sim/analysis/compare';
import { csvLine } from '../../sim/io/csv';
import { entityChanges } from '../../sim/analysis/entityChange';
import { formatChange } from '../charts/format';
import { presetWidths, setExportContext } from '../charts/frame';
import { lineChart } from '../charts/lineChart';
import { describeSeeds, seedNote } from '../state/seeds';
import { countryColor } from '../charts/palette';
import { measureRows } from '../data/plotRows';
import { recordRows } from '../data/record';
import { differenceRows, scenarioRows, type ScenarioRuns } from '../data/compareRows';
import { comparisonEffect } from '../data/effects';
import type { ScenarioSource } from '../data/library';
import { download, slug } from '../export/download';
import type { PageState } from '../state/url';
import { el } from '../ui/dom';
import { COMPARE_CHARTS } from './compareCharts';
import { SMOOTH_NOTE } from './resultCharts';
import { effectTable } from './effectTable';
import { shiftMap } from './shiftMap';

export interface CompareRun {
  source: ScenarioSource;
  scenario: Scenario | null;
  runs: RunResult[];
}

export interface CompareContext {
  state: PageState;
  runs: CompareRun[];
  busy: boolean;
  /** A scenario's colour, the same in every comparison. */
  colorOf(id: string): string;
  onBaseline(id: string): void;
}

/** Every summary outcome of each scenario against the baseline (a = baseline, b = scenario), paired by seed: the CLI's compare columns after scenario and baseline. */
export function comparisonTable(others: readonly CompareRun[], baseline: CompareRun): string {
  let text = csvLine(['scenario', 'baseline', ...COMPARISON_COLUMNS]);
  for (const r of others) {
    const pairs = r.runs.map((run, k) => ({ seed: run.seed, a: baseline.runs[k].summary, b: run.summary }));
    for (const c of compareSummaries(pairs)) {
      text += csvLine([r.source.name, baseline.source.name, c.key, c.a, c.b, c.difference.mean, c.difference.lo, c.difference.hi, c.relative, c.difference.n, c.difference.level]);
    }
  }
  return text;
}

export function renderCompare(container: HTMLElement, ctx: CompareContext): void {
  container.replaceChildren();
  delete container.dataset.compareDrawn;
  const done = ctx.runs.filter((r) => r.runs.length > 0);
  if (done.length < 2) {
    container.append(el('p', { class: 'placeholder', id: 'compare-empty' }, ctx.busy ? 'Running the comparison…' : 'Tick two or more scenarios on the left and press Compare.'));
    return;
  }
  const baseline = done.find((r) => r.source.id === ctx.state.baseline) ?? done[0];
  setExportContext({ scenario: `${done.length} scenarios against ${baseline.source.name}`, seeds: describeSeeds(baseline.runs.map((r) => r.seed)) });
  const series: ScenarioRuns[] = done.map((r) => ({ id: r.source.id, name: r.source.name, runs: r.runs }));
  const colorOf = ctx.colorOf;
  const dashed = (id: string) => id === baseline.source.id;

  const select = el('select', { id: 'compare-baseline', onchange: (e: Event) => ctx.onBaseline((e.target as HTMLSelectElement).value) }, ...done.map((r) => el('option', { value: r.source.id, selected: r === baseline }, r.source.name)));
  const csv = el('button', { type: 'button', 'data-export': 'comparison-csv' }, 'Download comparison CSV');
  csv.addEventListener('click', () => {
    const text = comparisonTable(done.filter((r) => r !== baseline), baseline);
    download(new Blob([text], { type: 'text/csv' }), `balloon-compare-${slug(baseline.source.id)}.csv`);
  });
  container.append(el('div', { class: 'compare-tools' }, el('label', { for: 'compare-baseline' }, 'Baseline '), select, csv));

  const rows = done
    .filter((r) => r !== baseline && r.scenario && baseline.scenario && r.runs.length === baseline.runs.length)
    .map((r) => ({ id: r.source.id, name: r.source.name, scenario: r.scenario!, effect: comparisonEffect(r.scenario!, r.runs, baseline.scenario!, baseline.runs) }));
  if (rows.length > 0) container.append(effectTable(rows, baseline.source.name));

  // Every chart cell first, their widths read in one layout, then the charts: reading a width after
  // each chart is drawn would lay the page out again for every chart (25 for nine scenarios).
  const draws: (() => void)[] = [];
  const cellIn = (grid: HTMLElement, draw: (cell: HTMLElement) => void) => {
    const cell = el('div', { class: 'chart-cell' });
    grid.append(cell);
    draws.push(() => draw(cell));
  };
  const sideBySide = el('div', { class: 'chart-grid' });
  const differences = el('div', { class: 'chart-grid' });
  container.append(el('h3', {}, 'Outcomes on shared axes'), sideBySide);
  for (const spec of COMPARE_CHARTS) {
    cellIn(sideBySide, (cell) => lineChart(cell, scenarioRows(series, spec.view), { id: spec.id, title: spec.title, unit: spec.unit, colorOf, dashed, note: [seedNote(baseline.runs), spec.view.smooth ? SMOOTH_NOTE : ''].filter(Boolean).join(' · ') }));
  }

  // The balloon effect in one picture: each producer's coca, one line per country, per scenario, on one y axis.
  // (Read when the first of these charts is drawn, after the table has painted.)
  const record = recordRows('cultivationHa', 'country', 1e-3);
  let shared: { byCountry: ReturnType<typeof measureRows>[]; yMax: number } | null = null;
  const countryRows = () => {
    if (shared) return shared;
    const byCountry = done.map((r) => measureRows(r.runs, { measure: 'cultivationHa', kind: 'country', scale: 1e-3 }));
    return (shared = { byCountry, yMax: Math.max(...byCountry.flatMap((rows) => rows.map((row) => row.hi)), ...(record?.rows.map((r) => r.hi) ?? [])) });
  };
  const multiples = el('div', { class: 'chart-grid' });
  container.append(el('h3', {}, 'Coca cultivation by country, side by side'), multiples);
  done.forEach((r, i) => {
    const against = r !== baseline && r.runs.length === baseline.runs.length ? baseline.runs : null;
    cellIn(multiples, (cell) => {
      const all = entityChanges(r.runs, against, 'cultivationHa', 'country');
      const changes = new Map(all.map((c) => [c.id, c.sinceStart.mean]));
      const vsBaseline = new Map(all.map((c) => [c.id, c.vsTwin?.mean ?? NaN]));
      const { byCountry, yMax } = countryRows();
      lineChart(cell, byCountry[i], {
        id: `side-cultivation-${slug(r.source.id)}`,
        title: r.source.name,
        unit: 'thousand hectares',
        colorOf: countryColor,
        note: seedNote(r.runs),
        yDomain: [0, yMax],
        record: record ?? undefined,
        endLabel: (key, last) => `${last.label} ${formatChange(changes.get(key) ?? NaN)}`,
        // Against the baseline on the same seeds, in the last year: where this scenario's coca is, compared with the baseline's.
        endNote: against ? (key) => (Number.isFinite(vsBaseline.get(key)) ? `${formatChange(vsBaseline.get(key)!)} vs baseline, ${all[0]?.lastYear}` : null) : undefined,
      });
    });
  });

  const shifted = done.filter((r) => r !== baseline && r.scenario).map((r) => ({ id: r.source.id, name: r.source.name, scenario: r.scenario!, runs: r.runs }));
  const shifts = el('div');
  container.append(shifts);
  if (baseline.scenario && shifted.length > 0) {
    draws.push(() => shiftMap(shifts, shifted, { id: baseline.source.id, name: baseline.source.name, scenario: baseline.scenario!, runs: baseline.runs }));
  }

  container.append(el('h3', {}, `Difference from “${baseline.source.name}”`), differences);
  for (const spec of COMPARE_CHARTS) {
    cellIn(differences, (cell) =>
      lineChart(cell, differenceRows(series, series[done.indexOf(baseline)], spec.view), {
        id: `${spec.id}-difference`,
        title: `${spec.title}: difference`,
        unit: spec.unit,
        colorOf,
        signed: true,
        note: `scenario − baseline, paired by seed${spec.view.smooth ? ` · ${SMOOTH_NOTE}` : ''}`,
      }),
    );
  }
  presetWidths([...sideBySide.children, ...multiples.children, ...differences.children] as HTMLElement[]);
  drawAfterPaint(container, sideBySide, draws);
}

/**
 * The effect table is on screen when this is called: let it paint, then draw the charts in one
 * task (unless `first`, the first chart grid, has left the container: the view was drawn anew) and
 * mark the container data-compare-drawn (tests and the bench wait for it). Drawn in several tasks,
 * each repainting the growing page, the last chart came about 0.5 s later.
 */
function drawAfterPaint(container: HTMLElement, first: HTMLElement, draws: readonly (() => void)[]): void {
  const drawAll = () => {
    if (!container.contains(first)) return;
    for (const draw of draws) draw();
    container.dataset.compareDrawn = 'true';
  };
  requestAnimationFrame(() => setTimeout(drawAll, 0)); // host-only
}
