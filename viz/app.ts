/**
 * The app: page state, the worker pool and the views, wired together.
 * Scenario → worker (validate, run per seed) → RunResults → views draw tidy rows.
 */
import type { RunResult } from '../sim/results/types';
import type { Scenario } from '../sim/scenario/schema';
import { parseScenarioText } from '../sim/scenario/validate';
import { validationReport } from './worker/protocol';
import { LIBRARY, type ScenarioSource } from './data/library';
import { SimPool, type BatchJob } from './runner/pool';
import { formatSeeds, parseSeeds } from './state/seeds';
import { readState, VIEWS, writeState, type PageState, type ViewName } from './state/url';
import { el } from './ui/dom';
import { runPanel } from './ui/runPanel';
import { scenarioPanel } from './ui/scenarioPanel';
import { renderCompare, type CompareRun } from './views/compareView';
import { renderMap } from './views/mapView';
import { renderResults } from './views/resultsView';

const VIEW_LABELS: Record<ViewName, string> = { results: 'Results', map: 'Route map', compare: 'Compare' };

export interface Current {
  source: ScenarioSource;
  scenario: Scenario;
  runs: RunResult[];
}

export function startApp(root: HTMLElement): void {
  const state: PageState = readState(location.search);
  const pool = new SimPool();
  let source: ScenarioSource = LIBRARY.find((s) => s.id === state.scenario) ?? LIBRARY[0];
  let current: Current | null = null;
  let comparison: CompareRun[] = [];
  let busy = false;
  let latest = 0;
  const view = el('main', { id: 'view', class: 'view' });

  const save = () => writeState(state);
  const render = () => {
    for (const tab of tabs.querySelectorAll('button')) tab.setAttribute('aria-selected', String(tab.dataset.view === state.view));
    document.body.dataset.view = state.view;
    if (state.view === 'results') renderResults(view, current?.runs ?? [], current?.scenario);
    else if (state.view === 'map') renderMap(view, current, state.year, (year) => ((state.year = year), save()));
    else renderCompare(view, { sources: scenarios.sources(), state, runs: comparison, busy, onCompare: compare, onBaseline: (id) => ((state.baseline = id), save(), render()) });
  };

  /** Run a batch with progress and cancel; null when cancelled or failed (the status says why). */
  const runBatch = async (jobs: BatchJob[], names: string[], label: string): Promise<RunResult[][] | null> => {
    const token = ++latest;
    busy = true;
    runs.setRunning(true, label);
    const begun = performance.now(); // host-only
    const outcome = await pool.run(jobs, (f) => token === latest && runs.setProgress(f));
    // A newer batch replaced this one: it owns the controls now.
    if (token !== latest) return null;
    busy = false;
    runs.setRunning(false);
    if (!outcome.ok) {
      if (outcome.cancelled) runs.setStatus('Run cancelled.');
      else {
        runs.setStatus(`${names[outcome.job] ?? 'scenario'}: ${outcome.message}`, 'error');
        if (outcome.errors.length > 0) scenarios.showErrors(names[outcome.job] ?? 'scenario', outcome.errors);
      }
      return null;
    }
    const count = jobs.reduce((n, j) => n + j.seeds.length, 0);
    runs.setStatus(`Done: ${count} run${count === 1 ? '' : 's'} in ${((performance.now() - begun) / 1000).toFixed(1)} s.`); // host-only
    return outcome.results;
  };

  const run = async (seeds: number[]) => {
    state.seeds = formatSeeds(seeds);
    save();
    const parsed = parseScenarioText(source.text);
    if (!parsed.ok) {
      scenarios.showErrors(source.name, parsed.errors);
      return;
    }
    const ran = source;
    const results = await runBatch([{ scenario: source.text, seeds }], [source.name], `Running ${source.name} with ${seeds.length} seed${seeds.length === 1 ? '' : 's'}…`);
    if (!results || ran !== source) return;
    current = { source, scenario: parsed.value, runs: results[0] };
    if (state.view !== 'compare') render();
  };

  async function compare(ids: string[]) {
    const parsedSeeds = parseSeeds(runs.seedsText());
    if (!parsedSeeds.ok) return runs.setStatus(parsedSeeds.message, 'error');
    const chosen = ids.map((id) => scenarios.sources().find((s) => s.id === id)).filter((s): s is ScenarioSource => !!s);
    state.compare = chosen.map((s) => s.id);
    if (!state.compare.includes(state.baseline)) state.baseline = state.compare[0] ?? 'baseline';
    save();
    const seeds = parsedSeeds.seeds;
    const results = await runBatch(
      chosen.map((s) => ({ scenario: s.text, seeds })),
      chosen.map((s) => s.name),
      `Comparing ${chosen.length} scenarios over ${seeds.length} seed${seeds.length === 1 ? '' : 's'}…`,
    );
    if (!results) return;
    comparison = chosen.map((s, i) => {
      const parsed = parseScenarioText(s.text);
      return { source: s, scenario: parsed.ok ? parsed.value : null, runs: results[i] };
    });
    if (state.view === 'compare') render();
  }

  const scenarios = scenarioPanel({
    selected: source.id,
    onSelect(chosen) {
      source = chosen;
      scenarios.clearErrors();
      if (!chosen.id.startsWith('file:')) state.scenario = chosen.id;
      save();
      const seeds = parseSeeds(runs.seedsText());
      if (seeds.ok && state.view !== 'compare') void run(seeds.seeds);
    },
    async onFile(file) {
      // Same validation, same messages; in this thread only while every worker is busy running.
      const report = (await pool.validate(file.text)) ?? validationReport(file.text);
      if (!report.ok) {
        scenarios.showErrors(file.id.slice('file:'.length), report.errors);
        runs.setStatus(`${file.id.slice('file:'.length)} was not loaded: see the problems above.`, 'error');
        return false;
      }
      scenarios.clearErrors();
      runs.setStatus(`Loaded ${report.name}: ${report.countries} countries, ${report.routes} routes, ${report.policies} policies.`);
      return true;
    },
  });
  const runs = runPanel({
    seeds: state.seeds,
    onRun: (seeds) => void run(seeds),
    onCancel: () => pool.cancel(),
    onSeeds: (text) => {
      const parsed = parseSeeds(text);
      if (parsed.ok) (state.seeds = formatSeeds(parsed.seeds)), save();
    },
  });

  const tabs = el(
    'nav',
    { class: 'tabs', role: 'tablist' },
    ...VIEWS.map((name) =>
      el(
        'button',
        {
          type: 'button',
          role: 'tab',
          'data-view': name,
          onclick: () => {
            state.view = name;
            save();
            render();
          },
        },
        VIEW_LABELS[name],
      ),
    ),
  );
  const header = el(
    'header',
    { class: 'top' },
    el('div', { class: 'brand' }, el('h1', {}, 'Balloon'), el('p', {}, 'Simulating transnational cocaine markets and the balloon effect')),
    tabs,
    // Workshop mode is the second page of the build (workshop.html, viz/workshop).
    el('a', { href: './workshop.html', id: 'to-workshop', style: 'align-self:center;margin-left:auto;font-size:13px;color:#1f4e9c;text-decoration:none' }, 'Workshop mode →'),
  );
  const aside = el('aside', { class: 'side' }, scenarios.element, runs.element);
  root.replaceChildren(header, el('div', { class: 'layout' }, aside, view));
  render();

  // Charts are drawn to the width of their cell: redraw when it changes.
  let drawnWidth = view.clientWidth;
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (Math.abs(view.clientWidth - drawnWidth) < 24) return;
      drawnWidth = view.clientWidth;
      render();
    }, 200); // host-only
  }).observe(view);

  if (state.scenario.startsWith('file:')) runs.setStatus(`${state.scenario.slice(5)} was a file opened from disk: open it again to run it.`, 'error');
  const seeds = parseSeeds(state.seeds);
  if (seeds.ok && state.view !== 'compare') void run(seeds.seeds);
  if (state.view === 'compare' && state.compare.length > 0) void compare(state.compare);
}
