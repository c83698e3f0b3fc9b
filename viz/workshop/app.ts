/**
 * Workshop mode: lever controls and a budget on the left; the trade-off charts, the
 * plans-tried scatter and the route map on the right; guided stories on top.
 * Plan → fixed-length policies → live workers (quick, then full fidelity) → digests → charts.
 */
import type { Policy, Scenario } from '../../sim/scenario/schema';
import { parseScenarioText } from '../../sim/scenario/validate';
import { LIBRARY } from '../data/library';
import { el } from '../ui/dom';
import { setExportContext } from '../charts/frame';
import { leverSpec } from './data/catalog';
import { planCost } from './data/budget';
import { readLink, writeLink } from './data/link';
import { cloneRows, DEFAULT_START, defaultRows, withDefaults as placeRows } from './data/placement';
import { planPolicies, rowCost, rowTarget, type LeverRow, type Plan } from './data/plan';
import { stories, type Story } from './data/stories';
import type { Digest } from './live/digest';
import { GROWER_DIVISOR, type Fidelity } from './live/fidelity';
import { bindKeys, helpDialog, toggleFullScreen, togglePresenter } from './presenter';
import { LiveRunner, type Answer } from './runner';
import { budgetBar } from './ui/budgetBar';
import { renderLeverPanel } from './ui/leverPanel';
import { perYear } from './ui/money';
import { renderMapPanel } from './views/mapPanel';
import { renderMultiples } from './views/multiples';
import { renderOutcomeTable } from './views/outcomeTable';
import { OUTCOMES, renderScatter, type OutcomeId, type Trial } from './views/scatter';
import type { LiveReply } from './worker/protocol';

const SEED = 1;
const DEFAULT_BUDGET = 2e9;


interface Known {
  label: string;
  rows: LeverRow[];
  workshop?: LiveReply;
  full?: LiveReply;
}

function planLabel(scenario: Scenario, rows: readonly LeverRow[]): string {
  const active = rows.filter((r) => rowCost(scenario, r) > 0);
  if (active.length === 0) return 'No levers';
  return active.map((r) => `${leverSpec(r.kind).name} ${rowTarget(r)} ${perYear(rowCost(scenario, r))} from ${r.start.slice(0, 4)}`).join('; ');
}


