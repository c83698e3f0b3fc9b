/**
 * A progress bar with ETA on stderr for runs that take a while: it appears once
 * the work has gone on for `delayMs` (2 s), so quick commands print nothing, and
 * only when stderr is a terminal (never in pipes, files or tests).
 */
import cliProgress from 'cli-progress';
import { onInterrupt } from './interrupt';

export interface Progress {
  /** Work done so far, in runs; fractions count (1.5 = one run and half of the next). */
  update(done: number): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Whether stderr is a terminal (default: process.stderr.isTTY). */
  tty?: boolean;
  stream?: NodeJS.WritableStream;
  /** Show the bar only once this much time has passed (default 2000 ms). */
  delayMs?: number;
  /** Milliseconds since some origin (default: Date.now; host-only). */
  now?: () => number;
}

/** "45s", "2m05s", "1h10m". */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '…';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Steps of the bar per run, so a single run's ticks move it smoothly. */
const STEPS = 1000;

export function startProgress(total: number, label: string, quiet: boolean, options: ProgressOptions = {}): Progress {
  if (quiet || !(options.tty ?? process.stderr.isTTY) || total < 1) return { update() {}, stop() {} };
  const now = options.now ?? (() => Date.now()); // host-only
  const started = now();
  const delay = options.delayMs ?? 2000;
  const runs = total > 1 ? ' | {runs}/{runTotal} runs' : '';
  const bar = new cliProgress.SingleBar(
    {
      stream: options.stream ?? process.stderr,
      format: `${label} [{bar}] {percentage}%${runs} | eta {etaText}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let shown = false;
  let stopped = false;
  let shownAt = 0;
  let doneAtShow = 0;
  // Average rate since the bar appeared (steadier than the last few updates); "…" until it is known.
  const eta = (done: number): string => {
    const elapsed = (now() - shownAt) / 1000;
    const rate = (done - doneAtShow) / elapsed;
    return elapsed < 1 || !(rate > 0) ? '…' : formatSeconds((total - done) / rate);
  };
  let forget = () => {};
  const stop = () => {
    if (stopped) return;
    stopped = true;
    forget();
    if (shown) bar.stop(); // restores the cursor
  };
  return {
    update(done) {
      if (stopped) return;
      const value = Math.round(Math.min(done, total) * STEPS);
      if (!shown) {
        if (now() - started < delay) return;
        shown = true;
        shownAt = now();
        doneAtShow = done;
        forget = onInterrupt(() => void stop());
        bar.start(total * STEPS, value, { runs: Math.floor(done), runTotal: total, etaText: '…' });
        return;
      }
      bar.update(value, { runs: Math.floor(done), runTotal: total, etaText: eta(done) });
    },
    stop,
  };
}
