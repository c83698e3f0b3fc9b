/**
 * The route map view: the current run's routes by year, with a slider and a play
 * button to watch flows shift (mean over the seeds run).
 */
import { annualise, measureByTick } from '../../sim/analysis/extract';
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { routeId } from '../../sim/analysis/displacement';
import { mapRole } from '../charts/palette';
import { setExportContext } from '../charts/frame';
import { routeMap, type RouteMapData } from '../map/routeMap';
import { describeSeeds } from '../state/seeds';
import { el } from '../ui/dom';
import { seedNote } from './resultsView';
import { routeSection, type RouteMode } from './routeChange';

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
