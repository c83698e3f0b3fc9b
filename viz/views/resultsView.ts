/**
 * The results of one scenario: what was run, the headline figures, each country's
 * change (against the no-policy twin when it was run), and every chart of
 * RESULT_CHARTS over the seeds run.
 */
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { areaChart } from '../charts/areaChart';
import { presetWidths, setExportContext } from '../charts/frame';
import { entityChanges } from '../../sim/analysis/entityChange';
import { formatChange } from '../charts/format';
import { lineChart } from '../charts/lineChart';
import { countryColor, rankColor } from '../charts/palette';
import { measureColumns, measureRows, OTHER, summariseColumns, tickYears, type PlotRow } from '../data/plotRows';
import { downloadResultsCsv } from '../export/csv';
import { describeSeeds, seedNote } from '../state/seeds';
import { el } from '../ui/dom';
import { routeId } from '../../sim/analysis/displacement';
import { EUROPE } from '../../sim/analysis/geography';
import { CORRIDORS, europeanCorridors } from '../../sim/analysis/corridors';
import { supplyTargets } from '../../sim/analysis/supplyEffects';
import { corridorRows } from '../data/corridorRows';
import { recordRows } from '../data/record';
import { aboutScenario } from './aboutScenario';
import { countryCards } from './countryCards';
import { keyFigures } from './keyFigures';
import { RESULT_CHARTS, SMOOTH_NOTE, type ChartSpec } from './resultCharts';
import { userTypeRows } from '../data/userTypeRows';

export interface ResultsInput {
  runs: RunResult[];
  scenario: Scenario;
  twin: RunResult[] | null;
  /** Results stored with the app: being checked by a live run, checked, or replaced by it. */
  stored?: 'checking' | 'same' | 'replaced';
}

/** What the heading says of stored results. */
export function storedText(stored: 'checking' | 'same' | 'replaced'): string {
  if (stored === 'checking') return 'Stored result, computed when this app was built · checking it with a live run…';
  if (stored === 'same') return 'Stored result, computed when this app was built · a live run here gave the same bits';
  return 'The stored result differed from a live run here: showing the live run';
}

const TWIN = 'twin:';

/** Lines per country with "Colombia 115 (−38 %)" at their ends; the twin's lines dashed and faint behind. */
function perCountryChart(cell: HTMLElement, spec: ChartSpec, runs: readonly RunResult[], twin: readonly RunResult[] | null, note: string): void {
  const rows = measureRows(runs, spec.view);
  // The change at the line's end is the yearly one of the cards (first year to last), not the smoothed line's.
  const all = entityChanges(runs, twin, spec.view.measure, spec.view.kind);
  const changes = new Map(all.map((c) => [c.id, c.sinceStart.mean]));
  const vsTwin = new Map(all.map((c) => [c.id, c.vsTwin?.mean ?? NaN]));
  const twinRows: PlotRow[] = twin ? measureRows(twin, spec.view).map((r) => ({ ...r, series: `${TWIN}${r.series}`, label: `${r.label} without policies` })) : [];
  const base = (key: string) => (key.startsWith(TWIN) ? key.slice(TWIN.length) : key);
  const record = recordRows(spec.view.measure, spec.view.kind, spec.view.scale);
  lineChart(cell, [...twinRows, ...rows], {
    id: spec.id,
    record: record ?? undefined,
    title: spec.title,
    unit: spec.unit,
    colorOf: (key) => countryColor(base(key)),
    dashed: (key) => key.startsWith(TWIN),
    faint: (key) => key.startsWith(TWIN),
    note: twin ? `${note} · dashed: the same world without policies` : note,
    endLabel: (key, last) => (key.startsWith(TWIN) ? null : `${last.label} ${formatChange(changes.get(key) ?? NaN)}`),
    endNote: twin ? (key) => (Number.isFinite(vsTwin.get(key)) ? `${formatChange(vsTwin.get(key)!)} vs no policy, ${all[0]?.lastYear}` : null) : undefined,
  });
}

