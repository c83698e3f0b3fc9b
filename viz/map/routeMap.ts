/**
 * The route map: the countries of a scenario coloured by role, every route as an
 * arc whose width is its flow in the chosen year. Takes plain data; knows nothing
 * of the model. `setYear` re-draws widths without rebuilding the map.
 */
import { geoNaturalEarth1, geoPath, max, scaleSqrt } from 'd3';
import type { Feature, MultiPoint } from 'geojson';
import { csvLine } from '../../sim/io/csv';
import { createFrame, type LegendItem } from '../charts/frame';
import { formatValue } from '../charts/format';
import { ROLE_COLORS, type MapRole } from '../charts/palette';
import { anchorPoint, atlasId, worldCountries } from './world';

export interface MapCountry {
  id: string;
  name: string;
  isoNumeric?: number;
  role: MapRole;
}

export interface MapRoute {
  id: string;
  label: string;
  from: string;
  to: string;
  mode: string;
}

export interface RouteMapData {
  countries: MapCountry[];
  routes: MapRoute[];
  /** Flow per route and year, in `unit`. */
  flow: Map<number, Map<string, number>>;
  unit: string;
  note: string;
  /** Flows are differences (e.g. scenario − baseline): width is the size, colour the sign. */
  signed?: boolean;
  /** Title before the year, default "Trafficking routes". */
  title?: string;
  /** Chart id for exports and tests, default "route-map". */
  id?: string;
  /** What a signed map is the difference from, for the legend: "the baseline" (default), "2000", "no policy". */
  reference?: string;
}

/** Colours of a difference map: more flow than the reference, less flow. */
export const SIGN_COLORS = { more: '#c0392b', less: '#1f78b4' } as const;

export const MODE_COLORS: Record<string, string> = { sea: '#1f5fa8', air: '#8e44ad', land: '#a0522d' };

export interface RouteMap {
  svg: SVGSVGElement;
  setYear(year: number): void;
}