export function startWorkshop(root: HTMLElement): void {
  const source = LIBRARY.find((s) => s.id === 'baseline') ?? LIBRARY[0];
  const parsed = parseScenarioText(source.text);
  if (!parsed.ok) {
    root.replaceChildren(el('p', { class: 'placeholder' }, `The bundled world does not validate: ${parsed.errors[0]?.message}`));
    return;
  }
  const scenario = parsed.value;
  const defaults = (): LeverRow[] => defaultRows(scenario, DEFAULT_START);
  /** A story step's rows in place of the default row of the same lever, so every lever stays on screen. */
  const withDefaults = (rows: readonly LeverRow[]): LeverRow[] => placeRows(scenario, DEFAULT_START, rows);
  const plan: Plan = { totalBudgetUsdPerYear: DEFAULT_BUDGET, rows: defaults() };
  const library = stories(scenario);
  const known = new Map<string, Known>();
  const baselines: Partial<Record<Fidelity, Digest>> = {};
  let wanted = '';
  let shown: { key: string; fidelity: Fidelity; digest: Digest } | null = null;
  /** The plan shown before the last change: its overlay is drawn at the fidelity of the current answer when known. */
  let beforeKey: string | null = null;
  let timing: { key: string; begun: number; answered: boolean; firstMs?: number } | null = null;
  let story: { story: Story; step: number } | null = null;
  let axes: [OutcomeId, OutcomeId] = ['costUsdBn', 'northConsumptionT'];
  let mapYear: number | null = null;
  /** Re-runs measured so far (tests wait for the count to change). */
  let measured = 0;

  // Layout.
  const status = el('span', { class: 'fidelity', id: 'fidelity' }, 'Preparing the world…');
  const rerunTime = el('span', { id: 'rerun-time', class: 'timing' });
  const fullTime = el('span', { id: 'full-time', class: 'timing' });
  const partialTime = el('span', { id: 'partial-time', class: 'timing' });
  const hash = el('code', { class: 'hash', id: 'ws-hash' });
  const storyButtons = library.map((s) => el('button', { type: 'button', class: 'story-button', 'data-story': s.id, onclick: () => jump(s, 0) }, s.title));
  const help = helpDialog();
  const header = el(
    'header',
    { class: 'top workshop-top' },
    el('div', { class: 'brand' }, el('h1', {}, 'Balloon · Workshop'), el('p', {}, 'Move the levers, watch the trade-offs. Same levers and seed, same result.')),
    el('nav', { class: 'stories', 'aria-label': 'Guided stories' }, ...storyButtons),
    el(
      'div',
      { class: 'tools' },
      el('button', { type: 'button', id: 'presenter', title: 'Large type (P)', onclick: () => togglePresenter() }, 'Presenter'),
      el('button', { type: 'button', id: 'fullscreen', title: 'Full screen (F)', onclick: toggleFullScreen }, 'Full screen'),
      el('button', { type: 'button', id: 'help-button', title: 'Keyboard shortcuts (?)', onclick: () => help.showModal() }, '?'),
      el('a', { href: './index.html', class: 'nav-link', id: 'to-app' }, 'Scenario app →'),
    ),
  );
  const levers = el('div', { class: 'levers', id: 'levers' });
  const aside = el('aside', { class: 'side workshop-side' });
  const banner = el('section', { class: 'story', id: 'story', hidden: true });
  const multiples = el('div', { class: 'multiples', id: 'multiples' });
  const xSelect = el('select', { id: 'scatter-x', 'aria-label': 'Scatter x outcome' });
  const ySelect = el('select', { id: 'scatter-y', 'aria-label': 'Scatter y outcome' });
  const scatter = el('div', { class: 'scatter-holder' });
  const mapHolder = el('div', { class: 'map-holder' });
  const mapSlider = el('input', { type: 'range', id: 'ws-map-year', min: Number(scenario.start.slice(0, 4)), max: Number(scenario.end.slice(0, 4)), step: 1, 'aria-label': 'Map year' });
  const runLine = el('div', { class: 'run-line' }, status, rerunTime, partialTime, fullTime, hash);
  const table = el('div', { class: 'table-holder' });
  const content = el(
    'main',
    { class: 'workshop-main' },
    banner,
    runLine,
    multiples,
    el(
      'div',
      { class: 'lower' },
      el('section', { class: 'scatter' }, el('div', { class: 'scatter-controls' }, el('label', {}, 'x ', xSelect), el('label', {}, 'y ', ySelect)), scatter),
      el('section', { class: 'outcomes' }, table),
    ),
    el('section', { class: 'map' }, el('div', { class: 'map-controls' }, el('label', { for: 'ws-map-year' }, 'Map year'), mapSlider), mapHolder),
  );
  root.replaceChildren(header, el('div', { class: 'layout workshop-layout' }, aside, content), help);
  for (const s of [xSelect, ySelect]) s.append(...OUTCOMES.map((o) => el('option', { value: o.id }, o.label)));

  const budget = budgetBar(scenario, plan, () => commit());
  aside.append(
    el('h3', { class: 'panel-title' }, 'Budget'),
    budget.element,
    el('h3', { class: 'panel-title' }, 'Levers'),
    el('p', { class: 'hint' }, `Each lever's yearly cost is what the model books. Release a slider to re-run from the lever's start year.`),
    levers,
  );

  const runner = new LiveRunner(
    onAnswer,
    (message) => {
      status.textContent = `The simulation stopped: ${message}`;
      status.dataset.fidelity = 'error';
    },
    onPartial,
  );

  /** The first years of the wanted plan: its lines grow over the previous plan while the run goes on. */
  function onPartial(key: string, partial: Digest): void {
    if (key !== wanted || !shown || shown.key === key) return;
    const none = baselines.workshop ?? shown.digest;
    const step = story ? story.story.steps[story.step] : null;
    const last = partial.firstYear + partial.years - 1;
    renderMultiples(multiples, { now: partial, before: shown.digest, none, fidelityNote: `running: years to ${last} so far`, annotation: step?.marker ?? null });
    multiples.classList.add('partial');
    status.textContent = `Re-running… ${last} done`;
    if (timing && timing.key === key && timing.firstMs === undefined) {
      const { begun } = timing;
      const t = timing;
      requestAnimationFrame(() => {
        t.firstMs = performance.now() - begun; // host-only
        partialTime.textContent = `first years on screen after ${Math.round(t.firstMs)} ms`;
        partialTime.dataset.ms = String(t.firstMs);
      });
    }
  }

  /** While the shown answer is not the wanted plan's, say so and dim the charts. */
  function markStale(): void {
    const stale = shown !== null && shown.key !== wanted;
    content.classList.toggle('stale', stale);
    hash.hidden = stale;
    if (stale) {
      status.textContent = 'Re-running…';
      status.dataset.fidelity = 'running';
    }
  }

  const fidelityNote = (f: Fidelity) => (f === 'full' ? 'full fidelity' : `workshop fidelity (growers ÷${GROWER_DIVISOR}), full fidelity follows`);

  function trials(): Trial[] {
    const out: Trial[] = [];
    for (const [key, k] of known) {
      const best = k.full ?? k.workshop;
      // Plans run while a slider was still moving are not plans the room chose.
      if (best && k.label) out.push({ key, label: k.label, outcomes: best.digest.outcomes, fidelity: k.full ? 'full' : 'workshop' });
    }
    return out;
  }

  function drawCharts(): void {
    if (!shown) return;
    setExportContext({ scenario: `Workshop plan: ${known.get(shown.key)?.label || 'no levers'}`, seeds: `seed ${SEED}, ${shown.fidelity} fidelity` });
    const none = baselines[shown.fidelity] ?? baselines.workshop!;
    const prior = beforeKey !== null ? known.get(beforeKey) : undefined;
    const before = (shown.fidelity === 'full' ? prior?.full : prior?.workshop)?.digest ?? (prior?.full ?? prior?.workshop)?.digest ?? null;
    const step = story ? story.story.steps[story.step] : null;
    renderMultiples(multiples, { now: shown.digest, before, none, fidelityNote: fidelityNote(shown.fidelity), annotation: step?.marker ?? null });
    multiples.classList.remove('partial');
    xSelect.value = axes[0];
    ySelect.value = axes[1];
    renderScatter(scatter, trials(), axes[0], axes[1], shown.key, pick);
    renderOutcomeTable(table, shown.digest, before, none);
    hash.textContent = shown.fidelity === 'full' ? `hash ${shown.digest.hash}` : '';
    hash.dataset.hash = shown.fidelity === 'full' ? shown.digest.hash : '';
    status.textContent = shown.fidelity === 'full' ? 'Full fidelity' : `Workshop fidelity (growers ÷${GROWER_DIVISOR}) · full fidelity running…`;
    status.dataset.fidelity = shown.fidelity;
    markStale();
  }

  function drawMap(): void {
    if (!shown) return;
    const step = story ? story.story.steps[story.step] : null;
    const last = shown.digest.firstYear + shown.digest.years - 1;
    const year = mapYear ?? step?.mapYear ?? last;
    mapSlider.value = String(year);
    renderMapPanel(mapHolder, scenario, shown.digest, year, fidelityNote(shown.fidelity), step?.highlight ?? []);
  }

  function show(key: string, fidelity: Fidelity, reply: LiveReply): void {
    if (shown && shown.key !== key) beforeKey = shown.key;
    shown = { key, fidelity, digest: reply.digest };
    drawCharts();
    // The map is redrawn after the charts have painted: it is not part of the measured re-run.
    setTimeout(drawMap, 0); // host-only
    if (!timing || timing.key !== key) return;
    const { begun } = timing;
    if (!timing.answered) {
      timing.answered = true;
      const from = reply.digest.firstYear + Math.floor(reply.fromTick / scenario.ticksPerYear);
      const last = reply.digest.firstYear + reply.digest.years - 1;
      const what = reply.ticksRun === 0 ? 'answered from memory' : `re-ran ${from}–${last}`;
      requestAnimationFrame(() => {
        const ms = performance.now() - begun; // host-only
        rerunTime.textContent = `${what} in ${Math.round(ms)} ms (${fidelity} fidelity; simulation ${Math.round(reply.ms)} ms)`;
        Object.assign(rerunTime.dataset, { ms: String(ms), workerMs: String(reply.ms), fidelity, run: String(++measured) });
        fullTime.textContent = '';
      });
    } else if (fidelity === 'full') {
      const ms = performance.now() - begun; // host-only
      fullTime.textContent = `· full fidelity after ${(ms / 1000).toFixed(1)} s`;
      fullTime.dataset.ms = String(ms);
    }
    if (fidelity === 'full') timing = null;
  }

  function onAnswer(a: Answer): void {
    const entry = known.get(a.key) ?? { label: '', rows: [] };
    entry[a.fidelity] = a.reply;
    known.set(a.key, entry);
    if (a.key !== wanted) {
      if (!a.superseded && entry.label) drawCharts(); // a new point on the scatter
      return;
    }
    if (a.fidelity === 'workshop') {
      // The full-fidelity run starts once the quick answer is in, so the two do not share the CPU.
      if (!entry.full) runner.request(a.key, JSON.parse(a.key) as Policy[], { fast: false, full: true });
      if (shown?.key === a.key && shown.fidelity === 'full') return;
    }
    show(a.key, a.fidelity, a.reply);
  }

  let dragTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * A slider moves: update the budget, and when it rests for a moment start the
   * quick run of that value, so the answer is often ready when the slider is released.
   */
  function onInput(): void {
    budget.update();
    clearTimeout(dragTimer);
    dragTimer = setTimeout(() => {
      const policies = planPolicies(scenario, plan.rows);
      const key = JSON.stringify(policies);
      const entry = known.get(key);
      if (!entry?.workshop && !entry?.full) runner.request(key, policies, { fast: true, full: false });
    }, 120); // host-only
  }

  /** Apply the plan: redraw the controls and ask for the plan's run; `measure` times release to redraw. */
  function commit(measure = true): void {
    const policies = planPolicies(scenario, plan.rows);
    const key = JSON.stringify(policies);
    clearTimeout(dragTimer);
    renderLeverPanel(levers, { scenario, plan, onInput, onCommit: () => commit() });
    budget.update();
    saveLink();
    if (key === wanted) return;
    wanted = key;
    const entry = known.get(key) ?? { label: '', rows: [] };
    entry.label ||= planLabel(scenario, plan.rows);
    if (entry.rows.length === 0) entry.rows = cloneRows(plan.rows);
    known.set(key, entry);
    timing = measure ? { key, begun: performance.now(), answered: false } : null; // host-only
    partialTime.textContent = '';
    delete partialTime.dataset.ms;
    const cached = entry.full ?? entry.workshop;
    if (cached) show(key, entry.full ? 'full' : 'workshop', cached);
    markStale();
    const quick = !entry.workshop && !entry.full;
    runner.request(key, policies, { fast: quick, full: !quick && !entry.full });
  }

  /** A point on the scatter brings its plan back. */
  function pick(key: string): void {
    const entry = known.get(key);
    if (!entry) return;
    leaveStory();
    plan.rows = cloneRows(entry.rows.length > 0 ? entry.rows : defaults());
    commit();
  }

  /** The plan, budget and story step in the URL, so a reload or a shared link shows the same. */
  function saveLink(): void {
    const active = plan.rows.filter((r) => rowCost(scenario, r) > 0);
    const query = writeLink({
      budgetUsdPerYear: plan.totalBudgetUsdPerYear === DEFAULT_BUDGET ? undefined : plan.totalBudgetUsdPerYear,
      rows: active,
      story: story?.story.id,
      step: story?.step,
    });
    if (query !== location.search) history.replaceState(null, '', query || location.pathname);
  }

  function leaveStory(): void {
    story = null;
    banner.hidden = true;
    for (const b of storyButtons) b.setAttribute('aria-pressed', 'false');
  }

  function jump(s: Story, step: number): void {
    showStory(s, step);
    commit();
    drawCharts();
    setTimeout(drawMap, 0); // host-only
  }

  /** Set a story step's plan, axes and banner (without running it). */
  function showStory(s: Story, step: number): void {
    story = { story: s, step };
    const st = s.steps[step];
    plan.rows = withDefaults(st.rows);
    if (st.axes) axes = [...st.axes];
    mapYear = null;
    for (const b of storyButtons) b.setAttribute('aria-pressed', String(b.dataset.story === s.id));
    banner.hidden = false;
    banner.replaceChildren(
      el('div', { class: 'story-head' }, el('span', { class: 'story-name' }, s.title), el('span', { class: 'story-count', id: 'story-step' }, `step ${step + 1} of ${s.steps.length}`)),
      el('h2', { id: 'story-title' }, st.title),
      el('p', { id: 'story-text' }, st.text),
      el(
        'div',
        { class: 'story-nav' },
        el('button', { type: 'button', id: 'story-prev', disabled: step === 0, onclick: () => previous() }, '← Previous'),
        el('button', { type: 'button', id: 'story-next', class: 'primary', disabled: step === s.steps.length - 1, onclick: () => next() }, 'Next →'),
        ...s.steps.map((x, i) => el('button', { type: 'button', class: `step-dot${i === step ? ' current' : ''}`, title: x.title, 'aria-label': `Step ${i + 1}: ${x.title}`, onclick: () => jump(s, i) }, String(i + 1))),
      ),
    );
  }

  function next(): void {
    if (!story) return jump(library[0], 0);
    if (story.step < story.story.steps.length - 1) jump(story.story, story.step + 1);
  }
  function previous(): void {
    if (story && story.step > 0) jump(story.story, story.step - 1);
  }
  function reset(): void {
    leaveStory();
    plan.rows = defaults();
    mapYear = null;
    commit();
    drawCharts();
  }

  xSelect.addEventListener('change', () => ((axes = [xSelect.value as OutcomeId, axes[1]]), drawCharts()));
  ySelect.addEventListener('change', () => ((axes = [axes[0], ySelect.value as OutcomeId]), drawCharts()));
  mapSlider.addEventListener('input', () => ((mapYear = Number(mapSlider.value)), drawMap()));
  bindKeys({ next, previous, reset }, help);
  document.addEventListener('presenterchange', () => {
    drawCharts();
    drawMap();
  });

  // A link (or a reload) restores the story step, then the plan and budget it names.
  const link = readLink(location.search);
  const linked = library.find((x) => x.id === link.story);
  if (linked) showStory(linked, Math.min(link.step ?? 0, linked.steps.length - 1));
  if (link.rows) plan.rows = withDefaults(link.rows);
  if (link.budgetUsdPerYear !== undefined) plan.totalBudgetUsdPerYear = Math.max(link.budgetUsdPerYear, planCost(scenario, plan.rows));
  budget.update();
  renderLeverPanel(levers, { scenario, plan, onInput, onCommit: () => commit() });
  void runner.start(source.text, SEED).then(({ fast, fullReady }) => {
    if (!fast.ok) {
      status.textContent = `The world does not run: ${fast.message}`;
      return;
    }
    const none = JSON.stringify(planPolicies(scenario, []));
    baselines.workshop = fast.baseline;
    known.set(none, { label: 'No levers', rows: [], workshop: { digest: fast.baseline, fromTick: 0, ticksRun: 0, ms: fast.ms } });
    document.body.dataset.ready = 'workshop';
    document.body.dataset.prepareMs = String(Math.round(fast.ms));
    void fullReady.then((full) => {
      if (!full.ok) return;
      baselines.full = full.baseline;
      known.get(none)!.full = { digest: full.baseline, fromTick: 0, ticksRun: 0, ms: full.ms };
      document.body.dataset.ready = 'full';
      document.body.dataset.prepareFullMs = String(Math.round(full.ms));
      if (shown?.key === none) show(none, 'full', known.get(none)!.full!);
    });
    wanted = '';
    commit(false);
  });
}
