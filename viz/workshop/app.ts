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
import { planCost } from './data/budget';
import { readLink, writeLink } from './data/link';
import { cloneRows, DEFAULT_START, defaultRows, withDefaults as placeRows } from './data/placement';
import { firstAffectedTick, planPolicies, rowCost, type LeverRow, type Plan } from '../../sim/workshop/plan';
import { stories, type Story } from './data/stories';
import type { Digest } from '../../sim/workshop/digest';
import { digestPrefix } from '../../sim/workshop/partial';
import { GROWER_DIVISOR, type Fidelity } from '../../sim/workshop/fidelity';
import { workshopPage } from './page';
import { planLabel, PlansTried } from './plansTried';
import { bindKeys } from './presenter';
import { RerunTiming } from './rerunTiming';
import type { LiveRunner, Answer } from './runner';
import { storedWorkshop } from 'virtual:balloon-stored-workshop';
import { budgetBar } from './ui/budgetBar';
import { renderLeverPanel } from './ui/leverPanel';
import { renderStoryBanner } from './ui/storyBanner';
import { renderMapPanel } from './views/mapPanel';
import { renderMultiples } from './views/multiples';
import { renderOutcomeTable } from './views/outcomeTable';
import { renderScatter, type OutcomeId } from './views/scatter';
import type { LiveReply } from './worker/protocol';
import { WORKSHOP_SCENARIO, WORKSHOP_SEED } from '../stored/defaults';

const SEED = WORKSHOP_SEED;
const DEFAULT_BUDGET = 2e9;


/**
 * `runner`: the live workers, started by main.ts before this code loaded (`started`: their
 * preparation of the bundled world at SEED).
 */