/** Europe's inflow by corridor, in per cent, with the twin's shares dashed behind. */
function corridorChart(cell: HTMLElement, scenario: Scenario, runs: readonly RunResult[], twin: readonly RunResult[] | null): void {
  const rows = [...(twin ? corridorRows(twin, scenario, TWIN) : []), ...corridorRows(runs, scenario)];
  const base = (key: string) => (key.startsWith(TWIN) ? key.slice(TWIN.length) : key);
  const last = new Map<string, PlotRow>();
  for (const r of rows) last.set(r.series, r);
  lineChart(cell, rows, {
    id: 'europe-corridors',
    title: 'Europe’s inflow by corridor',
    unit: 'per cent of the flow into Europe',
    colorOf: (key) => CORRIDOR_COLORS[base(key)] ?? '#777',
    dashed: (key) => key.startsWith(TWIN),
    faint: (key) => key.startsWith(TWIN),
    note: `${seedNote(runs)} · yearly${twin ? ' · dashed: without policies' : ''}`,
    yDomain: [0, 100],
    // The same time axis as the monthly charts (yearly shares sit mid-year).
    xDomain: [tickYears(runs[0])[0], tickYears(runs[0])[runs[0].ticks - 1]],
    endLabel: (key, end) => (key.startsWith(TWIN) ? null : `${end.label} ${Math.round(end.y)} %`),
  });
}

const CORRIDOR_COLORS: Record<string, string> = { 'west-africa': '#b9770e', caribbean: '#17a589', direct: '#2e4053' };

/** Which routes the route-flow chart shows. */
const ROUTE_SETS = [
  { id: 'busiest', label: '8 busiest routes' },
  { id: 'targeted', label: 'Routes the levers target' },
  { id: 'europe', label: 'Routes into Europe' },
  { id: 'usa', label: 'Routes into the United States' },
  { id: 'corridors', label: 'Into Europe, by corridor' },
  { id: 'pick', label: 'Routes I pick…' },
] as const;

type RouteSetId = (typeof ROUTE_SETS)[number]['id'];

/** Flow into Europe summed per corridor (West Africa, Caribbean, direct), tonnes per year. */
function corridorFlowRows(runs: readonly RunResult[], scenario: Scenario, view: ChartSpec['view']): PlotRow[] {
  const xs = tickYears(runs[0]);
  return [...europeanCorridors(scenario)].flatMap(([id, routes]) => {
    if (routes.length === 0) return [];
    const columns = measureColumns(runs, { ...view, entities: routes, top: undefined });
    const sums = runs.map((_, k) => {
      const sum = new Float64Array(xs.length);
      for (const cols of columns.values()) if (cols[k]) for (let t = 0; t < sum.length; t++) sum[t] += cols[k][t];
      return sum;
    });
    return summariseColumns(id, CORRIDORS.find((c) => c.id === id)!.label, xs, sums);
  });
}

function routeSet(scenario: Scenario, set: RouteSetId): string[] | undefined {
  if (set === 'busiest' || set === 'corridors' || set === 'pick') return undefined;
  if (set === 'targeted') {
    const all = scenario.policies.map((_, i) => i);
    return supplyTargets(scenario, all).find((t) => t.group === 'routes')?.target.target ?? [];
  }
  return scenario.routes.filter((r) => (set === 'europe' ? EUROPE.has(r.to) && !EUROPE.has(r.from) : r.to === 'USA')).map(routeId);
}

