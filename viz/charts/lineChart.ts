/**
 * Lines over time, one per series, with the interval across seeds as a band.
 * Takes tidy rows and a container; knows nothing of the model.
 */
import { area, extent, group, line, max, min, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import type { PlotRow } from '../data/plotRows';
import { drawAxes } from './axes';
import { createFrame, drawEmpty, type Frame, type LegendItem } from './frame';
import { attachTooltip } from './tooltip';
import { chartCsv } from '../export/chartCsv';

export interface LineChartOptions {
  id: string;
  title: string;
  unit: string;
  colorOf: (series: string) => string;
  /** Shared axes in comparisons. */
  yDomain?: [number, number];
  xDomain?: [number, number];
  /** Draw a dashed series (e.g. the baseline) by key. */
  dashed?: (series: string) => boolean;
  /** Subtitle after the unit, e.g. "mean of 3 seeds, band: 90% of runs". */
  note?: string;
  /** Allow negative values (differences): the y axis then spans zero. */
  signed?: boolean;
  /** Logarithmic y axis; values at or below zero sit on the floor. */
  log?: boolean;
  height?: number;
  /**
   * Direct labels at the right end of the lines (Our World in Data style) instead of a
   * legend: the text for a series' last point, or null for no label (e.g. a twin's line).
   */
  endLabel?: (series: string, last: PlotRow) => string | null;
  /** A second, smaller line under each end label (e.g. the change against the twin). */
  endNote?: (series: string) => string | null;
  /** Observed values ("the record"), drawn as hollow circles in the series' colours, with a legend entry and a toggle. */
  record?: { rows: PlotRow[]; sources: string[]; /** Legend word before the sources (default "Record"). */ label?: string };
  /** Series drawn thin and faint (e.g. the no-policy twin behind the scenario). */
  faint?: (series: string) => boolean;
}

const LABEL_GAP = 13;

/** Label positions near each target y, at least LABEL_GAP apart, inside [0, height]. */
export function spreadLabels(targets: readonly number[], height: number, top = 0, gap = LABEL_GAP): number[] {
  const order = targets.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => Math.max(top, o.y));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + gap);
  const overflow = placed.length > 0 ? placed[placed.length - 1] - height : 0;
  if (overflow > 0) for (let k = placed.length - 1; k >= 0; k--) placed[k] = Math.min(placed[k], (k === placed.length - 1 ? height : placed[k + 1] - gap));
  const out = new Array<number>(targets.length);
  order.forEach((o, k) => (out[o.i] = placed[k]));
  return out;
}

