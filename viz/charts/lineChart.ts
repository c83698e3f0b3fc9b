/**
 * Lines over time, one per series, with the interval across seeds as a band.
 * Takes tidy rows and a container; knows nothing of the model.
 */
import { area, extent, group, interrupt, line, max, min, scaleLinear, scaleLog, select, type ScaleContinuousNumeric, type ScaleLinear, type Selection } from 'd3';
import type { PlotRow } from '../data/plotRows';
import { drawAxes } from './axes';
import { createFrame, drawEmpty, updateFrame, type Frame, type FrameOptions, type LegendItem } from './frame';
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
  /** Keep the layout when the note or the source line changes length (see FrameOptions.steady). */
  steady?: boolean;
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

/** How long a line takes to move to its new data when a chart is updated in place, ms. */
export const MOVE_MS = 250;

/** What updateLineChart needs of a chart drawn by lineChart. */
interface LineState {
  frame: Frame;
  /** Scales' domains and ranges the axes were drawn for. */
  axes: string;
  tooltip: (rows: readonly PlotRow[], x: ScaleLinear<number, number>) => void;
  /** Transitions still running: while there are any the figure carries data-moving. */
  moving: number;
}

const charts = new WeakMap<SVGSVGElement, LineState>();
/** The path data each band or line is drawn (or moving) to. */
const targets = new WeakMap<SVGPathElement, string>();
/** The stroke each line was given (colour, width, opacity, dashes), so it is set again only when it changes. */
const strokes = new WeakMap<SVGPathElement, string>();

/** The path data a line of a chart shows once its move (if any) is over. */
export function pathData(path: SVGPathElement): string {
  return targets.get(path) ?? path.getAttribute('d') ?? '';
}

function frameOptions(rows: readonly PlotRow[], options: LineChartOptions): FrameOptions {
  const perSeries: LegendItem[] = [...group(rows, (r) => r.series)].map(([key, list]) => ({
    key,
    label: list[0].label,
    color: options.colorOf(key),
    shape: options.dashed?.(key) ? 'dash' : 'line',
  }));
  const recordItem: LegendItem[] = options.record ? [{ key: 'record', label: `${options.record.label ?? 'Record'}: ${options.record.sources.join(', ')}`, color: '#1d2733', shape: 'point' }] : [];
  return {
    id: options.id,
    title: options.title,
    subtitle: options.note ? `${options.unit} · ${options.note}` : options.unit,
    legend: options.endLabel ? recordItem : [...perSeries, ...recordItem],
    height: options.height,
    rightLabels: !!options.endLabel,
    csv: () => chartCsv(rows, options.unit, options.record?.rows),
    steady: options.steady,
  };
}

export function lineChart(container: HTMLElement, rows: readonly PlotRow[], options: LineChartOptions): SVGSVGElement {
  const frameOpts = frameOptions(rows, options);
  const frame = createFrame(container, frameOpts);
  const svg = frame.svg.node()!;
  if (rows.length === 0) {
    drawEmpty(frame, 'nothing recorded for this view');
    return svg;
  }
  const { x, y } = scales(frame, rows, options);
  const state: LineState = { frame, axes: '', tooltip: () => undefined, moving: 0 };
  drawMarks(state, rows, options, x, y);
  if (options.record) drawRecord(frame, options.record.rows, x, y, options.colorOf);
  if (options.endLabel) drawEndLabels(frame, rows, options, y, frameOpts.legend.length > 0);
  state.tooltip = attachTooltip(frame, rows, { x, colorOf: options.colorOf, unit: options.unit, interval: true });
  charts.set(svg, state);
  return svg;
}

/**
 * Show new rows on a chart drawn by lineChart, changing only what differs: texts and legend
 * in place, the axes if their scales moved, and each series' path (joined by series key) moved
 * to its new data only when that differs. 'updated' or 'unchanged'; null when the chart cannot
 * be updated in place (another legend or layout, no rows, end labels): draw it anew.
 */
export function updateLineChart(svg: SVGSVGElement, rows: readonly PlotRow[], options: LineChartOptions): 'updated' | 'unchanged' | null {
  const state = charts.get(svg);
  if (!state || rows.length === 0 || options.endLabel) return null;
  const frame = updateFrame(svg, frameOptions(rows, options));
  if (!frame) return null;
  const { x, y } = scales(frame, rows, options);
  const axesMoved = state.axes !== axesKey(x, y);
  const changed = drawMarks(state, rows, options, x, y);
  if (axesMoved && options.record) placeRecord(frame.plot.selectChild<SVGGElement>('g.record'), options.record.rows, x, y, options.colorOf);
  state.tooltip(rows, x);
  return axesMoved || changed ? 'updated' : 'unchanged';
}

