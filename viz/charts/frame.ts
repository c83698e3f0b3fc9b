/**
 * The frame every chart draws into: a figure with export buttons (SVG, PNG and the
 * chart's own data as CSV) and an SVG that carries its own title, unit, legend, fonts
 * and a source line naming the scenario and seeds, so an exported file reads on its own.
 * Type and margins scale up in presenter mode; on narrow screens the legend goes under
 * the plot, so a chart fits a phone.
 */
import { select, type Selection } from 'd3';
import { download, slug } from '../export/download';
import { exportPng, exportSvg } from '../export/image';

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  /** 'line' draws a stroke, 'area' a filled square, 'point' a hollow circle (the record). */
  shape?: 'line' | 'area' | 'dash' | 'point';
}

export interface FrameOptions {
  /** Stable id, used for file names and by tests, e.g. "cultivation". */
  id: string;
  title: string;
  /** Unit line under the title, e.g. "thousand hectares; mean of 3 seeds, band 90% of runs". */
  subtitle: string;
  legend: LegendItem[];
  height?: number;
  /** Plot margins other than the defaults (e.g. a map needs no axis room). */
  margin?: Partial<typeof MARGIN>;
  /** Room at the right of the plot for labels at the line ends (kept when the legend moves under the plot). */
  rightLabels?: boolean;
  /** Height under the legend for an extra key (the map's width key), px at scale 1. */
  legendExtra?: number;
  /** The chart's data as CSV text, offered as a download. */
  csv?: () => string;
  /**
   * Two lines kept for the subtitle and for the source line even when they need one: a chart
   * whose note or source changes length (e.g. the workshop's fidelity and plan) keeps its layout,
   * so it can be updated in place.
   */
  steady?: boolean;
}

/** What the charts on screen show, for the source line and file names of exports. */
export interface ExportContext {
  /** The scenario (or comparison) shown, e.g. "Colombia in the 2000s: Plan Colombia". */
  scenario: string;
  /** The seeds, e.g. "3 seeds (1–3)". */
  seeds: string;
}

let context: ExportContext | null = null;

/** Set before drawing a view's charts: every frame drawn afterwards carries it. */
export function setExportContext(next: ExportContext | null): void {
  context = next;
}

/** Chart type and margins grow by this factor in presenter mode (readable from the back of a room). */
export const PRESENTER_SCALE = 1.5;

export function chartScale(): number {
  return typeof document !== 'undefined' && document.body?.classList.contains('presenter') ? PRESENTER_SCALE : 1;
}

/** Below this width (px) the legend goes under the plot. */
const COMPACT_WIDTH = 440;

export interface Frame {
  figure: HTMLElement;
  /** Type scale of this frame (1, or PRESENTER_SCALE). */
  scale: number;
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** The plotting area, translated by the margins. */
  plot: Selection<SVGGElement, unknown, null, undefined>;
  width: number;
  height: number;
  /** SVG y just below the legend, and its left x, for extra keys (the map's width key). */
  legendBottom: number;
  legendLeft: number;
  /** SVG y of the plot's top and x of its left edge (the plot group's offset). */
  plotTop: number;
  plotLeft: number;
}

function style(k: number): string {
  const px = (v: number) => `${(v * k).toFixed(1)}px`;
  return `
  text { font-family: "Inter", "Helvetica Neue", Arial, sans-serif; fill: #1d2733; }
  .title { font-size: ${px(14)}; font-weight: 600; }
  .subtitle { font-size: ${px(11.5)}; fill: #5b6775; }
  .axis text { font-size: ${px(11)}; fill: #445; }
  .axis path, .axis line { stroke: #9aa3ad; }
  .grid line { stroke: #e6e9ed; }
  .legend text { font-size: ${px(11.5)}; }
  .empty { font-size: ${px(12)}; fill: #7a8591; }
  .end-label text { font-size: ${px(12)}; font-weight: 600; }
  .end-label text.end-note { font-size: ${px(10.5)}; font-weight: 400; }
  .annotation text { font-size: ${px(11)}; }
  .source { font-size: ${px(10)}; fill: #7a8591; }
`;
}

const MARGIN = { top: 46, right: 215, bottom: 28, left: 60 };
const LEGEND_ROW = 17;

const LEGEND_CHARS = 30;

