/** Axes and grid shared by the time-series charts. */
import { axisBottom, axisLeft, format, type ScaleContinuousNumeric, type ScaleLinear } from 'd3';
import type { Frame } from './frame';
import { formatValue } from './format';

/** The plot's child group of class `name`, made if it is not there yet (axes drawn again update in place). */
function part(frame: Frame, name: string) {
  const found = frame.plot.selectChild<SVGGElement>(`g.${name.replace(/ /g, '.')}`);
  return found.empty() ? frame.plot.append('g').attr('class', name) : found;
}

/** Draw the axes and grid, or move those already drawn to new scales (d3's axis joins its ticks by value). */
export function drawAxes(frame: Frame, x: ScaleLinear<number, number>, y: ScaleContinuousNumeric<number, number>): void {
  const yTicks = Math.max(3, Math.round(frame.height / 45));
  const isLog = 'base' in y;
  part(frame, 'grid')
    .call(axisLeft(y).ticks(yTicks).tickSize(-frame.width).tickFormat(() => ''))
    .call((g) => g.select('.domain').remove());
  part(frame, 'axis axis-x')
    .attr('transform', `translate(0,${frame.height})`)
    .call(axisBottom(x).ticks(Math.min(10, Math.max(3, Math.floor(frame.width / 70)))).tickFormat(format('d')));
  part(frame, 'axis axis-y').call(axisLeft(y).ticks(yTicks).tickFormat((v) => (isLog && !labelledOnLog(Number(v)) ? '' : formatValue(Number(v)))));
}

/** On a log axis only 1, 2 and 5 times a power of ten get a label, so labels never collide. */
function labelledOnLog(v: number): boolean {
  if (v <= 0) return false;
  const mantissa = Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));
  return mantissa === 1 || mantissa === 2 || mantissa === 5;
}
