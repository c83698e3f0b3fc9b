/**
 * Timing and summary helpers of the benchmark (host code: it may read clocks).
 */

/** Median, min and max of a sample. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? NaN : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[n - 1] ?? NaN, n };
}

/** Wall-clock and CPU time of one call, in ms. CPU time (this process, all threads) is steadier on a shared machine. */
export interface Timing {
  wallMs: number;
  cpuMs: number;
}

export function time(fn: () => void): Timing {
  const cpu0 = process.cpuUsage(); // host-only
  const wall0 = performance.now(); // host-only
  fn();
  const wallMs = performance.now() - wall0; // host-only
  const cpu = process.cpuUsage(cpu0); // host-only
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Repeat `fn` (after `warmup` unmeasured calls) and summarise wall and CPU times. */
export function repeat(times: number, warmup: number, fn: (i: number) => void): { wall: Spread; cpu: Spread } {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = time(() => fn(i));
    wall.push(t.wallMs);
    cpu.push(t.cpuMs);
  }
  return { wall: spread(wall), cpu: spread(cpu) };
}

export function fmt(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}

/** "median (min–max) unit". */
export function fmtSpread(s: Spread, unit: string, digits = 1): string {
  const n = typeof s.n === 'number' ? `, n=${s.n}` : '';
  return `${fmt(s.median, digits)} ${unit} (min ${fmt(s.min, digits)}, max ${fmt(s.max, digits)}${n})`;
}