/** Route flows with a picker: the busiest, the ones the scenario's levers target, into Europe or the US. */
function routeFlowsChart(cell: HTMLElement, spec: ChartSpec, scenario: Scenario, runs: readonly RunResult[], note: string): void {
  const targeted = routeSet(scenario, 'targeted') ?? [];
  const choose = el(
    'select',
    { id: 'route-set', 'aria-label': 'Which routes' },
    ...ROUTE_SETS.filter((s) => s.id !== 'targeted' || targeted.length > 0).map((s) => el('option', { value: s.id }, s.label)),
  );
  const holder = el('div', {});
  // "Routes I pick": a list of every route, the busiest ticked to begin with.
  const busiest = new Set(measureRows(runs, spec.view).map((r) => r.series));
  const labels = new Map(runs[0].series.entities.filter((e) => e.kind === 'route').map((e) => [e.id, e.label]));
  const picker = el(
    'select',
    { id: 'route-pick', multiple: true, size: 6, 'aria-label': 'Routes to show (Ctrl-click to add or remove)', hidden: true },
    ...scenario.routes.map((r) => el('option', { value: routeId(r), selected: busiest.has(routeId(r)) }, labels.get(routeId(r)) ?? routeId(r))),
  );
  const draw = () => {
    holder.replaceChildren();
    const set = choose.value as RouteSetId;
    picker.hidden = set !== 'pick';
    const picked = [...picker.selectedOptions].map((o) => o.value);
    const entities = set === 'pick' ? picked : routeSet(scenario, set);
    const top = set === 'targeted' || set === 'pick' ? undefined : entities ? 10 : spec.view.top;
    const rows = set === 'corridors' ? corridorFlowRows(runs, scenario, spec.view) : measureRows(runs, { ...spec.view, entities, top });
    const keys = [...new Set(rows.map((r) => r.series))];
    const colorOf = (key: string) => (set === 'corridors' ? (CORRIDOR_COLORS[key] ?? '#777') : rankColor(keys.indexOf(key)));
    const title = set === 'busiest' ? spec.title : `Flows: ${ROUTE_SETS.find((s) => s.id === set)!.label.toLowerCase().replace('…', '')}${top && entities && entities.length > top ? ` (${top} largest)` : ''}`;
    lineChart(holder, rows, { id: spec.id, title, unit: spec.unit, colorOf, note });
  };
  choose.addEventListener('change', draw);
  picker.addEventListener('change', draw);
  cell.append(el('div', { class: 'chart-picker' }, el('label', { for: 'route-set' }, 'Show '), choose, picker), holder);
  draw();
}

