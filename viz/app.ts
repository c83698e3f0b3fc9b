/**
 * The app: page state, the worker pool and the views, wired together.
 * Scenario → worker (validate, run per seed) → RunResults → views draw tidy rows.
 * Results and Route map show one scenario (with its no-policy twin when asked);
 * Compare swaps the side panel's scenario list for a checklist, so its controls
 * drive only the comparison. Calibration shows a calibration's fit (no side panel:
 * it runs nothing).
 */
import type { RunResult } from '../sim/results/types';
import type { Scenario } from '../sim/scenario/schema';
import type { ScenarioError } from '../sim/scenario/validate';
import { LIBRARY, sourceFromFile, type ScenarioSource } from './data/library';
import { twinOf } from './data/twin';
import { hasStored, loadStored, sameAsStored } from './stored/appResults';
import { poolSize, SimPool, type BatchJob } from './runner/pool';
import { scenarioColor } from './charts/palette';
import { defaultComparison } from './state/compare';
import { describeSeeds } from './state/seeds';
import { decodeFile, encodeFile, readState, VIEWS, writeState, type PageState, type ViewName } from './state/url';
import { comparePanel } from './ui/comparePanel';
import { el } from './ui/dom';
import { runPanel } from './ui/runPanel';
import { scenarioPanel } from './ui/scenarioPanel';
import type { CompareRun } from './views/compareView';
import type { CalibrationView } from './data/fitTable';
import { renderResults, storedText } from './views/resultsView';

// Loaded when first needed, not before the first charts: validation (zod) and the views with
// maps (world atlas, projections) or comparisons.
const validation = () => import('../sim/scenario/validate');
const mapView = () => import('./views/mapView');
const compareView = () => import('./views/compareView');
const fitView = () => import('./views/fitView');

const VIEW_LABELS: Record<ViewName, string> = { results: 'Results', map: 'Route map', compare: 'Compare', fit: 'Calibration' };

export interface Current {
  source: ScenarioSource;
  scenario: Scenario;
  runs: RunResult[];
  /** The same scenario without its policies, on the same seeds (when asked and it has policies). */
  twin: RunResult[] | null;
  /** Results stored with the app (computed by the build): being checked by a live run, or checked. */
  stored?: StoredState;
}

/** Stored results shown while a live run checks them, checked the same, or replaced by the live run because they differed. */
export type StoredState = 'checking' | 'same' | 'replaced';


/** The pool's warm-up (see SimPool.warmUp): the baseline with one policy of each lever and shape of the library. */
const WARM_TEXTS = [...LIBRARY].sort((a, b) => Number(b.id === 'baseline') - Number(a.id === 'baseline')).map((s) => s.text);

