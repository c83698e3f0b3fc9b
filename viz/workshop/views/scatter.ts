/**
 * The plans tried so far on two chosen outcomes (less is better on every axis), with
 * the Pareto frontier: the plans that no other plan beats on both. A click on a
 * point brings its plan back.
 */
import { axisBottom, axisLeft, extent, scaleLinear, select } from 'd3';
import { createFrame } from '../../charts/frame';
import { formatValue } from '../../charts/format';
import type { Outcomes } from '../../../sim/workshop/digest';
import type { Fidelity } from '../../../sim/workshop/fidelity';
import { paretoFront } from '../data/pareto';

export interface Trial {
  key: string;
  label: string;
  outcomes: Outcomes;
  fidelity: Fidelity;
}

export type OutcomeId = 'northConsumptionT' | 'southViolence' | 'cultivationKha' | 'displacedKha' | 'costUsdBn';

export const OUTCOMES: { id: OutcomeId; label: string; unit: string }[] = [
  { id: 'northConsumptionT', label: 'Northern consumption', unit: 't/yr, last 5 years' },
  { id: 'southViolence', label: 'Southern violence', unit: 'index, last 5 years' },
  { id: 'cultivationKha', label: 'Coca cultivation', unit: 'thousand ha, last 5 years' },
  { id: 'displacedKha', label: 'Cultivation displaced', unit: 'thousand ha moved to other producers' },
  { id: 'costUsdBn', label: 'Cost', unit: 'USD bn over the run' },
];

const outcome = (id: OutcomeId) => OUTCOMES.find((o) => o.id === id)!;

export function renderScatter(container: HTMLElement, trials: readonly Trial[], xId: OutcomeId, yId: OutcomeId, currentKey: string, onPick: (key: string) => void): SVGSVGElement {
  container.replaceChildren();
  const xo = outcome(xId);
  const yo = outcome(yId);
  const frame = createFrame(container, {
    id: 'ws-scatter',
    title: `Plans tried: ${yo.label} vs ${xo.label.toLowerCase()}`,
    subtitle: `lower is better on both · y: ${yo.unit}`,
    legend: [
      { key: 'plan', label: 'A plan tried', color: '#5b6775', shape: 'area' },
      { key: 'current', label: 'Current plan', color: '#b3261e', shape: 'area' },
      { key: 'front', label: 'Pareto frontier', color: '#1f4e9c' },
    ],
    height: 320,
  });
  const points = trials.map((t) => ({ x: t.outcomes[xId], y: t.outcomes[yId] }));
  const pad = (lo: number, hi: number): [number, number] => {
    // One value (or all equal): a unit-wide window around it, so the ticks stay readable.
    const span = hi - lo || Math.max(Math.abs(hi) * 0.5, 1);
    return [lo - span * 0.08, hi + span * 0.08];
  };
  const [x0, x1] = extent(points, (p) => p.x) as [number, number];
  const [y0, y1] = extent(points, (p) => p.y) as [number, number];
  const x = scaleLinear().domain(pad(x0 ?? 0, x1 ?? 1)).nice().range([0, frame.width]);
  const y = scaleLinear().domain(pad(y0 ?? 0, y1 ?? 1)).nice().range([frame.height, 0]);
  frame.plot.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${frame.height})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(frame.width / 70))).tickFormat((v) => formatValue(Number(v))));
  frame.plot.append('g').attr('class', 'axis axis-y').call(axisLeft(y).ticks(5).tickFormat((v) => formatValue(Number(v))));
  frame.plot.append('text').attr('class', 'axis-label').attr('x', frame.width / 2).attr('y', frame.height + 26 * frame.scale).attr('text-anchor', 'middle').attr('font-size', 11 * frame.scale).text(`${xo.label} (${xo.unit}) →`);
  frame.plot.append('text').attr('class', 'axis-label').attr('transform', `translate(${-(frame.plotLeft - 16 * frame.scale)},${frame.height / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('font-size', 11 * frame.scale).text(`${yo.label} →`);

  const front = paretoFront(points);
  const frontier = front.map((i) => points[i]);
  // A staircase: between frontier plans, what is reachable without being beaten.
  let d = '';
  frontier.forEach((p, k) => {
    d += k === 0 ? `M${x(p.x)},${y(p.y)}` : `H${x(p.x)}V${y(p.y)}`;
  });
  frame.plot.append('path').attr('class', 'mark frontier').attr('d', d).attr('fill', 'none').attr('stroke', '#1f4e9c').attr('stroke-width', 2);
  const onFront = new Set(front);
  frame.plot
    .append('g')
    .attr('class', 'trials')
    .selectAll('circle')
    .data(trials)
    .join('circle')
    .attr('class', (t, i) => `trial${onFront.has(i) ? ' front' : ''}${t.key === currentKey ? ' current' : ''}`)
    .attr('data-key', (t) => t.key)
    .attr('cx', (_, i) => x(points[i].x))
    .attr('cy', (_, i) => y(points[i].y))
    .attr('r', (t) => (t.key === currentKey ? 7 : 5))
    .attr('fill', (t) => (t.key === currentKey ? '#b3261e' : '#5b6775'))
    .attr('fill-opacity', (t) => (t.fidelity === 'full' ? 0.9 : 0.45))
    .attr('stroke', (_, i) => (onFront.has(i) ? '#1f4e9c' : '#fff'))
    .attr('stroke-width', 1.5)
    .style('cursor', 'pointer')
    // Points are buttons: Tab reaches them, Enter or Space brings the plan back.
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-label', (t) => `Bring back the plan: ${t.label}`)
    .on('click', (_, t) => onPick(t.key))
    .on('keydown', (event: KeyboardEvent, t) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      onPick(t.key);
    })
    .append('title')
    .text((t, i) => `${t.label}\n${xo.label}: ${formatValue(points[i].x)} · ${yo.label}: ${formatValue(points[i].y)}${t.fidelity === 'full' ? '' : ' (workshop fidelity)'}`);
  select(frame.svg.node()).attr('data-trials', trials.length).attr('data-front', front.length);
  return frame.svg.node()!;
}
