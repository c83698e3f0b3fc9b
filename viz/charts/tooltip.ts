/**
 * Hover readout for time-series charts: a vertical rule at the nearest time point
 * and a box listing every series' value there (largest first).
 */
import { bisector, pointer, type ScaleLinear } from 'd3';
import type { Frame } from './frame';
import type { PlotRow } from '../data/plotRows';
import { formatValue, formatYear } from './format';

export interface TooltipOptions {
  x: ScaleLinear<number, number>;
  colorOf: (series: string) => string;
  unit: string;
  /** Also show the interval across seeds. */
  interval: boolean;
}

/** Rows by time point, for the readout. */
function byTime(rows: readonly PlotRow[]): { xs: number[]; byX: Map<number, PlotRow[]> } {
  const xs = [...new Set(rows.map((r) => r.x))].sort((a, b) => a - b);
  const byX = new Map<number, PlotRow[]>();
  for (const r of rows) {
    const list = byX.get(r.x) ?? [];
    list.push(r);
    byX.set(r.x, list);
  }
  return { xs, byX };
}

/** Attach the readout; the function returned gives it new rows and x scale (a chart updated in place). */
export function attachTooltip(frame: Frame, rows: readonly PlotRow[], options: TooltipOptions): (rows: readonly PlotRow[], x: ScaleLinear<number, number>) => void {
  let { xs, byX } = byTime(rows);
  let scale = options.x;
  const box = document.createElement('div');
  box.className = 'tooltip';
  box.hidden = true;
  frame.figure.append(box);
  const rule = frame.plot.append('line').attr('class', 'rule').attr('y1', 0).attr('y2', frame.height).attr('stroke', '#56606b').attr('stroke-dasharray', '3 3').style('display', 'none');
  const find = bisector<number, number>((d) => d).center;

  frame.plot
    .append('rect')
    .attr('class', 'hover-target')
    .attr('width', frame.width)
    .attr('height', frame.height)
    .attr('fill', 'transparent')
    .on('mousemove', (event: MouseEvent) => {
      const [mx] = pointer(event);
      const x = xs[find(xs, scale.invert(mx))];
      if (x === undefined) return;
      rule.attr('x1', scale(x)).attr('x2', scale(x)).style('display', null);
      const here = (byX.get(x) ?? []).slice().sort((a, b) => b.y - a.y);
      box.replaceChildren();
      const head = document.createElement('div');
      head.className = 'tooltip-head';
      head.textContent = `${formatYear(x)} · ${options.unit}`;
      box.append(head);
      for (const r of here.slice(0, 12)) {
        const line = document.createElement('div');
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = options.colorOf(r.series);
        const range = options.interval && r.hi > r.lo ? ` (${formatValue(r.lo)}–${formatValue(r.hi)})` : '';
        line.append(swatch, `${r.label}: ${formatValue(r.y)}${range}`);
        box.append(line);
      }
      const [fx, fy] = pointer(event, frame.figure);
      box.hidden = false;
      const left = fx + 16 + box.offsetWidth > frame.figure.clientWidth ? fx - 16 - box.offsetWidth : fx + 16;
      box.style.left = `${Math.max(0, left)}px`;
      box.style.top = `${Math.max(0, fy - 10)}px`;
    })
    .on('mouseleave', () => {
      box.hidden = true;
      rule.style('display', 'none');
    });
  return (next, x) => {
    ({ xs, byX } = byTime(next));
    scale = x;
  };
}
