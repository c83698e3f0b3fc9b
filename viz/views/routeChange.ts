/**
 * Routes over time: each route's flow in a year, its change since the first year, or
 * its difference from the no-policy twin (same seeds), with a year slider and Play.
 * Used by the Route map view and, as "change since the first year", by Results.
 */
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { changeSinceStart, flowShift, yearlyRouteFlows } from '../data/routeFlows';
import { routeMap, type RouteMapData } from '../map/routeMap';
import { mapData } from '../map/runsMap';
import { el } from '../ui/dom';

export type RouteMode = 'flow' | 'start' | 'twin';

export interface RouteSectionInput {
  scenario: Scenario;
  runs: RunResult[];
  twin: RunResult[] | null;
}

function dataFor(input: RouteSectionInput, mode: RouteMode, id: string): RouteMapData {
  const base = mapData(input.scenario, input.runs);
  const firstYear = Math.min(...base.flow.keys());
  if (mode === 'start') return { ...base, id, flow: changeSinceStart(input.runs), signed: true, reference: `in ${firstYear}`, title: `Change in route flows since ${firstYear}`, note: `${base.note} · red: more than in ${firstYear}, blue: less` };
  if (mode === 'twin' && input.twin) return { ...base, id, flow: flowShift(input.runs, input.twin), signed: true, reference: 'without policies', title: 'Route flows against no policy', note: `${base.note} · scenario − the same world without policies, same seeds` };
  return { ...base, id };
}

let timer: ReturnType<typeof setInterval> | undefined;

export interface RouteSectionOptions {
  mode: RouteMode;
  year?: number;
  /** Chart id (exports, tests). */
  id: string;
  /** Prefix of the controls' ids: PREFIX-mode, PREFIX-year, PREFIX-play. */
  prefix: string;
  onChange?(mode: RouteMode, year: number): void;
}

/** Appends the controls and the map to `container` (which must be in the page: the map is sized to it). */
export function routeSection(container: HTMLElement, input: RouteSectionInput, options: RouteSectionOptions): void {
  clearInterval(timer);
  const years = [...yearlyRouteFlows(input.runs).keys()].sort((a, b) => a - b);
  let mode: RouteMode = options.mode === 'twin' && !input.twin ? 'start' : options.mode;
  let shown = options.year !== undefined && years.includes(options.year) ? options.year : mode === 'flow' ? years[0] : years[years.length - 1];
  const prefix = options.prefix;
  const modes = el(
    'select',
    { id: `${prefix}-mode`, 'aria-label': 'What the map shows' },
    el('option', { value: 'flow', selected: mode === 'flow' }, 'Flows in the year'),
    el('option', { value: 'start', selected: mode === 'start' }, `Change since ${years[0]}`),
    ...(input.twin ? [el('option', { value: 'twin', selected: mode === 'twin' }, 'Against no policy (twin)')] : []),
  );
  const slider = el('input', { type: 'range', id: `${prefix}-year`, min: years[0], max: years[years.length - 1], step: 1, value: shown, 'aria-label': 'Year' });
  const label = el('output', { for: `${prefix}-year`, class: 'year' }, String(shown));
  const play = el('button', { type: 'button', id: `${prefix}-play`, class: 'primary' }, 'Play');
  const holder = el('div', { class: 'map-holder' });
  container.append(el('div', { class: 'map-controls' }, modes, play, slider, label), holder);
  let map = routeMap(holder, dataFor(input, mode, options.id), shown);

  const show = (y: number) => {
    shown = y;
    slider.value = String(y);
    label.textContent = String(y);
    map.setYear(y);
    options.onChange?.(mode, y);
  };
  modes.addEventListener('change', () => {
    mode = modes.value as RouteMode;
    holder.replaceChildren();
    map = routeMap(holder, dataFor(input, mode, options.id), shown);
    options.onChange?.(mode, shown);
  });
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
