/**
 * Atomic output files: everything goes to a temporary file next to the target,
 * which is renamed over it only when complete, so a crash or an error never leaves
 * a half-written results file behind.
 */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError, inputError } from './errors';
import { displayPath } from './load';

export interface AtomicFile {
  write(text: string): void;
  /** Rename the temporary file over the target. */
  commit(): void;
  /** Remove the temporary file (safe to call after commit). */
  abort(): void;
}

let counter = 0;
/** Temporary files not yet committed or removed; removed if the process is interrupted. */
const pending = new Set<string>();
let handlersInstalled = false;

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** On Ctrl-C or a termination signal: remove unfinished outputs, then exit with 128 + signal number. */
function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      for (const path of pending) removeQuietly(path);
      process.stderr.write(`balloon: interrupted (${signal}); unfinished output files were removed\n`);
      process.exit(code);
    });
  }
}

export function openAtomic(path: string): AtomicFile {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (err) {
    throw inputError(`${displayPath(path)}: cannot write the output file (${describeFsError(err)})`);
  }
  pending.add(temp);
  installSignalHandlers();
  let open = true;
  let done = false;
  return {
    write(text) {
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    },
    commit() {
      closeSync(fd);
      open = false;
      try {
        renameSync(temp, path);
      } catch (err) {
        throw inputError(`${displayPath(path)}: cannot write the output file (${describeFsError(err)})`);
      }
      done = true;
      pending.delete(temp);
    },
    abort() {
      if (open) closeSync(fd);
      open = false;
      if (!done) {
        removeQuietly(temp);
        pending.delete(temp);
      }
    },
  };
}

/** Write a whole file atomically. */
export function writeAtomic(path: string, text: string): void {
  const file = openAtomic(path);
  try {
    file.write(text);
    file.commit();
  } finally {
    file.abort();
  }
}
