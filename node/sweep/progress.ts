/**
 * Sweep progress on stderr: a bar with runs done, runs per second and ETA on a
 * terminal; plain lines (at most one every few seconds, and the last one) otherwise.
 */
import cliProgress from 'cli-progress';

export interface SweepProgress {
  /** One more run finished. */
  tick(): void;
  stop(): void;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export function startSweepProgress(
  total: number,
  alreadyDone: number,
  options: { quiet: boolean; tty?: boolean; write?: (line: string) => void; intervalMs?: number },
): SweepProgress {
  if (options.quiet) return { tick() {}, stop() {} };
  const started = Date.now(); // host-only
  let done = alreadyDone;
  const rate = () => (done - alreadyDone) / Math.max(1e-3, (Date.now() - started) / 1000); // host-only
  if (options.tty ?? process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'sweep [{bar}] {value}/{total} runs | {rate} runs/s | eta {eta_formatted}', hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, done, { rate: '0.0' });
    return {
      tick() {
        done++;
        bar.update(done, { rate: rate().toFixed(1) });
      },
      stop: () => bar.stop(),
    };
  }
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const interval = options.intervalMs ?? 5000;
  let last = 0;
  const line = () => {
    const r = rate();
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    write(`sweep: ${done}/${total} runs (${pct}%), ${r.toFixed(1)} runs/s, eta ${formatSeconds((total - done) / r)}\n`);
  };
  return {
    tick() {
      done++;
      const now = Date.now(); // host-only
      if (now - last >= interval || done === total) {
        last = now;
        line();
      }
    },
    stop() {},
  };
}
