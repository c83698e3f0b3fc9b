/**
 * Number formats for axes, cards and tooltips: thousands separators, and words (not SI
 * letters such as "k" or "G") for millions and billions, so units read the same everywhere.
 */
import { format } from 'd3';

const whole = format(',.0f');
const small = format('.3~g');

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${small(value / 1e9)} billion`;
  if (abs >= 1e7) return `${small(value / 1e6)} million`;
  if (abs >= 100) return whole(value);
  if (abs === 0) return '0';
  return small(value);
}

export function formatYear(x: number): string {
  const year = Math.floor(x + 1e-9);
  const month = Math.round((x - year) * 12);
  return month === 0 ? String(year) : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** "−58 %", "+38 %", "+0.4 %": a relative change (0.38 = +38 %) for people. */
export function formatChange(change: number): string {
  if (!Number.isFinite(change)) return '–';
  const pct = change * 100;
  const text = Math.abs(pct).toFixed(Math.abs(pct) < 1 ? 1 : 0);
  return `${pct >= 0 ? '+' : '−'}${text} %`;
}
