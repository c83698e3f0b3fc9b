/**
 * The lever controls: one card per lever row with its target pickers, a slider for
 * its budget (or prevention share), its start year and its yearly cost. A slider's
 * range ends at what the budget leaves, so the plan cannot overspend.
 */
import type { LeverKind, Scenario } from '../../../sim/scenario/schema';
import { routeId } from '../../../sim/analysis/displacement';
import { el } from '../../ui/dom';
import { LEVERS, leverSpec, type CountryFilter } from '../../../sim/workshop/catalog';
import { baseShare, freeSlot, rowCost, type LeverRow, type Plan } from '../../../sim/workshop/plan';
import { clampAmount, maxBudget, shareSteps } from '../data/budget';
import { percent, perYear, usd } from './money';

export interface LeverPanelProps {
  scenario: Scenario;
  plan: Plan;
  /** A slider moves (not yet released): update the budget display. */
  onInput: () => void;
  /** A control was released or changed: re-run. */
  onCommit: () => void;
}

function countriesFor(scenario: Scenario, filter: CountryFilter): { id: string; name: string }[] {
  const producers = new Set(scenario.regions.map((r) => r.country));
  const markets = new Set(scenario.markets.map((m) => m.country));
  return scenario.countries.filter((c) => filter === 'any' || (filter === 'producer' ? producers.has(c.id) : markets.has(c.id))).map((c) => ({ id: c.id, name: c.name }));
}

function select(name: string, value: string, options: { value: string; label: string }[], onChange: (v: string) => void): HTMLSelectElement {
  const node = el('select', { 'data-field': name, 'aria-label': name }, ...options.map((o) => el('option', { value: o.value, selected: o.value === value }, o.label)));
  node.addEventListener('change', () => onChange(node.value));
  return node;
}

export function defaultRow(scenario: Scenario, kind: LeverKind, slot: number, start: string): LeverRow {
  const spec = leverSpec(kind);
  const first = countriesFor(scenario, spec.countries)[0]?.id ?? scenario.countries[0].id;
  const pick = (id: string) => (countriesFor(scenario, spec.countries).some((c) => c.id === id) ? id : first);
  const row: LeverRow = { slot, kind, country: first, budgetUsdPerYear: 0, start };
  if (kind === 'capacityFunding') Object.assign(row, { donor: pick('USA'), country: pick('COL') });
  else if (kind === 'intelligenceSharing') row.partners = ['USA', 'COL', 'MEX'].filter((id) => scenario.countries.some((c) => c.id === id));
  else if (kind === 'enforcementVsPrevention') Object.assign(row, { country: pick('USA'), preventionShare: baseShare(scenario, pick('USA')) });
  else if (spec.countries === 'consumer') row.country = pick('USA');
  else if (kind === 'assetSeizure' || kind === 'highValueTargeting') row.country = pick('MEX');
  else row.country = pick('COL');
  return row;
}

function yearOptions(scenario: Scenario, current: string): { value: string; label: string }[] {
  const first = Number(scenario.start.slice(0, 4));
  const last = Number(scenario.end.slice(0, 4));
  const out = [];
  for (let y = first; y <= last; y++) out.push({ value: `${y}-01`, label: `from ${y}` });
  if (!out.some((o) => o.value === current)) out.push({ value: current, label: `from ${current}` });
  return out.sort((a, b) => a.value.localeCompare(b.value));
}

function targetControls(props: LeverPanelProps, row: LeverRow): HTMLElement[] {
  const { scenario } = props;
  const spec = leverSpec(row.kind);
  const countries = countriesFor(scenario, spec.countries).map((c) => ({ value: c.id, label: `${c.name} (${c.id})` }));
  const commit = () => props.onCommit();
  const out: HTMLElement[] = [];
  if (spec.target === 'partners') {
    const box = el('select', { multiple: true, size: 4, 'data-field': 'partners', 'aria-label': 'partners' }, ...scenario.countries.map((c) => el('option', { value: c.id, selected: (row.partners ?? []).includes(c.id) }, `${c.name} (${c.id})`)));
    const chosen = el('span', { class: 'partners-note' }, `${(row.partners ?? []).join(' + ') || 'none'} (Ctrl-click to add or remove)`);
    box.addEventListener('change', () => {
      row.partners = [...box.selectedOptions].map((o) => o.value);
      chosen.textContent = `${row.partners.join(' + ') || 'none'} (Ctrl-click to add or remove)`;
      commit();
    });
    out.push(box, chosen);
    return out;
  }
  if (spec.target === 'donorRecipient') {
    out.push(select('donor', row.donor ?? '', countries, (v) => ((row.donor = v), commit())));
    out.push(el('span', { class: 'arrow' }, '→'));
  }
  out.push(
    select('country', row.country, countries, (v) => {
      row.country = v;
      row.region = undefined;
      row.route = undefined;
      if (row.kind === 'enforcementVsPrevention') row.preventionShare = baseShare(scenario, v);
      commit();
    }),
  );
  if (spec.target === 'countryRegion') {
    const regions = scenario.regions.filter((r) => r.country === row.country).map((r) => ({ value: r.id, label: r.name }));
    out.push(select('region', row.region ?? '', [{ value: '', label: 'all regions' }, ...regions], (v) => ((row.region = v || undefined), commit())));
  }
  if (spec.target === 'countryRoute') {
    const routes = scenario.routes.filter((r) => r.from === row.country || r.to === row.country).map((r) => ({ value: routeId(r), label: `${r.from}→${r.to} ${r.mode}` }));
    out.push(select('route', row.route ?? '', [{ value: '', label: 'all routes' }, ...routes], (v) => ((row.route = v || undefined), commit())));
  }
  return out;
}

