/**
 * CLI errors and exit codes. A user's mistake prints one clear line per problem and
 * never a stack trace: 1 = invalid input (a scenario file, an unreadable file),
 * 2 = usage (unknown command or option, bad option value), 3 = done but incomplete
 * (a merge with runs missing: its outputs are written), 75 = a service or resource
 * is unavailable for now and the same command can be run again later (Redis
 * unreachable past --redis-timeout, another producer holding the sweep, an output
 * directory in use). Anything else is a bug in Balloon: one line plus how to get the stack.
 */
import { CommanderError } from 'commander';

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;
/** The command did its work but the result is incomplete (a merge with runs missing). */
export const EXIT_INCOMPLETE = 3;
/** EX_TEMPFAIL of sysexits.h: try again later. */
export const EXIT_UNAVAILABLE = 75;

export class CliError extends Error {
  constructor(
    /** One line each; printed to stderr as they are. */
    readonly lines: string[],
    readonly exitCode: number,
  ) {
    super(lines.join('\n'));
    this.name = 'CliError';
  }
}

/** Invalid input: a file that cannot be read, parsed or validated. */
export function inputError(...lines: string[]): CliError {
  return new CliError(lines, EXIT_INPUT);
}

/** Something outside Balloon is unavailable for now (Redis, a lease, a lock); the same command can be run again. */
export function unavailableError(...lines: string[]): CliError {
  return new CliError(lines, EXIT_UNAVAILABLE);
}

/** The outputs were written but lack something (exit 3). */
export function incompleteError(...lines: string[]): CliError {
  return new CliError(lines, EXIT_INCOMPLETE);
}

/** Wrong use of the command line. */
export function usageError(line: string): CliError {
  return new CliError([`${line} (see balloon --help)`], EXIT_USAGE);
}

/** A file-system error code in words, e.g. ENOENT → "no such file or directory". */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'a parent is not a directory',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
  };
  return code ? (words[code] ?? code) : err instanceof Error ? err.message : String(err);
}

/** Print what `err` means for the user and return the exit code. */
export function reportError(err: unknown, stderr: (text: string) => void): number {
  if (err instanceof CliError) {
    for (const line of err.lines) stderr(`balloon: ${line}\n`);
    return err.exitCode;
  }
  if (err instanceof CommanderError) {
    // Commander has already printed its message.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT_OK;
    return EXIT_USAGE;
  }
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  if (process.env.BALLOON_DEBUG) {
    stderr(`balloon: internal error: ${err instanceof Error && err.stack ? err.stack : message}\n`);
  } else {
    stderr(`balloon: internal error: ${message} (run with BALLOON_DEBUG=1 for the stack)\n`);
  }
  return 70;
}