function scales(frame: Frame, rows: readonly PlotRow[], options: LineChartOptions) {
  const [x0, x1] = options.xDomain ?? (extent(rows, (r) => r.x) as [number, number]);
  const lo = options.yDomain?.[0] ?? Math.min(0, min(rows, (r) => r.lo) ?? 0);
  const hi = options.yDomain?.[1] ?? max([...rows, ...(options.record?.rows ?? [])], (r) => r.hi) ?? 1;
  const x = scaleLinear().domain([x0, x1]).range([0, frame.width]);
  const floor = Math.max(1e-9, (min(rows.filter((r) => r.lo > 0), (r) => r.lo) ?? 1) * 0.8);
  const y: ScaleContinuousNumeric<number, number> = options.log
    ? scaleLog().domain([floor, Math.max(hi, floor * 10)]).range([frame.height, 0]).clamp(true)
    : scaleLinear().domain([lo, hi > lo ? hi : lo + 1]).nice().range([frame.height, 0]);
  return { x, y };
}

const axesKey = (x: ScaleLinear<number, number>, y: ScaleContinuousNumeric<number, number>) => JSON.stringify([x.domain(), x.range(), y.domain(), y.range()]);

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Axes, zero line, bands and lines, joined by series key: made where missing, removed where
 * gone, and each path given new data only where its data differs. True if anything changed.
 */
function drawMarks(state: LineState, rows: readonly PlotRow[], options: LineChartOptions, x: ScaleLinear<number, number>, y: ScaleContinuousNumeric<number, number>): boolean {
  const { frame } = state;
  const key = axesKey(x, y);
  let changed = false;
  if (state.axes !== key) {
    drawAxes(frame, x, y);
    state.axes = key;
    changed = true;
  }
  const zero = frame.plot.selectChild<SVGLineElement>('line.zero');
  if (options.signed && y.domain()[0] < 0) {
    const line = zero.empty() ? frame.plot.insert('line', 'g.marks').attr('class', 'zero').attr('x1', 0).attr('stroke', '#56606b') : zero;
    line.attr('x2', frame.width).attr('y1', y(0)).attr('y2', y(0));
  } else zero.remove();

  const band = area<PlotRow>()
    .x((r) => x(r.x))
    .y0((r) => y(r.lo))
    .y1((r) => y(r.hi));
  const path = line<PlotRow>()
    .x((r) => x(r.x))
    .y((r) => y(r.y));
  const found = frame.plot.selectChild<SVGGElement>('g.marks');
  const marks = found.empty() ? frame.plot.append('g').attr('class', 'marks') : found;
  const groups = [...group(rows, (r) => r.series)];
  const bands = marks
    .selectChildren<SVGPathElement, [string, PlotRow[]]>('path.band')
    .data(groups.filter(([, list]) => list.some((r) => r.hi > r.lo)), (d) => d[0]);
  const lines = marks.selectChildren<SVGPathElement, [string, PlotRow[]]>('path.line').data(groups, (d) => d[0]);
  changed ||= !bands.enter().empty() || !bands.exit().empty() || !lines.enter().empty() || !lines.exit().empty();
  // Bands under the lines; lines in the order of their series (the last on top).
  bands
    .join((enter) => enter.insert('path', 'path.line').attr('class', 'band').attr('data-series', (d) => d[0]).attr('fill-opacity', 0.16))
    .attr('fill', (d) => options.colorOf(d[0]))
    .each(function ([, list]) {
      changed = setPath(state, this, band(list) ?? '') || changed;
    });
  lines
    .join((enter) => enter.append('path').attr('class', 'mark line').attr('data-series', (d) => d[0]).attr('fill', 'none'))
    .order()
    .each(function ([series, list]) {
      const width = options.faint?.(series) ? 1.3 : options.endLabel ? 2.4 : 1.8;
      const stroke = [options.colorOf(series), width, options.faint?.(series) ? 0.6 : null, options.dashed?.(series) ? '5 3' : null] as const;
      const styled = stroke.join('|');
      if (strokes.get(this) !== styled) {
        strokes.set(this, styled);
        select(this).attr('stroke', stroke[0]).attr('stroke-width', stroke[1]).attr('stroke-opacity', stroke[2]).attr('stroke-dasharray', stroke[3]);
      }
      changed = setPath(state, this, path(list) ?? '') || changed;
    });
  return changed;
}

/**
 * Give a path new data if it differs: moved there over MOVE_MS when it has as many points as
 * before (a line that grows or shrinks, a first drawing or reduced motion: set at once).
 */
function setPath(state: LineState, node: SVGPathElement, d: string): boolean {
  const before = targets.get(node);
  if (before === d) return false;
  targets.set(node, d);
  const path = select(node);
  interrupt(node, 'move');
  if (before === undefined || reducedMotion() || points(before) !== points(d)) {
    path.attr('d', d);
    return true;
  }
  const figure = state.frame.figure;
  const settle = () => {
    if (--state.moving === 0) delete figure.dataset.moving;
  };
  state.moving++;
  figure.dataset.moving = 'true';
  path.transition('move').duration(MOVE_MS).attr('d', d).on('end', settle).on('interrupt', settle).on('cancel', settle);
  return true;
}

/** Vertices of a path drawn by d3's line or area (its commands), to tell whether two can be interpolated. */
function points(d: string): number {
  let n = 0;
  for (let i = 0; i < d.length; i++) if (d.charCodeAt(i) >= 65) n++;
  return n;
}

