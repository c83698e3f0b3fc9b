/**
 * Atomic output files: everything goes to a temporary file next to the target,
 * which is renamed over it only when complete, so a crash or an error never leaves
 * a half-written results file behind.
 */
import { closeSync, fchmodSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFsError, inputError } from './errors';
import { onInterrupt } from './interrupt';
import { displayPath } from './paths';
import { processAlive } from './processAlive';

export interface AtomicFile {
  write(text: string): void;
  /** Rename the temporary file over the target. */
  commit(): void;
  /** Remove the temporary file (safe to call after commit). */
  abort(): void;
}

let counter = 0;
/** Outputs this process has renamed into place (absolute paths), for the interruption message. */
const written = new Set<string>();

/** Whether this process has written `path` complete. */
export function wasWritten(path: string): boolean {
  return written.has(resolve(path));
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Removes temporary files of `path` left by a Balloon process that no longer exists (killed with -9). */
export function removeStaleTemporaries(path: string): void {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
    if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) removeQuietly(join(dirname(path), name));
  }
}

export function openAtomic(path: string): AtomicFile {
  removeStaleTemporaries(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (err) {
    throw inputError(`${displayPath(path)}: cannot write the output file (${describeFsError(err)})`);
  }
  let open = true;
  let done = false;
  // Interrupted: the target is left as it was (outputs.ts says which files were written).
  const forget = onInterrupt(() => {
    if (open) closeSync(fd);
    open = false;
    removeQuietly(temp);
  });
  // Replacing a file keeps its permissions.
  try {
    fchmodSync(fd, statSync(path).mode & 0o7777);
  } catch {
    // a new file: the default mode
  }
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
      forget();
      written.add(resolve(path));
    },
    abort() {
      if (open) closeSync(fd);
      open = false;
      if (!done) {
        removeQuietly(temp);
        forget();
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
