/** Option values shared by the commands, checked with usage errors (exit 2). */
import { formatOfPath, type TableFormat } from '../../io/tidy';
import { usageError } from './errors';

/** A whole number in [min, max] given to `--name`. */
export function parseInteger(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw usageError(`--${name}: expected a whole number in [${min}, ${max}], got "${raw}"`);
  }
  return value;
}

export const parseSeed = (raw: string | undefined) => parseInteger('seed', raw, 0, 2 ** 32 - 1);
export const parseSeedCount = (raw: string | undefined) => parseInteger('seeds', raw, 1, 10_000);

/** The table format of an output path given to `--name`. */
export function tableFormat(name: string, path: string): TableFormat {
  const format = formatOfPath(path);
  if (!format) throw usageError(`--${name}: expected a file name ending in .csv or .jsonl, got "${path}"`);
  return format;
}

/** `--workers N`: worker threads for multi-seed commands (1 = run in the main thread). */
export const parseWorkers = (raw: string | undefined) => parseInteger('workers', raw, 1, 256);
