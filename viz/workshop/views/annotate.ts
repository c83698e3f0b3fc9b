/**
 * Story annotations drawn onto the app's charts after they are drawn: a marker at
 * a year with a short label. The chart's x scale is read back from its axis ticks,
 * so no chart module needs to know about stories.
 */
import { select } from 'd3';
import { pathData } from '../../charts/lineChart';

/** Pixel x of `year` inside the chart's plot group, from two labelled x-axis ticks. */
function xOf(svg: SVGSVGElement, year: number): number | null {
  const ticks = [...svg.querySelectorAll<SVGGElement>('.axis-x .tick')]
    .map((t) => ({ v: Number(t.textContent), x: Number(/translate\(([-\d.e]+)/.exec(t.getAttribute('transform') ?? '')?.[1]) }))
    .filter((t) => Number.isFinite(t.v) && Number.isFinite(t.x));
  if (ticks.length < 2) return null;
  const [a, b] = [ticks[0], ticks[ticks.length - 1]];
  return a.x + ((year - a.v) * (b.x - a.x)) / (b.v - a.v);
}

/** Points of the chart's lines (paths drawn as M/L commands) where they are going, in plot coordinates. */
function markPoints(plot: SVGGElement): [number, number][] {
  const out: [number, number][] = [];
  for (const path of plot.querySelectorAll<SVGPathElement>('path.mark')) {
    const numbers = pathData(path).match(/-?[\d.]+(?:e-?\d+)?/g)?.map(Number) ?? [];
    // Vertices and points every few pixels between them, so a segment crossing the label counts too.
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const [x, y] = [numbers[i], numbers[i + 1]];
      if (i >= 2) {
        const [px, py] = [numbers[i - 2], numbers[i - 1]];
        const steps = Math.ceil(Math.hypot(x - px, y - py) / 4);
        for (let k = 1; k < steps; k++) out.push([px + ((x - px) * k) / steps, py + ((y - py) * k) / steps]);
      }
      out.push([x, y]);
    }
  }
  return out;
}

export function annotateYear(svg: SVGSVGElement, year: number, text: string): void {
  const x = xOf(svg, year);
  const plot = svg.querySelector<SVGGElement>('g.plot');
  const axis = svg.querySelector<SVGGElement>('.axis-x');
  if (x === null || !plot || !axis) return;
  const height = Number(/translate\([^,]+,([-\d.e]+)/.exec(axis.getAttribute('transform') ?? '')?.[1] ?? 0);
  const g = select(plot).append('g').attr('class', 'annotation').attr('pointer-events', 'none');
  g.append('line').attr('x1', x).attr('x2', x).attr('y1', 0).attr('y2', height).attr('stroke', '#b3261e').attr('stroke-width', 1.5).attr('stroke-dasharray', '4 3');
  const label = g.append('text').attr('x', x + 4).attr('y', 12).attr('class', 'annotation-text').style('fill', '#b3261e').attr('font-weight', 600).attr('paint-order', 'stroke').attr('stroke', '#fff').attr('stroke-width', 3).text(text);
  // Keep the label inside the plot: right of the marker if it fits, else as far right as it can go.
  const box = label.node()?.getBBox?.();
  const width = (box && box.width > 0 ? box.width : text.length * 6) + 4;
  const lineHeight = box && box.height > 0 ? box.height : 13;
  const right = Number(plot.querySelector('rect.hover-target')?.getAttribute('width') ?? Number(svg.getAttribute('width')) - 275);
  const left = x + width > right ? Math.max(0, right - width) : x + 4;
  label.attr('x', left);
  // And off the lines: the highest position where no line passes behind the label, else the one with the fewest.
  const points = markPoints(plot).filter(([px]) => px >= left - 2 && px <= left + width + 2);
  const behind = (baseline: number) => points.filter(([, py]) => py >= baseline - lineHeight - 2 && py <= baseline + 4).length;
  let best = { baseline: lineHeight, count: Infinity };
  for (let baseline = lineHeight; baseline <= height - 4; baseline += 4) {
    const count = behind(baseline);
    if (count < best.count) best = { baseline, count };
    if (count === 0) break;
  }
  label.attr('y', best.baseline);
}
