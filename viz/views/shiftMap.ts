/**
 * Where the flow went: a route map of one scenario's yearly route flows minus the
 * baseline's (same seeds), red where a route carries more, blue where less.
 */
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { flowShift, yearlyRouteFlows } from '../data/routeFlows';
import { routeMap } from '../map/routeMap';
import { mapData } from '../map/runsMap';
import { el } from '../ui/dom';

export interface ShiftRun {
  id: string;
  name: string;
  scenario: Scenario;
  runs: RunResult[];
}

/** Appends the section to `container` (the map is sized to it, so it must be in the page first). */
export function shiftMap(container: HTMLElement, others: readonly ShiftRun[], baseline: ShiftRun): void {
  const holder = el('div', { class: 'map-holder' });
  const choose = el('select', { id: 'shift-scenario', 'aria-label': 'Scenario' }, ...others.map((o) => el('option', { value: o.id }, o.name)));
  const shift = () => others.find((o) => o.id === choose.value) ?? others[0];
  const years = [...yearlyRouteFlows(baseline.runs).keys()];
  const slider = el('input', { type: 'range', id: 'shift-year', min: years[0], max: years[years.length - 1], step: 1, value: years[years.length - 1], 'aria-label': 'Year' });
  const label = el('output', { for: 'shift-year', class: 'year' }, slider.value);
  let setYear: (year: number) => void = () => undefined;
  const draw = () => {
    holder.replaceChildren();
    const other = shift();
    const data = {
      ...mapData(other.scenario, other.runs),
      flow: flowShift(other.runs, baseline.runs),
      signed: true,
      id: 'shift-map',
      title: `Change in route flows: ${other.name}`,
      note: 'difference of the means over the same seeds',
    };
    setYear = routeMap(holder, data, Number(slider.value)).setYear;
  };
  slider.addEventListener('input', () => {
    label.textContent = slider.value;
    setYear(Number(slider.value));
  });
  choose.addEventListener('change', draw);
  container.append(
    el(
      'section',
      { class: 'shift' },
      el('h3', {}, 'Where the flow went'),
      el('p', { class: 'hint' }, `Each route's flow in the scenario minus its flow in “${baseline.name}”, mean over the same seeds.`),
      el('div', { class: 'map-controls' }, others.length > 1 ? choose : '', slider, label),
      holder,
    ),
  );
  draw();
}