export function routeMap(container: HTMLElement, data: RouteMapData, year: number): RouteMap {
  const legend: LegendItem[] = [
    { key: 'role-producer', label: 'Producer country', color: ROLE_COLORS.producer, shape: 'area' },
    { key: 'role-transit', label: 'Transit country', color: ROLE_COLORS.transit, shape: 'area' },
    { key: 'role-consumer', label: 'Consumer market', color: ROLE_COLORS.consumer, shape: 'area' },
    ...(data.signed
      ? [
          { key: 'sign-more', label: `More flow than ${data.reference ?? 'the baseline'}`, color: SIGN_COLORS.more },
          { key: 'sign-less', label: `Less flow than ${data.reference ?? 'the baseline'}`, color: SIGN_COLORS.less },
        ]
      : Object.entries(MODE_COLORS).map(([mode, color]) => ({ key: `mode-${mode}`, label: `Route by ${mode}`, color }))),
  ];
  const title = data.title ?? 'Trafficking routes';
  const narrow = (container.clientWidth || 640) < 600;
  const csv = () => {
    const labels = new Map(data.routes.map((r) => [r.id, r.label]));
    let text = csvLine(['year', 'route', 'label', data.signed ? 'change' : 'flow', 'unit']);
    for (const [y, flows] of [...data.flow].sort((a, b) => a[0] - b[0])) for (const [id, v] of flows) text += csvLine([y, id, labels.get(id) ?? id, v, data.unit]);
    return text;
  };
  const frame = createFrame(container, {
    id: data.id ?? 'route-map',
    title: `${title}, ${year}`,
    subtitle: `arc width: ${data.unit} · ${data.note}`,
    legend,
    height: narrow ? 380 : 560,
    margin: { left: 12, bottom: 12 },
    legendExtra: 90,
    csv,
  });
  frame.figure.classList.add('map');
  const shapes = worldCountries();
  const byAtlas = new Map(shapes.map((s) => [String(s.id), s]));
  const inScenario = data.countries.filter((c) => c.isoNumeric !== undefined && byAtlas.has(atlasId(c.isoNumeric)));
  const anchors = new Map(inScenario.map((c) => [c.id, anchorPoint(byAtlas.get(atlasId(c.isoNumeric!))!)]));

  // Fit the view to the scenario's countries, with a margin of a few degrees.
  const points = [...anchors.values()];
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const box: Feature<MultiPoint> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [Math.min(...lons) - 12, Math.min(...lats) - 10],
        [Math.max(...lons) + 12, Math.max(...lats) + 8],
      ],
    },
  };
  const projection = geoNaturalEarth1().fitExtent(
    [
      [0, 0],
      [frame.width, frame.height],
    ],
    points.length > 0 ? box : { type: 'Sphere' },
  );
  const path = geoPath(projection);
  const defs = frame.svg.append('defs');
  defs.append('clipPath').attr('id', 'map-clip').append('rect').attr('width', frame.width).attr('height', frame.height);
  // Fixed-size arrowheads (user space), so thick routes do not get huge heads.
  for (const [mode, color] of Object.entries({ ...MODE_COLORS, ...SIGN_COLORS })) {
    defs
      .append('marker')
      .attr('id', `arrow-${mode}`)
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 9)
      .attr('refY', 5)
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('markerWidth', 9)
      .attr('markerHeight', 9)
      .attr('orient', 'auto')
      .append('path')
      .attr('d', 'M0,1L9,5L0,9z')
      .attr('fill', color);
  }
  const layer = frame.plot.append('g').attr('clip-path', 'url(#map-clip)');
  layer.append('rect').attr('width', frame.width).attr('height', frame.height).attr('fill', '#e9f0f6');

  const roleOf = new Map(inScenario.map((c) => [atlasId(c.isoNumeric!), c]));
  layer
    .append('g')
    .attr('class', 'countries')
    .selectAll('path')
    .data(shapes)
    .join('path')
    .attr('d', (d) => path(d) ?? '')
    .attr('class', (d) => (roleOf.has(String(d.id)) ? 'country in-scenario' : 'country'))
    .attr('data-country', (d) => roleOf.get(String(d.id))?.id ?? null)
    .attr('fill', (d) => ROLE_COLORS[roleOf.get(String(d.id))?.role ?? 'other'])
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 0.6)
    .append('title')
    .text((d) => {
      const c = roleOf.get(String(d.id));
      return c ? `${c.name} (${c.role})` : d.properties.name;
    });

  const projected = new Map([...anchors].map(([id, p]) => [id, projection(p)]));
  const drawable = data.routes.filter((r) => projected.get(r.from) && projected.get(r.to) && r.from !== r.to);
  const arc = (r: MapRoute): string => {
    const [x1, y1] = projected.get(r.from)!;
    const [x2, y2] = projected.get(r.to)!;
    // Bend every arc to its left, so A→B and B→A (and sea vs air) separate.
    const bend = r.mode === 'air' ? 0.28 : r.mode === 'sea' ? 0.18 : 0.08;
    const cx = (x1 + x2) / 2 + (y2 - y1) * bend;
    const cy = (y1 + y2) / 2 - (x2 - x1) * bend;
    return `M${x1},${y1}Q${cx},${cy} ${x2},${y2}`;
  };
  const peak = max([...data.flow.values()].flatMap((m) => [...m.values()].map(Math.abs))) ?? 1;
  const strokeOf = (r: MapRoute, value: number) => (data.signed ? SIGN_COLORS[value >= 0 ? 'more' : 'less'] : (MODE_COLORS[r.mode] ?? '#555'));
  const markerOf = (r: MapRoute, value: number) => (data.signed ? `url(#arrow-${value >= 0 ? 'more' : 'less'})` : MODE_COLORS[r.mode] ? `url(#arrow-${r.mode})` : null);
  const width = scaleSqrt().domain([0, peak > 0 ? peak : 1]).range([0, 16]);
  const arcs = layer
    .append('g')
    .attr('class', 'routes')
    .attr('fill', 'none')
    .selectAll('path')
    .data(drawable)
    .join('path')
    .attr('class', 'route')
    .attr('data-route', (r) => r.id)
    .attr('d', arc)
    .attr('stroke-opacity', 0.62)
    .attr('stroke-linecap', 'round');
  const titles = arcs.append('title');

  layer
    .append('g')
    .attr('class', 'hubs')
    .selectAll('circle')
    .data(inScenario.filter((c) => projected.get(c.id)))
    .join('circle')
    .attr('data-country', (c) => c.id)
    .attr('cx', (c) => projected.get(c.id)![0])
    .attr('cy', (c) => projected.get(c.id)![1])
    .attr('r', 2.2)
    .attr('fill', '#2b3440');

  // Width key under the legend.
  const keyValues = [peak / 10, peak / 2, peak].map((v) => Number(v.toPrecision(1)));
  const key = frame.svg.append('g').attr('class', 'legend width-key').attr('transform', `translate(${frame.legendLeft},${frame.legendBottom + 16})`);
  key.append('text').attr('y', 0).text(`Flow (${data.unit})`);
  keyValues.forEach((v, i) => {
    const y = 16 + i * 22;
    key.append('line').attr('x1', 0).attr('x2', 26).attr('y1', y).attr('y2', y).attr('stroke', '#56606b').attr('stroke-width', Math.max(0.5, width(v))).attr('stroke-linecap', 'round');
    key.append('text').attr('x', 44).attr('y', y + 4).text(formatValue(v));
  });

  const setYear = (y: number) => {
    const flows = data.flow.get(y) ?? new Map<string, number>();
    const value = (r: MapRoute) => flows.get(r.id) ?? 0;
    // The title as the frame wrapped it (on a phone, two lines): only the year at its end changes.
    const lines = frame.svg.selectAll<SVGTSpanElement, unknown>('text.title tspan');
    if (lines.size() > 0) lines.filter((_, i, all) => i === all.length - 1).text((_, __, nodes) => (nodes[0]?.textContent ?? '').replace(/\d{4}$/, String(y)));
    else frame.svg.select('.title').text(`${title}, ${y}`);
    frame.svg.attr('data-year', y);
    arcs
      .attr('data-flow', value)
      .attr('stroke-width', (r) => width(Math.abs(value(r))))
      .attr('stroke', (r) => strokeOf(r, value(r)))
      .attr('marker-end', (r) => markerOf(r, value(r)))
      // Hide arcs too thin to see (a tenth of a pixel): in a difference map, routes that did not change.
      .attr('display', (r) => (width(Math.abs(value(r))) > 0.1 ? null : 'none'));
    const sign = (v: number) => (data.signed && v > 0 ? '+' : '');
    titles.text((r) => `${r.label}: ${sign(value(r))}${formatValue(value(r))} ${data.unit} in ${y}`);
  };
  setYear(year);
  return { svg: frame.svg.node()!, setYear };
}