export function renderResults(container: HTMLElement, current: ResultsInput | null): void {
  container.replaceChildren();
  drawn.delete(container);
  if (!current || current.runs.length === 0) {
    container.append(el('p', { class: 'placeholder', id: 'results-empty' }, 'Running the scenario… (choose another on the left, or change the seeds and press Run)'));
    return;
  }
  const { runs, scenario, twin } = current;
  setExportContext({ scenario: runs[0].scenario, seeds: `${describeSeeds(runs.map((r) => r.seed))}${twin ? ', with its no-policy twin' : ''}` });
  const last = Number(runs[0].start.slice(0, 4)) + Math.ceil(runs[0].ticks / runs[0].ticksPerYear) - 1;
  const head = el(
    'div',
    { class: 'results-head' },
    el('h2', {}, runs[0].scenario),
    el('span', { class: 'meta' }, `${runs[0].start.slice(0, 4)}–${last} · ${describeSeeds(runs.map((r) => r.seed))}${twin ? ' · with its no-policy twin' : ''}`),
    current.stored ? el('span', { class: 'meta stored', id: 'stored-note', 'data-stored': current.stored }, storedText(current.stored)) : '',
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
  const routes = el('section', { class: 'route-change', id: 'route-change' }, el('h3', {}, 'Where the routes moved'));
  const more = el('div', { class: 'chart-grid' });
  container.append(head, aboutScenario(scenario), keyFigures(runs, twin), countryCards(runs, twin), grid, routes, more);
  // The story first: coca and production by country, Europe's corridors, the routes; then the rest.
  const firstRow = new Set(['cultivation', 'production', 'route-flows']);
  const cellIn = (target: HTMLElement) => {
    const cell = el('div', { class: 'chart-cell' });
    target.append(cell);
    return cell;
  };
  // Every cell first, their widths read in one layout, then the charts: reading a width after each
  // chart is drawn would lay the page out again for every chart.
  const draws: { first: boolean; draw: () => void }[] = [];
  for (const spec of RESULT_CHARTS) {
    const cell = cellIn(firstRow.has(spec.id) ? grid : more);
    const note = [seedNote(runs), spec.view.smooth ? SMOOTH_NOTE : ''].filter(Boolean).join(' · ');
    if (spec.perCountry) {
      draws.push({ first: firstRow.has(spec.id), draw: () => perCountryChart(cell, spec, runs, twin, note) });
      if (spec.id === 'production') {
        const corridors = cellIn(grid);
        draws.push({ first: true, draw: () => corridorChart(corridors, scenario, runs, twin) });
      }
      continue;
    }
    if (spec.id === 'users-by-type') {
      draws.push({ first: false, draw: () => userTypeChart(cell, spec, runs, note) });
      continue;
    }
    if (spec.id === 'route-flows') {
      draws.push({ first: firstRow.has(spec.id), draw: () => routeFlowsChart(cell, spec, scenario, runs, note) });
      continue;
    }
    draws.push({ first: firstRow.has(spec.id), draw: () => plainChart(cell, spec, runs, note) });
  }
  presetWidths([...grid.children, ...more.children] as HTMLElement[]);
  // The first row is drawn now and painted; the route map and the other charts follow, a few per
  // frame, and the run details (with the result hash, which tests wait for) come last.
  for (const d of draws) if (d.first) d.draw();
  // The run details come when both the charts and the map are drawn.
  let parts = 2;
  const finish = () => --parts === 0 && container.append(details);
  const rest: (() => void)[] = [
    // The map's code (world atlas, projections) loads when it is first drawn.
    () =>
      void import('./routeChange').then(({ routeSection }) => {
        if (drawn.get(container) !== drawing) return;
        routeSection(routes, current, { mode: twin ? 'twin' : 'start', id: 'results-route-change', prefix: 'results-routes' });
        finish();
      }),
    ...draws.filter((d) => !d.first).map((d) => d.draw),
    finish,
  ];
  const drawing = ++generation;
  drawn.set(container, drawing);
  const step = () => {
    if (drawn.get(container) !== drawing) return; // redrawn meanwhile
    const begun = performance.now(); // host-only
    while (rest.length > 0 && performance.now() - begun < FRAME_MS) rest.shift()!(); // host-only
    if (rest.length > 0) setTimeout(step, 0); // host-only
  };
  // After the next frame has painted the first row.
  requestAnimationFrame(() => setTimeout(step, 0)); // host-only
}

/** Work per task while the results are drawn in steps, ms (the page stays responsive). */
const FRAME_MS = 40;
/** The drawing in progress in each container (a newer render stops an older one). */
const drawn = new WeakMap<HTMLElement, number>();
let generation = 0;

/** Light users, heavy users and heavy users in treatment over all markets, stacked. */
function userTypeChart(cell: HTMLElement, spec: ChartSpec, runs: readonly RunResult[], note: string): void {
  const colors: Record<string, string> = { light: '#9ecae1', heavy: '#1f4e9c', treated: '#2ca25f' };
  areaChart(cell, userTypeRows(runs), { id: spec.id, title: spec.title, unit: spec.unit, colorOf: (key) => colors[key] ?? '#b0b7bf', note });
}

/** A chart of one measure over the seeds: lines, or stacked areas. */
function plainChart(cell: HTMLElement, spec: ChartSpec, runs: readonly RunResult[], note: string): void {
  const rows = measureRows(runs, spec.view);
  const keys = [...new Set(rows.map((r) => r.series))];
  const colorOf = (key: string) => (key === OTHER ? '#b0b7bf' : spec.colors === 'country' ? countryColor(key) : rankColor(keys.indexOf(key)));
  const options = { id: spec.id, title: spec.title, unit: spec.unit, colorOf, note: rows.length === 0 && spec.emptyNote ? spec.emptyNote : note };
  if (spec.mark === 'area') areaChart(cell, rows, options);
  else lineChart(cell, rows, { ...options, log: spec.log });
}