export function startWorkshop(root: HTMLElement, runner: LiveRunner, started: ReturnType<LiveRunner['start']>): void {
  const source = LIBRARY.find((s) => s.id === WORKSHOP_SCENARIO) ?? LIBRARY[0];
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
  const known = new PlansTried();
  const baselines: Partial<Record<Fidelity, Digest>> = {};
  let wanted = '';
  let shown: { key: string; fidelity: Fidelity; digest: Digest } | null = null;
  /** The plan shown before the last change: its overlay is drawn at the fidelity of the current answer when known. */
  let beforeKey: string | null = null;
  let story: { story: Story; step: number } | null = null;
  let axes: [OutcomeId, OutcomeId] = ['costUsdBn', 'northConsumptionT'];
  let mapYear: number | null = null;

  const page = workshopPage(root, scenario, library, (s) => jump(s, 0));
  const { status, hash, storyButtons, help, aside, levers, banner, content, multiples, xSelect, ySelect, scatter, table, mapHolder, mapSlider } = page;
  const timing = new RerunTiming(page);

  const budget = budgetBar(scenario, plan, () => commit());
  aside.append(
    el('h3', { class: 'panel-title' }, 'Budget'),
    budget.element,
    el('h3', { class: 'panel-title' }, 'Levers'),
    el('p', { class: 'hint' }, `Each lever's yearly cost is what the model books. Release a slider to re-run from the lever's start year.`),
    levers,
  );

  runner.listen(
    onAnswer,
    (message) => {
      status.textContent = `The simulation stopped: ${message}`;
      status.dataset.fidelity = 'error';
    },
    onPartialArrived,
  );

  /**
   * The newest partial answer not drawn yet. Partial answers are drawn at most every
   * PARTIAL_GAP_MS (each redraw of the charts holds up the whole answer when it comes).
   */
  let partialWaiting: { key: string; digest: Digest } | null = null;
  let partialDrawn = -Infinity;
  const PARTIAL_GAP_MS = 150;
  function onPartialArrived(key: string, partial: Digest): void {
    const scheduled = partialWaiting !== null;
    partialWaiting = { key, digest: partial };
    if (scheduled) return;
    const wait = Math.max(0, partialDrawn + PARTIAL_GAP_MS - performance.now()); // host-only
    setTimeout(() => requestAnimationFrame(() => {
      const latest = partialWaiting;
      partialWaiting = null;
      if (latest) onPartial(latest.key, latest.digest);
    }), wait); // host-only
  }

  /** The first years of the wanted plan: its lines grow over the previous plan while the run goes on. */
  function onPartial(key: string, partial: Digest): void {
    if (key !== wanted || !shown || shown.key === key) return;
    const none = baselines.workshop ?? shown.digest;
    const step = story ? story.story.steps[story.step] : null;
    const last = partial.firstYear + partial.years - 1;
    renderMultiples(multiples, { now: partial, before: shown.digest, none, fidelityNote: `running: years to ${last} so far`, annotation: step?.marker ?? null });
    partialDrawn = performance.now(); // host-only
    multiples.classList.add('partial');
    status.textContent = `Re-running… ${last} done`;
    timing.firstYearsShown(key);
  }

  /**
   * The years before the first lever a change touches: the new plan shares them with the plan on
   * screen (the session re-runs from there), so its quick answer for them is already known, bit for
   * bit, and is drawn at once. Null when there are none (a lever from the first year).
   */
  function sharedYears(priorKey: string, policies: readonly Policy[]): Digest | null {
    const prior = known.get(priorKey)?.workshop?.digest;
    if (!prior) return null;
    const first = firstAffectedTick(scenario, JSON.parse(priorKey) as Policy[], policies);
    const years = Math.min(prior.years, Math.floor(first / scenario.ticksPerYear));
    return years >= 1 ? digestPrefix(prior, years) : null;
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

  function drawCharts(): void {
    if (!shown) return;
    setExportContext({ scenario: `Workshop plan: ${known.get(shown.key)?.label || 'no levers'}`, seeds: `seed ${SEED}, ${shown.fidelity} fidelity` });
    const none = baselines[shown.fidelity] ?? baselines.workshop!;
    const before = known.digest(beforeKey, shown.fidelity);
    const step = story ? story.story.steps[story.step] : null;
    renderMultiples(multiples, { now: shown.digest, before, none, fidelityNote: fidelityNote(shown.fidelity), annotation: step?.marker ?? null });
    multiples.classList.remove('partial');
    xSelect.value = axes[0];
    ySelect.value = axes[1];
    renderScatter(scatter, known.trials(), axes[0], axes[1], shown.key, pick);
    renderOutcomeTable(table, shown.digest, before, none);
    hash.textContent = shown.fidelity === 'full' ? `hash ${shown.digest.hash}` : '';
    hash.dataset.hash = shown.fidelity === 'full' ? shown.digest.hash : '';
    status.textContent = shown.fidelity === 'full' ? 'Full fidelity' : `Workshop fidelity (growers ÷${GROWER_DIVISOR}) · full fidelity running…`;
    status.dataset.fidelity = shown.fidelity;
    markStale();
  }

  let mapTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Redraw the map once the answers have settled for a moment: it is not part of the re-run's
   * answer, and drawing it after every answer would hold up the next one's charts.
   */
  function mapSoon(): void {
    clearTimeout(mapTimer);
    mapTimer = setTimeout(drawMap, 250); // host-only
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
    partialWaiting = null; // the whole answer replaces any partial one still to draw
    drawCharts();
    mapSoon();
    timing.answered(key, fidelity, reply, scenario.ticksPerYear);
  }

  function onAnswer(a: Answer): void {
    const entry = known.entry(a.key);
    entry[a.fidelity] = a.reply;
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
    const entry = known.entry(key);
    entry.label ||= planLabel(scenario, plan.rows);
    if (entry.rows.length === 0) entry.rows = cloneRows(plan.rows);
    timing.begin(key, measure);
    const cached = entry.full ?? entry.workshop;
    const prior = shown;
    if (cached) show(key, entry.full ? 'full' : 'workshop', cached);
    markStale();
    const quick = !entry.workshop && !entry.full;
    // With the plan's first years on screen at once, the quick run posts no partial answers: drawing
    // them would take the CPU from the run itself (they are for a lever from the very first year).
    const shared = !cached && prior ? sharedYears(prior.key, policies) : null;
    runner.request(key, policies, { fast: quick, full: !quick && !entry.full, partials: shared === null });
    if (shared) onPartial(key, shared);
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
    renderStoryBanner(banner, s, step, { jump, previous, next });
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
  // The world without levers as the build computed it (viz/stored): drawn at once, then checked
  // against the live workers' own first runs (the same bits, or replaced by them).
  const none = JSON.stringify(planPolicies(scenario, []));
  const stored = storedWorkshop.scenario === source.id && storedWorkshop.seed === SEED ? storedWorkshop.digests : null;
  const storedChecks: Partial<Record<Fidelity, 'same' | 'replaced'>> = {};
  const noneReply = (digest: Digest, ms: number): LiveReply => ({ digest, fromTick: 0, ticksRun: 0, ms });
  if (stored) {
    baselines.workshop = stored.workshop;
    baselines.full = stored.full;
    known.set(none, { label: 'No levers', rows: [], workshop: noneReply(stored.workshop, 0), full: noneReply(stored.full, 0) });
    document.body.dataset.stored = 'checking';
    commit(false);
    status.textContent = 'Stored answer, computed when this app was built · preparing the live world…';
  }

  /** The live worker's run without levers at `fidelity`: it replaces the stored one (same hash: same bits). */
  function liveBaseline(fidelity: Fidelity, digest: Digest, ms: number): void {
    const differs = stored !== null && stored[fidelity].hash !== digest.hash;
    if (stored) storedChecks[fidelity] = differs ? 'replaced' : 'same';
    baselines[fidelity] = digest;
    known.entry(none)[fidelity] = noneReply(digest, ms);
    if (stored && storedChecks.workshop && storedChecks.full) document.body.dataset.stored = storedChecks.workshop === 'same' && storedChecks.full === 'same' ? 'same' : 'replaced';
    if (differs && shown?.key === none && (shown.fidelity === fidelity || fidelity === 'full')) show(none, fidelity, known.get(none)![fidelity]!);
  }

  void started.then(({ fast, fullReady }) => {
    if (!fast.ok) {
      status.textContent = `The world does not run: ${fast.message}`;
      return;
    }
    if (!known.get(none)) known.set(none, { label: 'No levers', rows: [], workshop: noneReply(fast.baseline, fast.ms) });
    liveBaseline('workshop', fast.baseline, fast.ms);
    document.body.dataset.ready = 'workshop';
    document.body.dataset.prepareMs = String(Math.round(fast.ms));
    if (stored && shown?.key === none && shown.fidelity === 'full') status.textContent = 'Stored answer, computed when this app was built · the live world is ready, checking the full-fidelity answer…';
    void fullReady.then((full) => {
      if (!full.ok) return;
      liveBaseline('full', full.baseline, full.ms);
      document.body.dataset.ready = 'full';
      document.body.dataset.prepareFullMs = String(Math.round(full.ms));
      if (shown?.key === none) show(none, 'full', known.get(none)!.full!);
    });
    if (!stored) {
      wanted = '';
      commit(false);
    }
  });
}
