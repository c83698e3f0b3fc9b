/**
 * The trade-off panel: northern consumption, southern violence, coca cultivation
 * by producer (displacement) and lever spending as small multiples on the same
 * years. Each shows the current plan, the previous plan faint, and no levers dotted.
 */
import type { PlotRow } from '../../data/plotRows';
import { formatChange } from '../../charts/format';
import { lineChart, updateLineChart, type LineChartOptions } from '../../charts/lineChart';
import { presetWidths } from '../../charts/frame';
import { recordRows } from '../../data/record';
import { OUTCOME_YEARS } from '../../../sim/workshop/digest';
import { countryColor } from '../../charts/palette';
import type { Digest } from '../../../sim/workshop/digest';
import { annotateYear } from './annotate';
import { BEFORE, isBefore, NONE, NOW, yearRows } from './series';

export interface MultiplesInput {
  now: Digest;
  before: Digest | null;
  none: Digest;
  /** "workshop fidelity" or "full fidelity". */
  fidelityNote: string;
  annotation?: { year: number; text: string } | null;
}

const NOW_COLOR = '#1f4e9c';
const BEFORE_COLOR = '#8a94a0';
const NONE_COLOR = '#b8bfc7';

interface Panel {
  id: string;
  title: string;
  unit: string;
  values: (d: Digest) => number[];
}

const PANELS: Panel[] = [
  { id: 'ws-consumption', title: 'Northern consumption', unit: 'tonnes per year', values: (d) => d.northConsumptionT },
  { id: 'ws-violence', title: 'Southern violence', unit: 'index, sum over southern countries', values: (d) => d.southViolence },
  { id: 'ws-spend', title: 'Cost of the levers', unit: 'USD million per year', values: (d) => d.spendUsdM },
];

const colorOf = (key: string): string => (key === NOW ? NOW_COLOR : key === NONE ? NONE_COLOR : key === BEFORE ? BEFORE_COLOR : countryColor(key.replace(/^before:/, '')));

function setAttr(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Make the previous state faint and the no-lever line thin, after the chart module drew them (setting only what is not so yet). */
function styleOverlays(svg: SVGSVGElement): void {
  for (const path of svg.querySelectorAll<SVGPathElement>('path.mark')) {
    const key = path.getAttribute('data-series') ?? '';
    if (isBefore(key)) {
      setAttr(path, 'stroke-opacity', '0.4');
      setAttr(path, 'stroke-width', '3.5');
      if (!path.classList.contains('overlay')) path.classList.add('overlay');
    }
    if (key === NONE) setAttr(path, 'stroke-width', '1.4');
  }
  for (const item of svg.querySelectorAll<SVGGElement>('.legend-item')) {
    if (isBefore(item.getAttribute('data-series') ?? '')) setAttr(item, 'opacity', '0.55');
  }
}

function panelRows(input: MultiplesInput, panel: Panel): PlotRow[] {
  const { now, before, none } = input;
  return [
    ...yearRows(NONE, 'No levers', none.firstYear, panel.values(none)),
    ...(before ? yearRows(BEFORE, 'Before the last change', before.firstYear, panel.values(before)) : []),
    ...yearRows(NOW, 'Current plan', now.firstYear, panel.values(now)),
  ];
}

/** Mean of the last OUTCOME_YEARS values (the outcome table's window). */
const lastYears = (values: readonly number[]) => {
  const kept = values.slice(-OUTCOME_YEARS);
  return kept.reduce((a, b) => a + b, 0) / Math.max(1, kept.length);
};

function cultivationRows(input: MultiplesInput): PlotRow[] {
  const { now, before, none } = input;
  const rows: PlotRow[] = [];
  for (const c of Object.keys(now.cultivationKha)) {
    if (before) rows.push(...yearRows(`${BEFORE}:${c}`, `${c} before`, before.firstYear, before.cultivationKha[c] ?? []));
    // Each producer's change against no levers, in its legend label: where the coca went, at a glance.
    const base = lastYears(none.cultivationKha[c] ?? []);
    const change = base > 0 ? lastYears(now.cultivationKha[c]) / base - 1 : NaN;
    rows.push(...yearRows(c, now === none ? c : `${c} ${formatChange(change)} vs no levers`, now.firstYear, now.cultivationKha[c]));
  }
  return rows;
}

function displacementNote(d: Digest): string {
  const o = d.outcomes;
  if (o.displacementIndex === null) return d.displacementNote ? 'no cut at the target yet' : 'no lever targets cultivation';
  return `displacement index ${o.displacementIndex.toFixed(2)}: ${Math.round(o.displacementIndex * 100)}% of the cut reappeared elsewhere`;
}

interface Chart {
  id: string;
  title: string;
  unit: string;
  rows: PlotRow[];
  note: string;
}

/** The charts drawn in a container, and the annotation each carries. */
const drawn = new WeakMap<HTMLElement, { svgs: SVGSVGElement[]; marks: string[] }>();

/**
 * Draw the four charts, or update those already drawn in `container` in place: each changes
 * only what differs (texts, axes, the lines whose data changed, moved to it). A chart whose
 * legend or layout changes (e.g. the first overlay of a previous plan) is drawn anew.
 */
export function renderMultiples(container: HTMLElement, input: MultiplesInput): SVGSVGElement[] {
  const charts: Chart[] = [
    { ...PANELS[0], rows: panelRows(input, PANELS[0]), note: input.fidelityNote },
    { ...PANELS[1], rows: panelRows(input, PANELS[1]), note: input.fidelityNote },
    { id: 'ws-displacement', title: 'Coca cultivation by producer', unit: 'thousand ha', rows: cultivationRows(input), note: displacementNote(input.now) },
    { ...PANELS[2], rows: panelRows(input, PANELS[2]), note: input.fidelityNote },
  ];
  const options = (c: Chart): LineChartOptions => {
    const record = c.id === 'ws-displacement' ? (recordRows('cultivationHa', 'country', 1e-3) ?? undefined) : undefined;
    // Steady: notes (running, workshop or full fidelity) and plans of other lengths keep the layout.
    return { id: c.id, title: c.title, unit: c.unit, colorOf, note: c.note, dashed: (k) => k === NONE, height: 250, record, steady: true };
  };
  const mark = input.annotation ? `${input.annotation.year}|${input.annotation.text}` : '';
  let state = drawn.get(container);
  if (!state || state.svgs.some((svg) => !container.contains(svg))) {
    // The four cells first and their widths read in one layout (not one per chart).
    const cells = charts.map(() => {
      const cell = document.createElement('div');
      cell.className = 'multiple';
      return cell;
    });
    container.replaceChildren(...cells);
    presetWidths(cells);
    state = { svgs: charts.map((c, i) => lineChart(cells[i], c.rows, options(c))), marks: charts.map(() => '') };
    drawn.set(container, state);
  } else {
    state.svgs = state.svgs.map((svg, i) => {
      const update = updateLineChart(svg, charts[i].rows, options(charts[i]));
      if (update === 'unchanged' && state!.marks[i] === mark) return svg;
      svg.querySelector('g.annotation')?.remove();
      state!.marks[i] = '';
      if (update !== null) return svg;
      const cell = svg.closest<HTMLElement>('.multiple')!;
      cell.replaceChildren();
      return lineChart(cell, charts[i].rows, options(charts[i]));
    });
  }
  state.svgs.forEach((svg, i) => {
    styleOverlays(svg);
    if (input.annotation && state!.marks[i] !== mark) annotateYear(svg, input.annotation.year, input.annotation.text);
    state!.marks[i] = mark;
  });
  return state.svgs;
}