export function lineChart(container: HTMLElement, rows: readonly PlotRow[], options: LineChartOptions): SVGSVGElement {
  const groups = group(rows, (r) => r.series);
  const perSeries: LegendItem[] = [...groups].map(([key, list]) => ({
    key,
    label: list[0].label,
    color: options.colorOf(key),
    shape: options.dashed?.(key) ? 'dash' : 'line',
  }));
  const recordItem: LegendItem[] = options.record ? [{ key: 'record', label: `${options.record.label ?? 'Record'}: ${options.record.sources.join(', ')}`, color: '#1d2733', shape: 'point' }] : [];
  const legend = options.endLabel ? recordItem : [...perSeries, ...recordItem];
  const frame = createFrame(container, {
    id: options.id,
    title: options.title,
    subtitle: options.note ? `${options.unit} · ${options.note}` : options.unit,
    legend,
    height: options.height,
    rightLabels: !!options.endLabel,
    csv: () => chartCsv(rows, options.unit, options.record?.rows),
  });
  if (rows.length === 0) {
    drawEmpty(frame, 'nothing recorded for this view');
    return frame.svg.node()!;
  }
  const [x0, x1] = options.xDomain ?? (extent(rows, (r) => r.x) as [number, number]);
  const lo = options.yDomain?.[0] ?? Math.min(0, min(rows, (r) => r.lo) ?? 0);
  const hi = options.yDomain?.[1] ?? max([...rows, ...(options.record?.rows ?? [])], (r) => r.hi) ?? 1;
  const x = scaleLinear().domain([x0, x1]).range([0, frame.width]);
  const floor = Math.max(1e-9, (min(rows.filter((r) => r.lo > 0), (r) => r.lo) ?? 1) * 0.8);
  const y: ScaleContinuousNumeric<number, number> = options.log
    ? scaleLog().domain([floor, Math.max(hi, floor * 10)]).range([frame.height, 0]).clamp(true)
    : scaleLinear().domain([lo, hi > lo ? hi : lo + 1]).nice().range([frame.height, 0]);
  drawAxes(frame, x, y);
  if (options.signed && y.domain()[0] < 0) {
    frame.plot.append('line').attr('class', 'zero').attr('x1', 0).attr('x2', frame.width).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', '#56606b');
  }

  const band = area<PlotRow>()
    .x((r) => x(r.x))
    .y0((r) => y(r.lo))
    .y1((r) => y(r.hi));
  const path = line<PlotRow>()
    .x((r) => x(r.x))
    .y((r) => y(r.y));
  const marks = frame.plot.append('g').attr('class', 'marks');
  for (const [key, list] of groups) {
    if (list.some((r) => r.hi > r.lo)) {
      marks.append('path').attr('class', 'band').attr('data-series', key).attr('d', band(list)).attr('fill', options.colorOf(key)).attr('fill-opacity', 0.16);
    }
  }
  for (const [key, list] of groups) {
    marks
      .append('path')
      .attr('class', 'mark line')
      .attr('data-series', key)
      .attr('d', path(list))
      .attr('fill', 'none')
      .attr('stroke', options.colorOf(key))
      .attr('stroke-width', options.faint?.(key) ? 1.3 : options.endLabel ? 2.4 : 1.8)
      .attr('stroke-opacity', options.faint?.(key) ? 0.6 : null)
      .attr('stroke-dasharray', options.dashed?.(key) ? '5 3' : null);
  }
  if (options.record) drawRecord(frame, options.record.rows, x, y, options.colorOf);
  if (options.endLabel) {
    const ends = [...groups].flatMap(([key, list]) => {
      const last = list[list.length - 1];
      const text = options.endLabel!(key, last);
      return text ? [{ key, text, y: y(last.y) }] : [];
    });
    // Below the legend (the record's key), if any.
    const legendRight = legend.length > 0 && frame.legendLeft > frame.width;
    const at = spreadLabels(
      ends.map((e) => e.y),
      frame.height,
      legendRight ? frame.legendBottom - frame.plotTop + 8 : 0,
      LABEL_GAP * frame.scale * (options.endNote ? 2 : 1),
    );
    const labels = frame.plot.append('g').attr('class', 'end-labels');
    ends.forEach((e, i) => {
      const g = labels.append('g').attr('class', 'end-label').attr('data-series', e.key);
      if (Math.abs(at[i] - e.y) > 2) g.append('line').attr('x1', frame.width + 1).attr('x2', frame.width + 6).attr('y1', e.y).attr('y2', at[i]).attr('stroke', options.colorOf(e.key)).attr('stroke-width', 1);
      g.append('text').attr('x', frame.width + 8 * frame.scale).attr('y', at[i]).attr('dy', '0.35em').style('fill', options.colorOf(e.key)).text(e.text);
      const note = options.endNote?.(e.key);
      if (note) g.append('text').attr('class', 'end-note').attr('x', frame.width + 8 * frame.scale).attr('y', at[i] + 12 * frame.scale).attr('dy', '0.35em').style('fill', options.colorOf(e.key)).text(note);
    });
  }
  attachTooltip(frame, rows, { x, colorOf: options.colorOf, unit: options.unit, interval: true });
  return frame.svg.node()!;
}

/** The record as hollow circles, and a toggle in the chart's tools that hides it (the export then leaves it out). */
function drawRecord(frame: Frame, rows: readonly PlotRow[], x: (v: number) => number, y: (v: number) => number, colorOf: (series: string) => string): void {
  const [x0, x1] = (x as unknown as { domain(): number[] }).domain();
  const shown = rows.filter((r) => r.x >= x0 && r.x <= x1);
  const layer = frame.plot.append('g').attr('class', 'record');
  layer
    .selectAll('circle')
    .data(shown)
    .join('circle')
    .attr('class', 'record-point')
    .attr('data-series', (r) => r.series)
    .attr('data-year', (r) => Math.floor(r.x))
    .attr('cx', (r) => x(r.x))
    .attr('cy', (r) => y(r.y))
    .attr('r', 3.6)
    .attr('fill', '#ffffff')
    .attr('stroke', (r) => colorOf(r.series))
    .attr('stroke-width', 2)
    .append('title')
    .text((r) => `Record, ${Math.floor(r.x)}: ${r.label} ${r.y.toLocaleString('en')}`);
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'record-toggle';
  toggle.dataset.export = 'record';
  toggle.setAttribute('aria-pressed', 'true');
  toggle.textContent = 'Record';
  toggle.title = 'Show or hide the observed record (○) on this chart';
  toggle.addEventListener('click', () => {
    const on = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(on));
    layer.attr('display', on ? null : 'none');
    frame.svg.select('.legend-item[data-series="record"]').attr('display', on ? null : 'none');
  });
  frame.figure.querySelector('.chart-tools')?.prepend(toggle);
}