function drawEndLabels(frame: Frame, rows: readonly PlotRow[], options: LineChartOptions, y: ScaleContinuousNumeric<number, number>, hasLegend: boolean): void {
  const ends = [...group(rows, (r) => r.series)].flatMap(([key, list]) => {
    const last = list[list.length - 1];
    const text = options.endLabel!(key, last);
    return text ? [{ key, text, y: y(last.y) }] : [];
  });
  const labels = frame.plot.append('g').attr('class', 'end-labels');
  // Each label and note on as many lines as the room right of the plot needs (a phone's chart has
  // little): measured in the labels' own type, broken between words; a note first drops its year.
  const room = Number(frame.svg.attr('width')) - frame.plotLeft - frame.width - 8 * frame.scale - 4;
  const probe = labels.append('g').attr('class', 'end-label');
  const fit = (text: string, note: boolean): string[] => {
    const t = probe.append('text').attr('class', note ? 'end-note' : null);
    const width = (s: string) => (t.text(s), t.node()?.getComputedTextLength() ?? 0);
    const candidates = note && width(text) > room ? [text.replace(/, \d{4}$/, ''), text] : [text];
    const short = candidates.find((c) => width(c) <= room) ?? candidates[0];
    const lines = breakLines(short, room, width);
    t.remove();
    return lines;
  };
  const texts = ends.map((e) => {
    const note = options.endNote?.(e.key) ?? null;
    return { label: fit(e.text, false), note: note ? fit(note, true) : [] };
  });
  probe.remove();
  const lines = Math.max(options.endNote ? 2 : 1, ...texts.map((t) => t.label.length + t.note.length));
  // Below the legend (the record's key), if any.
  const legendRight = hasLegend && frame.legendLeft > frame.width;
  const at = spreadLabels(
    ends.map((e) => e.y),
    frame.height,
    legendRight ? frame.legendBottom - frame.plotTop + 8 : 0,
    LABEL_GAP * frame.scale * lines,
  );
  const line = 12 * frame.scale;
  ends.forEach((e, i) => {
    const g = labels.append('g').attr('class', 'end-label').attr('data-series', e.key);
    if (Math.abs(at[i] - e.y) > 2) g.append('line').attr('x1', frame.width + 1).attr('x2', frame.width + 6).attr('y1', e.y).attr('y2', at[i]).attr('stroke', options.colorOf(e.key)).attr('stroke-width', 1);
    const x = frame.width + 8 * frame.scale;
    const { label, note } = texts[i];
    const put = (parts: string[], cls: string | null, top: number) => {
      const t = g.append('text').attr('class', cls).attr('x', x).attr('y', top).attr('dy', '0.35em').style('fill', options.colorOf(e.key));
      if (parts.length === 1) t.text(parts[0]);
      else parts.forEach((p, k) => t.append('tspan').attr('x', x).attr('dy', k === 0 ? '0.35em' : line).text(k < parts.length - 1 ? `${p} ` : p));
      if (parts.length > 1) t.attr('dy', null);
    };
    put(label, null, at[i]);
    if (note.length > 0) put(note, 'end-note', at[i] + line * label.length);
  });
}

/** `text` broken between words into lines no wider than `room` (a word longer than the room keeps its own line). */
export function breakLines(text: string, room: number, width: (s: string) => number): string[] {
  if (width(text) <= room) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current !== '' && width(next) > room) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  lines.push(current);
  return lines;
}

/** The record's circles at the scales' positions (joined by series and year: moved, not drawn again, when the scales change). */
function placeRecord(layer: Selection<SVGGElement, unknown, null, undefined>, rows: readonly PlotRow[], x: (v: number) => number, y: (v: number) => number, colorOf: (series: string) => string): void {
  const [x0, x1] = (x as unknown as { domain(): number[] }).domain();
  const shown = rows.filter((r) => r.x >= x0 && r.x <= x1);
  layer
    .selectAll<SVGCircleElement, PlotRow>('circle')
    .data(shown, (r) => `${r.series}|${r.x}`)
    .join((enter) =>
      enter
        .append('circle')
        .attr('class', 'record-point')
        .attr('data-series', (r) => r.series)
        .attr('data-year', (r) => Math.floor(r.x))
        .attr('r', 3.6)
        .attr('fill', '#ffffff')
        .attr('stroke', (r) => colorOf(r.series))
        .attr('stroke-width', 2)
        .call((c) => c.append('title').text((r) => `Record, ${Math.floor(r.x)}: ${r.label} ${r.y.toLocaleString('en')}`)),
    )
    .attr('cx', (r) => x(r.x))
    .attr('cy', (r) => y(r.y));
}

/** The record as hollow circles, and a toggle in the chart's tools that hides it (the export then leaves it out). */
function drawRecord(frame: Frame, rows: readonly PlotRow[], x: (v: number) => number, y: (v: number) => number, colorOf: (series: string) => string): void {
  const layer = frame.plot.append('g').attr('class', 'record');
  placeRecord(layer, rows, x, y, colorOf);
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
