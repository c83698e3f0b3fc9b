/**
 * Views of a run's series: plain tidy rows, one measure's time series, yearly sums.
 */
import type { RunResult, TidyRow } from './types';

export function tickDate(tick: number, start: string, ticksPerYear: number): { date: string; year: number } {
  const startYear = Number(start.slice(0, 4));
  const startMonth = Number(start.slice(5, 7));
  const months = (tick * 12) / ticksPerYear;
  const year = startYear + (startMonth - 1 + months) / 12;
  if (ticksPerYear === 12) {
    const total = startMonth - 1 + tick;
    const y = startYear + Math.floor(total / 12);
    return { date: `${y}-${String((total % 12) + 1).padStart(2, '0')}`, year };
  }
  const y = Math.floor(startYear + (startMonth - 1) / 12 + tick / ticksPerYear);
  return { date: `${y}-t${(tick % ticksPerYear) + 1}`, year };
}

export function toRows(result: RunResult): TidyRow[] {
  const s = result.series;
  const rows: TidyRow[] = new Array(s.length);
  const dates = new Map<number, { date: string; year: number }>();
  for (let i = 0; i < s.length; i++) {
    const t = s.tick[i];
    let d = dates.get(t);
    if (!d) dates.set(t, (d = tickDate(t, result.start, result.ticksPerYear)));
    const e = s.entities[s.entity[i]];
    const m = s.measures[s.measure[i]];
    rows[i] = { tick: t, date: d.date, year: d.year, kind: e.kind, entity: e.id, measure: m.id, unit: m.unit, value: s.value[i] };
  }
  return rows;
}

export interface PickedSeries {
  tick: number[];
  year: number[];
  value: number[];
}

/** One measure of one entity over time (kind disambiguates ids shared by a country and its market). */
export function pickSeries(result: RunResult, measureId: string, entityId: string, kind?: string): PickedSeries {
  const s = result.series;
  const e = s.entities.findIndex((x) => x.id === entityId && (!kind || x.kind === kind) && s.measures.some((m) => m.id === measureId && m.kind === x.kind));
  const out: PickedSeries = { tick: [], year: [], value: [] };
  if (e < 0) return out;
  const kindOf = s.entities[e].kind;
  const m = s.measures.findIndex((x) => x.id === measureId && x.kind === kindOf);
  if (m < 0) return out;
  for (let i = 0; i < s.length; i++) {
    if (s.entity[i] !== e || s.measure[i] !== m) continue;
    out.tick.push(s.tick[i]);
    out.year.push(tickDate(s.tick[i], result.start, result.ticksPerYear).year);
    out.value.push(s.value[i]);
  }
  return out;
}

/** Yearly values of a picked series: sums for flows, means for stocks. */
export function annualise(picked: PickedSeries, ticksPerYear: number, aggregation: 'stock' | 'flow'): { year: number[]; value: number[] } {
  const years: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < picked.value.length; i += ticksPerYear) {
    const chunk = picked.value.slice(i, i + ticksPerYear);
    const sum = chunk.reduce((a, b) => a + b, 0);
    years.push(Math.floor(picked.year[i] + 1e-9));
    values.push(aggregation === 'flow' ? (sum * ticksPerYear) / chunk.length : sum / chunk.length);
  }
  return { year: years, value: values };
}