/** A legend label on at most two lines of `max` characters, cut short with an ellipsis. */
function wrap(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const lines: string[] = [''];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last === '' || last.length + 1 + word.length <= max) lines[lines.length - 1] = last === '' ? word : `${last} ${word}`;
    else lines.push(word);
  }
  const kept = lines.slice(0, 2).map((l) => (l.length > max ? `${l.slice(0, max - 1)}…` : l));
  if (lines.length > 2) kept[1] = `${kept[1].slice(0, max - 1)}…`;
  return kept;
}

/** Widths read ahead for containers about to get a chart (see presetWidths). */
const widths = new WeakMap<HTMLElement, number>();

/**
 * Read the widths of containers about to get charts in one layout, so that drawing
 * them one after the other does not lay the page out again for each (a chart in a
 * preset container takes the preset width, once).
 */
export function presetWidths(containers: readonly HTMLElement[]): void {
  for (const c of containers) widths.set(c, c.clientWidth);
}

const pad = (lines: string[], count: number): string[] => (lines.length < count ? [...lines, ...Array<string>(count - lines.length).fill('')] : lines);

/** The texts of a frame as wrapped for its width and scale; what they occupy decides the layout. */
interface Texts {
  compact: boolean;
  title: string[];
  subtitle: string[];
  source: string[];
  legend: string[][];
}

function wrapTexts(options: FrameOptions, outerWidth: number, k: number): Texts {
  const compact = outerWidth < COMPACT_WIDTH * Math.min(k, 1.2);
  // Beside the plot a legend line has the right margin less the gap and the swatch: at most as many
  // characters as fit there (about 6.6 px each at 11.5 px type), so no label runs off the chart.
  const right = { ...MARGIN, ...options.margin }.right * (options.rightLabels ? Math.min(k, 1.3) : k);
  const beside = Math.floor((right - 16 * (options.rightLabels ? 1 : k) - 20 * k - 4) / (6.6 * k));
  const chars = compact ? Math.floor(LEGEND_CHARS * 1.4) : Math.max(12, Math.min(LEGEND_CHARS, beside));
  const perChar = 6.4 * k;
  // The source line: what was run, so an exported file says where it comes from (two lines at most).
  const source = context ? `Balloon simulation · ${context.scenario} · ${context.seeds}` : 'Balloon simulation';
  return {
    compact,
    // Title and subtitle wrap onto a second line rather than running off the chart; the plot moves down to make room.
    title: wrap(options.title, Math.max(24, Math.floor((outerWidth - 24) / (perChar * 1.25)))),
    subtitle: pad(wrap(options.subtitle, Math.max(30, Math.floor((outerWidth - 24) / perChar))), options.steady ? 2 : 1),
    source: pad(wrap(source, Math.max(30, Math.floor((outerWidth - 24) / (5.4 * k)))), options.steady ? 2 : 1),
    legend: options.legend.map((item) => wrap(item.label, chars)),
  };
}

/**
 * What places a frame's parts: two frames with the same layout key differ only in their
 * texts and colours (line counts and, in a compact legend, line lengths are the same).
 */
function layoutKey(options: FrameOptions, texts: Texts): string {
  const legend = options.legend.map((item, i) => [item.key, item.shape ?? 'line', texts.compact ? texts.legend[i].map((l) => l.length) : texts.legend[i].length]);
  return JSON.stringify([options.height, options.margin, !!options.rightLabels, options.legendExtra, texts.title.length, texts.subtitle.length, texts.source.length, legend]);
}

/** What updateFrame needs of a frame drawn by createFrame. */
interface FrameState {
  frame: Frame;
  outerWidth: number;
  layout: string;
  /** The chart's data as CSV now, and the exports' file name (the buttons read them when clicked). */
  csv: (() => string) | undefined;
  name: string;
}

/** Exported files are named after what the chart shows. */
const fileName = (id: string) => (context ? `${slug(context.scenario)}-${id}` : id);

const frames = new WeakMap<SVGSVGElement, FrameState>();

/** Set the text of each tspan of `text` to its line, where it differs. */
function setLines(text: Selection<SVGTextElement, unknown, null, undefined>, lines: readonly string[]): void {
  text.selectAll<SVGTSpanElement, unknown>('tspan').each(function (_, i) {
    if (this.textContent !== lines[i]) this.textContent = lines[i];
  });
}

