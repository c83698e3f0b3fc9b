/**
 * The route map of the current plan in one year (the app's route map module), with
 * the story's countries outlined and named.
 */
import { select } from 'd3';
import type { Scenario } from '../../../sim/scenario/schema';
import { routeId } from '../../../sim/analysis/displacement';
import { mapRole } from '../../charts/palette';
import { routeMap, type RouteMapData } from '../../map/routeMap';
import type { Digest } from '../../../sim/workshop/digest';

export function mapData(scenario: Scenario, d: Digest, note: string): RouteMapData {
  const name = new Map(scenario.countries.map((c) => [c.id, c.name]));
  const flow = new Map<number, Map<string, number>>();
  for (let i = 0; i < d.years; i++) flow.set(d.firstYear + i, new Map(Object.entries(d.flowT).map(([id, values]) => [id, values[i] ?? 0])));
  return {
    countries: scenario.countries.map((c) => ({ id: c.id, name: c.name, isoNumeric: c.isoNumeric, role: mapRole(c.roles) })),
    routes: scenario.routes.map((r) => ({ id: routeId(r), label: `${name.get(r.from)} → ${name.get(r.to)} (${r.mode})`, from: r.from, to: r.to, mode: r.mode })),
    flow,
    unit: 'tonnes per year',
    note,
  };
}

export function renderMapPanel(container: HTMLElement, scenario: Scenario, d: Digest, year: number, note: string, highlight: readonly string[]): void {
  container.replaceChildren();
  const map = routeMap(container, mapData(scenario, d, note), year);
  const layer = select(map.svg).select<SVGGElement>('g.plot');
  const labels = layer.append('g').attr('class', 'highlights').attr('pointer-events', 'none');
  for (const id of highlight) {
    const shape = map.svg.querySelector<SVGPathElement>(`path.country[data-country="${id}"]`);
    if (!shape) continue;
    shape.classList.add('highlight');
    shape.setAttribute('stroke', '#b3261e');
    shape.setAttribute('stroke-width', '2.2');
    shape.parentNode?.appendChild(shape); // on top of its neighbours, so the outline shows whole
    const hub = map.svg.querySelector<SVGCircleElement>(`g.hubs circle[data-country="${id}"]`);
    if (!hub) continue;
    labels
      .append('text')
      .attr('class', 'highlight-label')
      .attr('x', Number(hub.getAttribute('cx')))
      .attr('y', Number(hub.getAttribute('cy')) - 7)
      .attr('text-anchor', 'middle')
      .attr('font-size', 12)
      .attr('font-weight', 700)
      .attr('fill', '#b3261e')
      .attr('paint-order', 'stroke')
      .attr('stroke', '#fff')
      .attr('stroke-width', 3)
      .text(scenario.countries.find((c) => c.id === id)?.name ?? id);
  }
}
