/**
 * Europe's inflow by corridor: of the cocaine arriving in European countries on legs
 * from outside Europe, the share that comes from West Africa, from the Caribbean, and
 * directly from South America (every other origin, e.g. Venezuela, Brazil, Colombia),
 * per year. The West African share is the stylised fact of docs/specification.md §7.
 */
import type { RunResult } from '../results/types';
import type { Scenario } from '../scenario/schema';
import { routeId } from './displacement';
import { annualise, measureByTick } from './extract';
import { EUROPE, WEST_AFRICA } from './geography';

/** The Caribbean (island states and territories, ISO 3166-1 alpha-3). */
export const CARIBBEAN = new Set(['ABW', 'AIA', 'ATG', 'BHS', 'BRB', 'CUB', 'CUW', 'CYM', 'DMA', 'DOM', 'GRD', 'HTI', 'JAM', 'KNA', 'LCA', 'MSR', 'PRI', 'SXM', 'TCA', 'TTO', 'VCT', 'VGB', 'VIR']);

export const CORRIDORS = [
  { id: 'west-africa', label: 'West Africa' },
  { id: 'caribbean', label: 'Caribbean' },
  { id: 'direct', label: 'Direct from S. America' },
] as const;

export type CorridorId = (typeof CORRIDORS)[number]['id'];

export function corridorOf(from: string): CorridorId {
  return WEST_AFRICA.has(from) ? 'west-africa' : CARIBBEAN.has(from) ? 'caribbean' : 'direct';
}

/** Routes into Europe from outside it, by corridor. */
export function europeanCorridors(scenario: Scenario): Map<CorridorId, string[]> {
  const out = new Map<CorridorId, string[]>(CORRIDORS.map((c) => [c.id, []]));
  for (const r of scenario.routes) if (EUROPE.has(r.to) && !EUROPE.has(r.from)) out.get(corridorOf(r.from))!.push(routeId(r));
  return out;
}

/** Per corridor, the yearly share (0–1) of Europe's inflow in one run; NaN in a year without inflow. */
export function corridorShares(run: RunResult, scenario: Scenario): Map<CorridorId, number[]> {
  const table = measureByTick(run, 'flowKg', 'route');
  const years = Math.ceil(run.ticks / run.ticksPerYear);
  const totals = new Map<CorridorId, number[]>();
  for (const [corridor, routes] of europeanCorridors(scenario)) {
    const sum = new Array<number>(years).fill(0);
    for (const id of routes) {
      const column = table?.values.get(id);
      if (column) annualise(column, run.ticksPerYear, 'flow').forEach((v, y) => (sum[y] += v));
    }
    totals.set(corridor, sum);
  }
  const all = Array.from({ length: years }, (_, y) => [...totals.values()].reduce((s, list) => s + list[y], 0));
  return new Map([...totals].map(([id, list]) => [id, list.map((v, y) => (all[y] > 0 ? v / all[y] : NaN))]));
}