export function startApp(root: HTMLElement): void {
  const state: PageState = readState(location.search);
  // The default page shows results stored with the app: fetch them while the page is built.
  if (state.view === 'results' || state.view === 'map') void loadStored();
  // `?workers=N` caps the pool (to compare a batch's results on one worker and on several).
  const cap = Number(new URLSearchParams(location.search).get('workers'));
  const pool = new SimPool(Number.isInteger(cap) && cap > 0 ? poolSize(cap) : poolSize());
  document.body.dataset.workers = String(pool.size);
  const libraryIds = LIBRARY.map((s) => s.id);
  const colorOf = (id: string) => scenarioColor(id, libraryIds);
  let source: ScenarioSource = LIBRARY.find((s) => s.id === state.scenario) ?? LIBRARY[0];
  let current: Current | null = null;
  let comparison: CompareRun[] = [];
  let busy = false;
  /** Renders of the view so far (a lazily loaded view draws only if it is still the latest). */
  let renders = 0;
  let latest = 0;
  /** Why nothing is shown (e.g. a link to a file that must be opened again). */
  let notice: string | null = null;
  /** A calibration opened from disk in the Calibration view (a link cannot carry it). */
  let openedFit: CalibrationView | undefined;
  const view = el('main', { id: 'view', class: 'view' });

  const save = () => writeState(state);
  const render = () => {
    for (const tab of tabs.querySelectorAll('button')) tab.setAttribute('aria-selected', String(tab.dataset.view === state.view));
    document.body.dataset.view = state.view;
    const comparing = state.view === 'compare';
    // Calibration runs nothing: no side panel. The view's width changes with it: charts are drawn at
    // the new width below, so the resize this causes must not draw the view a second time (which
    // would, in Calibration, replace the file inputs a user may be using).
    if (aside.hidden !== (state.view === 'fit')) {
      aside.hidden = state.view === 'fit';
      drawnWidth = view.clientWidth;
    }
    scenarios.element.hidden = comparing;
    twinBox.hidden = comparing;
    picker.element.hidden = !comparing;
    runs.setMode(comparing ? 'compare' : 'run');
    if (comparing) picker.render(scenarios.sources(), state.compare.length > 0 ? state.compare : defaultComparison(scenarios.sources().map((s) => s.id), state));
    if (state.view === 'fit') {
      const drawing = ++renders;
      view.replaceChildren(el('p', { class: 'placeholder' }, 'Loading…'));
      void fitView().then(
        ({ renderFit }) =>
          drawing === renders &&
          renderFit(view, { name: state.fit ?? 'default', opened: openedFit }, (next) => {
            openedFit = next.opened;
            state.fit = next.name === 'default' ? undefined : next.name;
            save();
            render();
          }),
      );
      return;
    }
    if (notice && !comparing) {
      view.replaceChildren(el('p', { class: 'placeholder notice', id: 'notice' }, notice));
      return;
    }
    if (state.view === 'results') renderResults(view, current);
    else {
      // A lazily loaded view draws when its code has come, unless the page has been redrawn since.
      const drawing = ++renders;
      view.replaceChildren(el('p', { class: 'placeholder' }, 'Loading…'));
      if (state.view === 'map')
        void mapView().then(({ renderMap }) => drawing === renders && renderMap(view, current, { year: state.year, mode: state.routes ?? 'flow' }, (mode, year) => ((state.routes = mode), (state.year = year), save())));
      else void compareView().then(({ renderCompare }) => drawing === renders && renderCompare(view, { state, runs: comparison, busy, colorOf, onBaseline: (id) => ((state.baseline = id), save(), render()) }));
      return;
    }
    renders++;
  };

  /** Run a batch with progress and cancel; null when cancelled or failed (the status says why). */
  const runBatch = async (jobs: BatchJob[], names: string[], label: string, done: (seconds: string) => string): Promise<RunResult[][] | null> => {
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
    runs.setStatus(done(((performance.now() - begun) / 1000).toFixed(1))); // host-only
    return outcome.results;
  };

  let runCalls = 0;
  const run = async (seeds: number[]) => {
    const ran = source;
    const call = ++runCalls;
    // The default page's results were computed by the build: show them at once (before validating the
    // file here, which takes a while the first time), and let the live run below check them.
    const stored = !ran.id.startsWith('file:') && hasStored(ran.id, seeds, state.twin !== false) ? await loadStored() : null;
    if (call !== runCalls || ran !== source) return;
    if (stored) {
      notice = null;
      current = { source, scenario: stored.scenario, runs: stored.runs, twin: stored.twin, stored: 'checking' };
      setStored('checking');
      if (state.view !== 'compare') render();
      // Let the first charts paint before the page validates the file.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))); // host-only
      if (call !== runCalls || ran !== source) return;
    }
    const { parseScenarioText } = await validation();
    if (call !== runCalls || ran !== source) return;
    const parsed = parseScenarioText(source.text);
    if (!parsed.ok) {
      scenarios.showErrors(source.name, parsed.errors);
      return;
    }
    notice = null;
    const withTwin = state.twin !== false && parsed.value.policies.length > 0;
    const jobs: BatchJob[] = [{ scenario: source.text, seeds }];
    if (withTwin) jobs.push({ scenario: twinOf(parsed.value), seeds });
    const what = describeSeeds(seeds);
    const results = await runBatch(
      jobs,
      [source.name, `${source.name} without policies`],
      stored
        ? `Showing the results stored with the app; checking them with a live run of ${source.name}, ${what}…`
        : `Running ${source.name}${withTwin ? ' and its no-policy twin' : ''}, ${what}…`,
      (s) => `Done: ${source.name}${withTwin ? ' and its twin' : ''}, ${what}, in ${s} s.`,
    );
    if (!results || ran !== source) return;
    warmSoon();
    const twin = withTwin ? results[1] : null;
    if (stored && current?.stored === 'checking' && current.runs === stored.runs) {
      if (sameAsStored(stored, results[0], twin)) {
        // Bit for bit the same: keep the charts on screen.
        current.stored = 'same';
        setStored('same');
        runs.setStatus(`Checked: a live run of ${source.name}, ${what}, gives the same result as the one stored with the app (hash ${results[0][0]?.hash}).`);
        return;
      }
      current = { source, scenario: parsed.value, runs: results[0], twin, stored: 'replaced' };
      setStored('replaced');
      runs.setStatus(`The results stored with the app differ from this live run of ${source.name}: showing the live run.`, 'error');
    } else current = { source, scenario: parsed.value, runs: results[0], twin };
    if (state.view !== 'compare') render();
  };

  /** Once the page is idle, start the pool's other workers and warm their engines for the next batch (e.g. a comparison). */
  const warmSoon = () =>
    setTimeout(() => void pool.warmUp(WARM_TEXTS).then(() => (document.body.dataset.poolWarm = 'true')), 300); // host-only

  /** Say on the page (the results' heading, and body[data-stored] for tests) what the stored results are. */
  const setStored = (value: StoredState) => {
    document.body.dataset.stored = value;
    const note = document.getElementById('stored-note');
    if (note) {
      note.dataset.stored = value;
      note.textContent = storedText(value);
    }
  };

  async function compare(ids: string[], seeds: number[]) {
    const chosen = ids.map((id) => scenarios.sources().find((s) => s.id === id)).filter((s): s is ScenarioSource => !!s);
    if (chosen.length < 2) return runs.setStatus('Compare: tick at least two scenarios.', 'error');
    state.compare = chosen.map((s) => s.id);
    if (!state.compare.includes(state.baseline)) state.baseline = state.compare[0] ?? 'baseline';
    save();
    const what = describeSeeds(seeds);
    // Say at once that the comparison is running (the view shows the previous one, or that it is coming).
    busy = true;
    if (state.view === 'compare' && comparison.length === 0) render();
    const results = await runBatch(
      chosen.map((s) => ({ scenario: s.text, seeds })),
      chosen.map((s) => s.name),
      `Comparing ${chosen.length} scenarios, ${what} each…`,
      (s) => `Done: ${chosen.length} scenarios × ${what} in ${s} s.`,
    );
    if (!results) return;
    const { parseScenarioText: parse } = await validation();
    comparison = chosen.map((s, i) => {
      const parsed = parse(s.text);
      return { source: s, scenario: parsed.ok ? parsed.value : null, runs: results[i] };
    });
    // Every run's fingerprint, scenario by scenario and seed by seed (the same on any number of workers).
    view.dataset.runHashes = comparison.map((c) => `${c.source.id}:${c.runs.map((r) => r.hash).join(',')}`).join(' ');
    if (state.view === 'compare') render();
  }

  /** A file opened from disk that cannot be run: its problems in the panel, in the CLI's words. */
  const notLoaded = (name: string, errors: readonly ScenarioError[]) => {
    scenarios.showErrors(name, errors);
    runs.setStatus(`${name} was not loaded: see the problems above.`, 'error');
  };

  const scenarios = scenarioPanel({
    selected: source.id,
    onSelect(chosen) {
      source = chosen;
      scenarios.clearErrors();
      state.scenario = chosen.id;
      state.file = undefined;
      save();
      if (chosen.id.startsWith('file:')) {
        // The link carries a small file; a large one must be opened again (the page says so on reload).
        void encodeFile(chosen.text).then((encoded) => {
          if (state.scenario !== chosen.id) return;
          state.file = encoded ?? undefined;
          save();
        });
      }
      const seeds = runs.seeds();
      if (seeds && state.view !== 'compare') void run(seeds);
    },
    async onFile(file) {
      // Same validation, same messages; in this thread only while every worker is busy running.
      const report = (await pool.validate(file.text)) ?? (await import('./worker/protocol')).validationReport(file.text);
      if (!report.ok) {
        notLoaded(file.id.slice('file:'.length), report.errors);
        return false;
      }
      scenarios.clearErrors();
      runs.setStatus(`Loaded ${report.name}: ${report.countries} countries, ${report.routes} routes, ${report.policies} policies.`);
      return true;
    },
    onUnreadable: (name, errors) => notLoaded(name, errors),
  });
  const runs = runPanel({
    seeds: state.seeds,
    first: state.first ?? 1,
    onRun: (seeds) => {
      state.seeds = runs.seedsText().trim();
      state.first = runs.firstSeed();
      save();
      if (state.view === 'compare') void compare(picker.chosen(), seeds);
      else void run(seeds);
    },
    onCancel: () => pool.cancel(),
    onSeeds: (text, first) => {
      state.seeds = text.trim();
      state.first = first;
      save();
    },
  });
  const picker = comparePanel(colorOf);
  const twinInput = el('input', { type: 'checkbox', id: 'twin', checked: state.twin !== false });
  twinInput.addEventListener('change', () => {
    state.twin = twinInput.checked ? undefined : false;
    save();
    const seeds = runs.seeds();
    if (seeds) void run(seeds);
  });
  const twinBox = el(
    'label',
    { class: 'check twin', title: 'Runs the same scenario without any policy lever on the same seeds: the change a policy causes is the difference from this twin, not the change over time.' },
    twinInput,
    ' Also run without its policies (the twin)',
  );
  runs.element.insertBefore(twinBox, runs.element.querySelector('.buttons'));

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
            if (name !== 'compare' && name !== 'fit' && !current && !notice && !busy) {
              const seeds = runs.seeds();
              if (seeds) void run(seeds);
            }
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
    el('a', { href: './workshop.html', id: 'to-workshop', class: 'nav-link' }, 'Workshop mode →'),
  );
  const aside = el('aside', { class: 'side' }, scenarios.element, picker.element, runs.element);
  root.replaceChildren(header, el('div', { class: 'layout' }, aside, view));

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

  const begin = async () => {
    if (state.scenario.startsWith('file:')) {
      const name = state.scenario.slice('file:'.length);
      const text = state.file ? await decodeFile(state.file) : null;
      if (text === null) {
        notice = `This link showed ${name}, a scenario file opened from disk that is too large to carry in a link: open ${name} again (“Open a scenario file…” on the left) to see it. Nothing has been run.`;
        runs.setStatus(`${name} was a file opened from disk: open it again to run it.`, 'error');
      } else {
        source = sourceFromFile(name, text);
        scenarios.add(source);
      }
    }
    save();
    render();
    const seeds = runs.seeds();
    if (!seeds) return;
    if (state.view === 'compare') {
      if (state.compare.length > 0) void compare(state.compare, seeds);
      else warmSoon();
    } else if (state.view === 'fit') {
      // A calibration's fit runs nothing; the other tabs run their scenario when first opened.
    } else if (!notice) {
      runs.setStatus(`Running ${source.name}, ${describeSeeds(seeds)}…`);
      void run(seeds);
    }
  };
  void begin();
}
