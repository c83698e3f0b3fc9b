/**
 * The route map view: the current run's routes by year, with a slider and a play
 * button to watch flows shift (mean over the seeds run).
 */
import { annualise, measureByTick } from '../../sim/analysis/extract';
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { routeId } from '../../sim/analysis/displacement';
import { mapRole } from '../charts/palette';
import { routeMap, type RouteMapData } from '../map/routeMap';
import { el } from '../ui/dom';
import { seedNote } from './resultsView';

/** Mean over runs of each route's yearly flow, in tonnes. */
export function yearlyRouteFlows(runs: readonly RunResult[]): Map<number, Map<string, number>> {
  const out = new Map<number, Map<string, number>>();
  const firstYear = Number(runs[0].start.slice(0, 4));
  for (const run of runs) {
    const table = measureByTick(run, 'flowKg', 'route');
    if (!table) continue;
    for (const [id, column] of table.values) {
      annualise(column, run.ticksPerYear, 'flow').forEach((kg, i) => {
        const year = out.get(firstYear + i) ?? new Map<string, number>();
        year.set(id, (year.get(id) ?? 0) + kg / 1000 / runs.length);
        out.set(firstYear + i, year);
      });
    }
  }
  return out;
}

export function mapData(scenario: Scenario, runs: readonly RunResult[]): RouteMapData {
  const labels = new Map(runs[0].series.entities.filter((e) => e.kind === 'route').map((e) => [e.id, e.label]));
  return {
    countries: scenario.countries.map((c) => ({ id: c.id, name: c.name, isoNumeric: c.isoNumeric, role: mapRole(c.roles) })),
    routes: scenario.routes.map((r) => ({ id: routeId(r), label: labels.get(routeId(r)) ?? routeId(r), from: r.from, to: r.to, mode: r.mode })),
    flow: yearlyRouteFlows(runs),
    unit: 'tonnes per year',
    note: seedNote(runs),
  };
}

let timer: ReturnType<typeof setInterval> | undefined;

export function renderMap(
  container: HTMLElement,
  current: { scenario: Scenario; runs: RunResult[] } | null,
  year: number | undefined,
  onYear: (year: number) => void,
): void {
  clearInterval(timer);
  container.replaceChildren();
  if (!current || current.runs.length === 0) {
    container.append(el('p', { class: 'placeholder' }, 'Run a scenario to see its routes.'));
    return;
  }
  const data = mapData(current.scenario, current.runs);
  const years = [...data.flow.keys()].sort((a, b) => a - b);
  let shown = year !== undefined && data.flow.has(year) ? year : years[0];
  const slider = el('input', { type: 'range', id: 'map-year', min: years[0], max: years[years.length - 1], step: 1, value: shown, 'aria-label': 'Year' });
  const label = el('output', { for: 'map-year', class: 'year' }, String(shown));
  const play = el('button', { type: 'button', id: 'map-play', class: 'primary' }, 'Play');
  const controls = el('div', { class: 'map-controls' }, el('h2', {}, current.runs[0].scenario), play, slider, label);
  const holder = el('div', { class: 'map-holder' });
  container.append(controls, holder);
  const map = routeMap(holder, data, shown);

  const show = (y: number) => {
    shown = y;
    slider.value = String(y);
    label.textContent = String(y);
    map.setYear(y);
    onYear(y);
  };
  slider.addEventListener('input', () => show(Number(slider.value)));
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    play.textContent = 'Play';
  };
  play.addEventListener('click', () => {
    if (timer !== undefined) return stop();
    play.textContent = 'Pause';
    if (shown >= years[years.length - 1]) show(years[0]);
    timer = setInterval(() => {
      if (!container.contains(play) || shown >= years[years.length - 1]) return stop();
      show(shown + 1);
    }, 800); // host-only
  });
}
