/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP in every command: the simulations run on
 * worker threads, so the main thread is always free to act on a signal at once.
 * It runs the registered clean-ups (newest first; each may add a line saying what
 * happened, e.g. which unfinished file was removed or how many sweep runs were
 * kept) and exits with 128 + the signal number: 130, 143 or 129.
 */

export const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Returns a line (without "balloon: ") for the user, or nothing. Must be synchronous and quick. */
export type Cleanup = (signal: string) => string | void;

const cleanups: Cleanup[] = [];
let installed = false;

/** Registers a clean-up; call the returned function once it is no longer needed. */
export function onInterrupt(cleanup: Cleanup): () => void {
  installInterruptHandlers();
  cleanups.push(cleanup);
  return () => {
    const i = cleanups.lastIndexOf(cleanup);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Runs the clean-ups and returns the lines to print (exported for tests). */
export function runCleanups(signal: string): string[] {
  const lines: string[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      const line = cleanup(signal);
      if (line) lines.push(line);
    } catch (err) {
      lines.push(`clean-up failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return lines;
}

export function installInterruptHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
    process.once(signal, () => {
      const lines = runCleanups(signal);
      process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}balloon: interrupted (${signal})${lines.length > 0 ? `; ${lines.join('; ')}` : ''}\n`);
      process.exit(code);
    });
  }
}
