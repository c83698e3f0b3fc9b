/**
 * One writer per sweep output directory: `<out>/.balloon.lock` (created with
 * O_EXCL) names the process using it. A second sweep, producer or merge on the
 * same directory is refused at once with one line (exit 75) instead of running
 * every run again beside the first. A lock left by a process killed with -9 on
 * this host is taken over (its process is gone); the lock is removed when the
 * command ends, including on Ctrl-C or SIGTERM.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { unavailableError } from '../cli/errors';
import { onInterrupt } from '../cli/interrupt';
import { displayPath } from '../cli/paths';
import { processAlive } from '../cli/processAlive';

export const LOCK_FILE = '.balloon.lock';

interface Owner {
  pid: number;
  host: string;
  command: string;
}

function readOwner(path: string): Owner | undefined {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Owner;
    return Number.isInteger(o.pid) && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock of `dir` (which must exist) for `command` ("sweep", "merge"); returns the release function. */
export function lockDirectory(dir: string, command: string): () => void {
  const path = join(dir, LOCK_FILE);
  const me: Owner = { pid: process.pid, host: hostname(), command };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(path);
      if (owner && owner.host === me.host && !processAlive(owner.pid)) {
        try {
          unlinkSync(path); // left by a process killed with -9 on this host
        } catch {
          // another process took it over first; try again
        }
        continue;
      }
      const who = owner ? `balloon ${owner.command}, pid ${owner.pid} on ${owner.host}` : 'another process';
      const hint = owner && owner.host !== me.host ? `; if that process is gone, delete ${displayPath(path)}` : '';
      throw unavailableError(`${displayPath(dir)}: in use by ${who}; wait for it to finish or use another --out directory${hint}`);
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      forget();
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    };
    const forget = onInterrupt(() => void release());
    return release;
  }
  throw unavailableError(`${displayPath(dir)}: cannot take the directory's lock ${displayPath(path)}`);
}
