/**
 * Story annotations drawn onto the app's charts after they are drawn: a marker at
 * a year with a short label. The chart's x scale is read back from its axis ticks,
 * so no chart module needs to know about stories.
 */
import { select } from 'd3';

/** Pixel x of `year` inside the chart's plot group, from two labelled x-axis ticks. */
function xOf(svg: SVGSVGElement, year: number): number | null {
  const ticks = [...svg.querySelectorAll<SVGGElement>('.axis-x .tick')]
    .map((t) => ({ v: Number(t.textContent), x: Number(/translate\(([-\d.e]+)/.exec(t.getAttribute('transform') ?? '')?.[1]) }))
    .filter((t) => Number.isFinite(t.v) && Number.isFinite(t.x));
  if (ticks.length < 2) return null;
  const [a, b] = [ticks[0], ticks[ticks.length - 1]];
  return a.x + ((year - a.v) * (b.x - a.x)) / (b.v - a.v);
}

export function annotateYear(svg: SVGSVGElement, year: number, text: string): void {
  const x = xOf(svg, year);
  const plot = svg.querySelector<SVGGElement>('g.plot');
  const axis = svg.querySelector<SVGGElement>('.axis-x');
  if (x === null || !plot || !axis) return;
  const height = Number(/translate\([^,]+,([-\d.e]+)/.exec(axis.getAttribute('transform') ?? '')?.[1] ?? 0);
  const g = select(plot).append('g').attr('class', 'annotation').attr('pointer-events', 'none');
  g.append('line').attr('x1', x).attr('x2', x).attr('y1', 0).attr('y2', height).attr('stroke', '#b3261e').attr('stroke-width', 1.5).attr('stroke-dasharray', '4 3');
  const label = g.append('text').attr('x', x + 4).attr('y', 12).attr('class', 'annotation-text').attr('fill', '#b3261e').attr('font-size', 11).attr('font-weight', 600).attr('paint-order', 'stroke').attr('stroke', '#fff').attr('stroke-width', 3).text(text);
  // Keep the label inside the plot: right of the marker if it fits, else as far right as it can go.
  const width = (label.node()?.getComputedTextLength?.() ?? text.length * 6) + 4;
  // The plot's right edge: the chart frame leaves 60 px left of the plot and 215 px right of it for the legend.
  const right = Number(svg.getAttribute('width')) - 275;
  if (x + width > right) label.attr('x', Math.max(0, right - width));
}
