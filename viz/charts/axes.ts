/** Axes and grid shared by the time-series charts. */
import { axisBottom, axisLeft, format, type ScaleLinear } from 'd3';
import type { Frame } from './frame';
import { formatValue } from './format';

export function drawAxes(frame: Frame, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>): void {
  const yTicks = Math.max(3, Math.round(frame.height / 45));
  frame.plot
    .append('g')
    .attr('class', 'grid')
    .call(axisLeft(y).ticks(yTicks).tickSize(-frame.width).tickFormat(() => ''))
    .call((g) => g.select('.domain').remove());
  frame.plot
    .append('g')
    .attr('class', 'axis axis-x')
    .attr('transform', `translate(0,${frame.height})`)
    .call(axisBottom(x).ticks(Math.min(10, Math.max(3, Math.floor(frame.width / 70)))).tickFormat(format('d')));
  frame.plot
    .append('g')
    .attr('class', 'axis axis-y')
    .call(axisLeft(y).ticks(yTicks).tickFormat((v) => formatValue(Number(v))));
}