function setAttr(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/**
 * The frame of `svg` (drawn by createFrame) with new texts, legend labels and colours, in
 * place: nothing is drawn again. Null when the new options need another layout (other
 * legend entries, a title or label on more lines, another type scale): draw a new frame.
 */
export function updateFrame(svg: SVGSVGElement, options: FrameOptions): Frame | null {
  const state = frames.get(svg);
  if (!state || state.frame.scale !== chartScale()) return null;
  const texts = wrapTexts(options, state.outerWidth, state.frame.scale);
  if (layoutKey(options, texts) !== state.layout) return null;
  const root = state.frame.svg;
  setAttr(svg, 'aria-label', options.title);
  setLines(root.selectChild<SVGTextElement>('text.title'), texts.title);
  setLines(root.selectChild<SVGTextElement>('text.subtitle'), texts.subtitle);
  setLines(root.selectChild<SVGTextElement>('text.source'), texts.source);
  root.selectChild('g.legend').selectChildren<SVGGElement, unknown>('g.legend-item').each(function (_, i) {
    const item = options.legend[i];
    setLines(select(this).select<SVGTextElement>('text'), texts.legend[i]);
    const title = this.querySelector('title');
    if (title && title.textContent !== item.label) title.textContent = item.label;
    const swatch = this.firstElementChild;
    if (swatch) setAttr(swatch, swatch.tagName === 'rect' ? 'fill' : 'stroke', item.color);
  });
  state.csv = options.csv;
  state.name = fileName(options.id);
  return state.frame;
}

export function createFrame(container: HTMLElement, options: FrameOptions): Frame {
  const preset = widths.get(container);
  widths.delete(container);
  const k = chartScale();
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.dataset.chart = options.id;
  container.append(figure);
  const outerWidth = Math.max(280, Math.floor(preset || container.clientWidth || 640));
  const texts = wrapTexts(options, outerWidth, k);
  const { compact } = texts;
  const base = { ...MARGIN, ...options.margin };
  const margin = {
    top: base.top * k,
    left: base.left * (compact ? 0.85 : 1) * Math.min(k, 1.3),
    bottom: base.bottom * k,
    right: compact ? (options.rightLabels ? 132 * k : Math.min(base.right, 16)) : base.right * (options.rightLabels ? Math.min(k, 1.3) : k),
  };
  const row = LEGEND_ROW * k;
  const lineGap = 13 * k;
  const sourceLines = texts.source;
  const footer = (16 + (sourceLines.length - 1) * 12) * k;

  const svg = select(figure).append('svg').attr('xmlns', 'http://www.w3.org/2000/svg').attr('role', 'img').attr('aria-label', options.title);
  svg.append('style').text(style(k));
  const background = svg.append('rect').attr('fill', '#ffffff');
  const perChar = 6.4 * k;
  const titleLines = texts.title;
  const title = svg.append('text').attr('class', 'title').attr('x', 12).attr('y', 20 * k);
  titleLines.forEach((line, i) => title.append('tspan').attr('x', 12).attr('dy', i === 0 ? 0 : 17 * k).text(line));
  const subtitleLines = texts.subtitle;
  const subtitle = svg.append('text').attr('class', 'subtitle').attr('x', 12).attr('y', 36 * k + (titleLines.length - 1) * 17 * k);
  subtitleLines.forEach((line, i) => subtitle.append('tspan').attr('x', 12).attr('dy', i === 0 ? 0 : 14 * k).text(line));
  margin.top += (subtitleLines.length - 1) * 14 * k + (titleLines.length - 1) * 17 * k;

  // Legend: at the right of the plot, or under it on narrow charts.
  const legend = svg.append('g').attr('class', 'legend');
  let legendHeight = 0;
  let x = 0;
  let y = 0;
  const available = outerWidth - 24;
  options.legend.forEach((item, index) => {
    const lines = texts.legend[index];
    const itemWidth = 20 * k + Math.max(...lines.map((l) => l.length)) * perChar * 1.05 + 14 * k;
    if (compact && x > 0 && x + itemWidth > available) {
      x = 0;
      y = legendHeight;
    }
    const g = legend.append('g').attr('class', 'legend-item').attr('data-series', item.key).attr('transform', `translate(${x},${y})`);
    if (item.shape === 'area') g.append('rect').attr('width', 12 * k).attr('height', 10 * k).attr('y', 1 * k).attr('fill', item.color);
    else if (item.shape === 'point') g.append('circle').attr('cx', 7 * k).attr('cy', 6 * k).attr('r', 4 * k).attr('fill', '#fff').attr('stroke', item.color).attr('stroke-width', 2);
    else
      g.append('line')
        .attr('x1', 0)
        .attr('x2', 14 * k)
        .attr('y1', 6 * k)
        .attr('y2', 6 * k)
        .attr('stroke', item.color)
        .attr('stroke-width', 2.5 * k)
        .attr('stroke-dasharray', item.shape === 'dash' ? '4 3' : null);
    const text = g.append('text').attr('x', 20 * k).attr('y', 10 * k);
    lines.forEach((line, i) => text.append('tspan').attr('x', 20 * k).attr('dy', i === 0 ? 0 : lineGap).text(line));
    g.append('title').text(item.label);
    const itemHeight = row + (lines.length - 1) * lineGap;
    if (compact) {
      x += itemWidth;
      legendHeight = Math.max(legendHeight, y + itemHeight);
    } else {
      y += itemHeight;
      legendHeight = y;
    }
  });
  const extra = (options.legendExtra ?? 0) * k;
  const plotHeight = (options.height ?? 270) * k - MARGIN.top * k - base.bottom * k;
  const outerHeight = compact
    ? margin.top + plotHeight + margin.bottom + (legendHeight > 0 ? legendHeight + 8 * k : 0) + extra + footer
    : Math.max(margin.top + plotHeight + margin.bottom, margin.top + legendHeight + extra + 10 * k) + footer;
  const height = compact ? plotHeight : outerHeight - footer - margin.top - margin.bottom;
  const legendLeft = compact ? 12 : outerWidth - margin.right + 16 * (options.rightLabels ? 1 : k);
  const legendTop = compact ? margin.top + plotHeight + margin.bottom + 4 * k : margin.top;
  legend.attr('transform', `translate(${legendLeft},${legendTop})`);
  svg.attr('width', outerWidth).attr('height', outerHeight).attr('viewBox', `0 0 ${outerWidth} ${outerHeight}`);
  background.attr('width', outerWidth).attr('height', outerHeight);

  const sourceText = svg.append('text').attr('class', 'source').attr('x', 12).attr('y', outerHeight - footer + 11 * k);
  sourceLines.forEach((line, i) => sourceText.append('tspan').attr('x', 12).attr('dy', i === 0 ? 0 : 12 * k).text(line));

  const state: FrameState = { frame: null as unknown as Frame, outerWidth, layout: layoutKey(options, texts), csv: options.csv, name: fileName(options.id) };
  const name = () => state.name;
  const tools = document.createElement('div');
  tools.className = 'chart-tools';
  const actions: [string, string, () => void][] = [
    ['SVG', 'svg', () => exportSvg(svg.node()!, name())],
    ['PNG', 'png', () => void exportPng(svg.node()!, name())],
  ];
  if (options.csv) actions.push(['CSV', 'chart-csv', () => download(new Blob([state.csv?.() ?? ''], { type: 'text/csv' }), `balloon-${slug(name())}.csv`)]);
  for (const [label, kind, action] of actions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.title = label === 'CSV' ? 'Download the data of this chart as CSV' : `Download this chart as ${label}`;
    button.dataset.export = kind;
    button.addEventListener('click', action);
    tools.append(button);
  }
  figure.prepend(tools);

  const width = outerWidth - margin.left - margin.right;
  const plot = svg.append('g').attr('class', 'plot').attr('transform', `translate(${margin.left},${margin.top})`);
  state.frame = { figure, svg, plot, width, height, scale: k, plotTop: margin.top, plotLeft: margin.left, legendBottom: legendTop + legendHeight, legendLeft };
  frames.set(svg.node()!, state);
  return state.frame;
}

/** A message in place of marks (e.g. a scenario without policy levers). */
export function drawEmpty(frame: Frame, message: string): void {
  frame.plot.append('text').attr('class', 'empty').attr('x', frame.width / 2).attr('y', frame.height / 2).attr('text-anchor', 'middle').text(message);
}
