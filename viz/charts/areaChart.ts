/**
 * Stacked areas over time (e.g. cultivation by country): each series' mean over
 * seeds stacked in order of size, largest at the bottom.
 */
import { area, extent, group, max, scaleLinear, stack, stackOrderNone } from 'd3';
import type { PlotRow } from '../data/plotRows';
import { drawAxes } from './axes';
import { createFrame, drawEmpty } from './frame';
import { attachTooltip } from './tooltip';
import { chartCsv } from '../export/chartCsv';

export interface AreaChartOptions {
  id: string;
  title: string;
  unit: string;
  colorOf: (series: string) => string;
  note?: string;
  height?: number;
  /** Shared y axis for side-by-side charts. */
  yMax?: number;
}

export function areaChart(container: HTMLElement, rows: readonly PlotRow[], options: AreaChartOptions): SVGSVGElement {
  const groups = group(rows, (r) => r.series);
  const keys = [...groups.keys()];
  const labels = new Map([...groups].map(([k, list]) => [k, list[0].label]));
  const frame = createFrame(container, {
    id: options.id,
    title: options.title,
    subtitle: options.note ? `${options.unit} · ${options.note}` : options.unit,
    legend: keys.map((key) => ({ key, label: labels.get(key) ?? key, color: options.colorOf(key), shape: 'area' })),
    height: options.height,
    csv: () => chartCsv(rows, options.unit),
  });
  if (rows.length === 0) {
    drawEmpty(frame, 'nothing recorded for this view');
    return frame.svg.node()!;
  }
  // Pivot to one record per x with a column per series.
  const xs = [...new Set(rows.map((r) => r.x))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const table = xs.map((x) => ({ x, values: new Map<string, number>() }));
  for (const r of rows) table[index.get(r.x)!].values.set(r.series, Math.max(0, r.y));
  const stacked = stack<{ x: number; values: Map<string, number> }>()
    .keys(keys)
    .value((d, key) => d.values.get(key) ?? 0)
    .order(stackOrderNone)(table);

  const x = scaleLinear()
    .domain(extent(xs) as [number, number])
    .range([0, frame.width]);
  const top = options.yMax ?? max(stacked[stacked.length - 1] ?? [], (d) => d[1]) ?? 1;
  const y = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice()
    .range([frame.height, 0]);
  drawAxes(frame, x, y);
  const shape = area<[number, number] & { data: { x: number } }>()
    .x((d) => x(d.data.x))
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]));
  frame.plot
    .append('g')
    .attr('class', 'marks')
    .selectAll('path')
    .data(stacked)
    .join('path')
    .attr('class', 'mark area')
    .attr('data-series', (d) => d.key)
    .attr('d', (d) => shape(d as never))
    .attr('fill', (d) => options.colorOf(d.key))
    .attr('fill-opacity', 0.85)
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 0.5);
  attachTooltip(frame, rows, { x, colorOf: options.colorOf, unit: options.unit, interval: true });
  return frame.svg.node()!;
}
