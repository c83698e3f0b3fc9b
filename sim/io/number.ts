/** Human-readable numbers for reports (not for data files, which keep full precision). */

/** About three significant figures with a k/M/G/T suffix, e.g. 1234567 → "1.23M", 15230 → "15.2k". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : value < 0 ? '-inf' : 'n/a';
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1e12) return `${trim(value / 1e12)}T`;
  if (abs >= 1e9) return `${trim(value / 1e9)}G`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3)}k`;
  if (abs >= 100) return String(Math.round(value));
  if (abs >= 1) return trim(value);
  return value.toPrecision(2);
}

function trim(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toFixed(digits);
}

/** Signed percentage change from `before` to `after`, e.g. "+12%"; "n/a" when before is 0. */
export function formatChange(before: number, after: number): string {
  if (!Number.isFinite(before) || !Number.isFinite(after) || before === 0) return 'n/a';
  const pct = ((after - before) / Math.abs(before)) * 100;
  const rounded = Math.abs(pct) >= 10 ? Math.round(pct) : Math.round(pct * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded}%`;
}

/** "mean [lo, hi]" or just "mean" when lo/hi are absent. */
export function formatInterval(mean: number, lo?: number, hi?: number): string {
  if (lo === undefined || hi === undefined) return formatNumber(mean);
  return `${formatNumber(mean)} [${formatNumber(lo)}, ${formatNumber(hi)}]`;
}
