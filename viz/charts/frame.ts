/**
 * The frame every chart draws into: a figure with export buttons and an SVG that
 * carries its own title, unit, legend and fonts, so an exported file reads on its own.
 */
import { select, type Selection } from 'd3';
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
}

export interface Frame {
  figure: HTMLElement;
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** The plotting area, translated by the margins. */
  plot: Selection<SVGGElement, unknown, null, undefined>;
  width: number;
  height: number;
  /** SVG y just below the legend, and its left x, for extra keys (the map's width key). */
  legendBottom: number;
  legendLeft: number;
  /** SVG y of the plot's top (the plot group's offset). */
  plotTop: number;
}

const STYLE = `
  text { font-family: "Inter", "Helvetica Neue", Arial, sans-serif; fill: #1d2733; }
  .title { font-size: 14px; font-weight: 600; }
  .subtitle { font-size: 11px; fill: #5b6775; }
  .axis text { font-size: 10.5px; fill: #445; }
  .axis path, .axis line { stroke: #9aa3ad; }
  .grid line { stroke: #e6e9ed; }
  .legend text { font-size: 11px; }
  .empty { font-size: 12px; fill: #7a8591; }
  .end-label text { font-size: 12px; font-weight: 600; }
  .source { font-size: 10px; fill: #7a8591; }
`;

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

export function createFrame(container: HTMLElement, options: FrameOptions): Frame {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.dataset.chart = options.id;
  container.append(figure);
  const outerWidth = Math.max(420, Math.floor(container.clientWidth || 640));
  const legendRows = options.legend.reduce((n, item) => n + wrap(item.label, LEGEND_CHARS).length, 0);
  const outerHeight = Math.max(options.height ?? 270, MARGIN.top + legendRows * LEGEND_ROW + 10);

  const svg = select(figure)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', outerWidth)
    .attr('height', outerHeight)
    .attr('viewBox', `0 0 ${outerWidth} ${outerHeight}`)
    .attr('role', 'img')
    .attr('aria-label', options.title);
  svg.append('style').text(STYLE);
  svg.append('rect').attr('width', outerWidth).attr('height', outerHeight).attr('fill', '#ffffff');
  svg.append('text').attr('class', 'title').attr('x', 12).attr('y', 20).text(options.title);
  // The subtitle wraps onto a second line rather than running off the chart; the plot moves down to make room.
  const subtitleLines = wrap(options.subtitle, Math.max(40, Math.floor((outerWidth - 24) / 6)));
  const subtitle = svg.append('text').attr('class', 'subtitle').attr('x', 12).attr('y', 36);
  subtitleLines.forEach((line, k) => subtitle.append('tspan').attr('x', 12).attr('dy', k === 0 ? 0 : 14).text(line));
  const extraTop = (subtitleLines.length - 1) * 14;

  const legend = svg
    .append('g')
    .attr('class', 'legend')
    .attr('transform', `translate(${outerWidth - MARGIN.right + 16},${MARGIN.top + extraTop})`);
  let rowY = 0;
  for (const item of options.legend) {
    const lines = wrap(item.label, LEGEND_CHARS);
    const g = legend.append('g').attr('class', 'legend-item').attr('data-series', item.key).attr('transform', `translate(0,${rowY})`);
    if (item.shape === 'area') g.append('rect').attr('width', 12).attr('height', 10).attr('y', 1).attr('fill', item.color);
    else if (item.shape === 'point') g.append('circle').attr('cx', 7).attr('cy', 6).attr('r', 4).attr('fill', '#fff').attr('stroke', item.color).attr('stroke-width', 2);
    else
      g.append('line')
        .attr('x1', 0)
        .attr('x2', 14)
        .attr('y1', 6)
        .attr('y2', 6)
        .attr('stroke', item.color)
        .attr('stroke-width', 2.5)
        .attr('stroke-dasharray', item.shape === 'dash' ? '4 3' : null);
    const text = g.append('text').attr('x', 20).attr('y', 10);
    lines.forEach((line, k) => text.append('tspan').attr('x', 20).attr('dy', k === 0 ? 0 : 13).text(line));
    g.append('title').text(item.label);
    rowY += LEGEND_ROW + (lines.length - 1) * 13;
  }

  const tools = document.createElement('div');
  tools.className = 'chart-tools';
  for (const [label, action] of [
    ['SVG', () => exportSvg(svg.node()!, options.id)],
    ['PNG', () => void exportPng(svg.node()!, options.id)],
  ] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.title = `Download this chart as ${label}`;
    button.dataset.export = label.toLowerCase();
    button.addEventListener('click', action);
    tools.append(button);
  }
  figure.prepend(tools);

  const margin = { ...MARGIN, ...options.margin };
  margin.top += extraTop;
  const width = outerWidth - margin.left - margin.right;
  const height = outerHeight - margin.top - margin.bottom;
  const plot = svg.append('g').attr('class', 'plot').attr('transform', `translate(${margin.left},${margin.top})`);
  return { figure, svg, plot, width, height, plotTop: margin.top, legendBottom: margin.top + rowY, legendLeft: outerWidth - MARGIN.right + 16 };
}

/** A message in place of marks (e.g. a scenario without policy levers). */
export function drawEmpty(frame: Frame, message: string): void {
  frame.plot.append('text').attr('class', 'empty').attr('x', frame.width / 2).attr('y', frame.height / 2).attr('text-anchor', 'middle').text(message);
}