function amountControl(props: LeverPanelProps, row: LeverRow, cost: HTMLElement): HTMLElement {
  const { scenario, plan } = props;
  const spec = leverSpec(row.kind);
  const slider = el('input', { type: 'range', class: 'amount', 'aria-label': `${spec.name} amount` });
  const note = el('span', { class: 'range-note' });
  const show = () => {
    cost.textContent = row.kind === 'enforcementVsPrevention' ? `${percent(row.preventionShare ?? 0)} prevention · moves ${perYear(rowCost(scenario, row))}` : perYear(row.budgetUsdPerYear);
    cost.classList.toggle('zero', rowCost(scenario, row) <= 0);
  };
  if (row.kind === 'enforcementVsPrevention') {
    const { base, down, up } = shareSteps(scenario, plan, row);
    Object.assign(slider, { min: String(-down), max: String(up), step: '1' });
    slider.value = String(Math.round(((row.preventionShare ?? base) - base) * 100));
    note.textContent = `own ${percent(base)}; ${percent(base - down / 100)}–${percent(base + up / 100)} affordable`;
    slider.addEventListener('input', () => {
      row.preventionShare = clampAmount(scenario, plan, row, base + Number(slider.value) / 100);
      show();
      props.onInput();
    });
  } else {
    const max = maxBudget(scenario, plan, row);
    Object.assign(slider, { min: '0', max: String(max), step: String(spec.stepUsdPerYear) });
    slider.value = String(row.budgetUsdPerYear);
    note.textContent = `max ${perYear(max)}`;
    slider.dataset.max = String(max);
    slider.addEventListener('input', () => {
      row.budgetUsdPerYear = clampAmount(scenario, plan, row, Number(slider.value));
      if (Number(slider.value) !== row.budgetUsdPerYear) slider.value = String(row.budgetUsdPerYear);
      show();
      props.onInput();
    });
  }
  slider.addEventListener('change', () => props.onCommit());
  show();
  return el('div', { class: 'amount-line' }, slider, note);
}

function card(props: LeverPanelProps, row: LeverRow): HTMLElement {
  const spec = leverSpec(row.kind);
  const cost = el('span', { class: 'cost' });
  const remove = el('button', { type: 'button', class: 'remove', title: 'Remove this lever', 'aria-label': `Remove ${spec.name}` }, '×');
  remove.addEventListener('click', () => {
    props.plan.rows = props.plan.rows.filter((r) => r !== row);
    props.onCommit();
  });
  const start = select('start', row.start, yearOptions(props.scenario, row.start), (v) => ((row.start = v), props.onCommit()));
  return el(
    'div',
    { class: 'lever', 'data-lever': row.kind, 'data-slot': row.slot, title: spec.blurb },
    el('div', { class: 'lever-head' }, el('strong', {}, spec.name), cost, remove),
    el('div', { class: 'lever-target' }, ...targetControls(props, row), start),
    amountControl(props, row, cost),
  );
}

export function renderLeverPanel(container: HTMLElement, props: LeverPanelProps): void {
  const order = (r: LeverRow) => LEVERS.findIndex((l) => l.kind === r.kind) * 100 + r.slot;
  const rows = [...props.plan.rows].sort((a, b) => order(a) - order(b));
  const kinds = el('select', { 'aria-label': 'lever to add', id: 'add-kind' }, ...LEVERS.map((l) => el('option', { value: l.kind }, l.name)));
  const add = el('button', { type: 'button', id: 'add-lever' }, 'Add lever');
  add.addEventListener('click', () => {
    const slot = freeSlot(props.plan.rows);
    if (slot < 0) return;
    props.plan.rows.push(defaultRow(props.scenario, kinds.value as LeverKind, slot, rows[0]?.start ?? props.scenario.start));
    props.onCommit();
  });
  add.disabled = freeSlot(props.plan.rows) < 0;
  // Re-rendering replaces every control: keep the keyboard focus on the same control of the same row,
  // so a slider nudged with the arrow keys keeps taking them (they would otherwise go to the page).
  const focused = focusKey(container);
  container.replaceChildren(...rows.map((row) => card(props, row)), el('div', { class: 'add-row' }, kinds, add));
  if (focused) (container.querySelector(focused) as HTMLElement | null)?.focus();
}

/** A selector for the control that has the focus inside `container`, stable across re-renders. */
function focusKey(container: HTMLElement): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !container.contains(active)) return null;
  if (active.id) return `#${active.id}`;
  const lever = active.closest('.lever') as HTMLElement | null;
  if (!lever) return null;
  const within = active.dataset.field ? `[data-field="${active.dataset.field}"]` : active.classList.contains('amount') ? 'input.amount' : active.classList.contains('remove') ? 'button.remove' : null;
  return within ? `.lever[data-slot="${lever.dataset.slot}"] ${within}` : null;
}

export { usd };
