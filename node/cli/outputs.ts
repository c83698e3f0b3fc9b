/**
 * A command's output files, all checked before anything runs: a run of minutes
 * must not end in "cannot write" for its second output after the first was
 * written. Refused with one line each: a missing or read-only directory, a
 * directory, device or FIFO in place of the file, a read-only file (replacing it
 * by rename would succeed, so the check is explicit: no write permission bit, or
 * no write access for this user), and one file given for two options.
 * On Ctrl-C the command then says which of them were and were not written.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describeFsError, inputError, usageError } from './errors';
import { onInterrupt } from './interrupt';
import { wasWritten } from './write';
import { displayPath } from './paths';

export interface OutputFile {
  /** The option that named it, e.g. "out" or "summary-out". */
  option: string;
  path: string;
}

function writable(path: string, stat: Stats): boolean {
  if ((stat.mode & 0o222) === 0) return false; // read-only even for root, who passes access()
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why `path` cannot be written as an output file, or undefined if it can. */
export function outputProblem(path: string): string | undefined {
  const target = resolve(path);
  let stat: Stats | undefined;
  try {
    stat = statSync(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return describeFsError(err);
  }
  if (stat) {
    if (stat.isDirectory()) return 'it is a directory';
    if (!stat.isFile()) return 'expected a regular file, found a device, FIFO or socket';
    if (!writable(target, stat)) return `read-only, mode ${(stat.mode & 0o777).toString(8)}`;
  }
  const dir = dirname(target);
  let dirStat: Stats;
  try {
    dirStat = statSync(dir);
  } catch (err) {
    return describeFsError(err);
  }
  if (!dirStat.isDirectory()) return 'a parent is not a directory';
  if (!writable(dir, dirStat)) return `read-only directory ${displayPath(dir)}`;
  return undefined;
}

/**
 * An output directory (sweep --out, merge --out): an existing directory must be
 * writable, a new one must be creatable (its nearest existing parent a writable
 * directory). Throws a one-line input error otherwise.
 */
export function checkOutputDirectory(path: string, files: readonly string[] = []): void {
  const target = resolve(path);
  for (const name of files) {
    const file = join(target, name);
    let stat: Stats | undefined;
    try {
      stat = statSync(file);
    } catch {
      continue;
    }
    if (stat.isFile() && !writable(file, stat)) throw inputError(`${displayPath(file)}: cannot write the output file (read-only, mode ${(stat.mode & 0o777).toString(8)})`);
  }
  let dir = target;
  for (;;) {
    let stat: Stats | undefined;
    try {
      stat = statSync(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw inputError(`${displayPath(target)}: cannot write the output directory (${describeFsError(err)})`);
    }
    if (stat) {
      const problem = !stat.isDirectory()
        ? dir === target ? 'it is a file' : `${displayPath(dir)} is a file`
        : !writable(dir, stat) ? `read-only directory${dir === target ? '' : ` ${displayPath(dir)}`}, mode ${(stat.mode & 0o777).toString(8)}` : undefined;
      if (problem) throw inputError(`${displayPath(target)}: cannot write the output directory (${problem})`);
      return;
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** Checks every output (usage error for a file named twice, input error otherwise) and reports them on interruption. */
export function checkOutputs(outputs: readonly OutputFile[]): void {
  const given = outputs.filter((o) => o.path !== undefined && o.path !== '');
  const seen = new Map<string, string>();
  for (const o of given) {
    const abs = resolve(o.path);
    const other = seen.get(abs);
    if (other) throw usageError(`--${o.option}: expected a different file from --${other}, got "${o.path}" twice`);
    seen.set(abs, o.option);
  }
  const problems = given.flatMap((o) => {
    const problem = outputProblem(o.path);
    return problem ? [`${displayPath(resolve(o.path))}: cannot write the output file (${problem})`] : [];
  });
  if (problems.length > 0) throw inputError(...problems);
  if (given.length === 0) return;
  onInterrupt(() => {
    const names = (list: OutputFile[]) => {
      const shown = list.map((o) => displayPath(resolve(o.path)));
      return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
    };
    const done = given.filter((o) => wasWritten(o.path));
    const notDone = given.filter((o) => !wasWritten(o.path));
    const parts: string[] = [];
    if (notDone.length > 0) parts.push(`${names(notDone)} ${notDone.length === 1 ? 'was' : 'were'} not written`);
    if (done.length > 0) parts.push(`${names(done)} ${done.length === 1 ? 'was' : 'were'} written complete before the signal`);
    return parts.join('; ');
  });
}
