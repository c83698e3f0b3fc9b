/** Number formats for axes and tooltips: short, with thousands and SI suffixes (B for billions). */
import { format } from 'd3';

const si = format('.3~s');
const whole = format(',.0f');
const small = format('.3~g');

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 1e5) return si(value).replace('G', 'B');
  if (abs >= 100) return whole(value);
  if (abs === 0) return '0';
  return small(value);
}

export function formatYear(x: number): string {
  const year = Math.floor(x + 1e-9);
  const month = Math.round((x - year) * 12);
  return month === 0 ? String(year) : `${year}-${String(month + 1).padStart(2, '0')}`;
}
