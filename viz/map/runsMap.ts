/** What a route map draws of a scenario's runs: its countries and routes, and the yearly flows (mean over the seeds). */
import { routeId } from '../../sim/analysis/displacement';
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { mapRole } from '../charts/palette';
import { yearlyRouteFlows } from '../data/routeFlows';
import { seedNote } from '../state/seeds';
import type { RouteMapData } from './routeMap';

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
