/**
 * The route map view: the current run's routes by year, with a slider and a play
 * button to watch flows shift (mean over the seeds run).
 */
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { setExportContext } from '../charts/frame';
import { describeSeeds } from '../state/seeds';
import { el } from '../ui/dom';
import { routeSection, type RouteMode } from './routeChange';

export function renderMap(
  container: HTMLElement,
  current: { scenario: Scenario; runs: RunResult[]; twin: RunResult[] | null } | null,
  state: { year?: number; mode: RouteMode },
  onChange: (mode: RouteMode, year: number) => void,
): void {
  container.replaceChildren();
  if (!current || current.runs.length === 0) {
    container.append(el('p', { class: 'placeholder' }, 'Running the scenario… its routes appear here.'));
    return;
  }
  container.append(el('h2', { class: 'map-title' }, current.runs[0].scenario));
  setExportContext({ scenario: current.runs[0].scenario, seeds: describeSeeds(current.runs.map((r) => r.seed)) });
  routeSection(container, current, { mode: state.mode, year: state.year, id: 'route-map', prefix: 'map', onChange });
}
