/** Option values shared by the commands, checked with usage errors (exit 2). */
import { formatOfPath, type TableFormat } from '../../sim/io/tidy';
import { ALL_MEASURES } from '../../sim/results/measures';
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

/** The options every command that runs seeds takes (run, compare, effect, facts), as Commander gives them. */
export interface SeedRunOptions {
  seed?: string;
  seeds?: string;
  out?: string;
  workers?: string;
  quiet?: boolean;
  allowLong?: boolean;
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

/** `--measures a,b,kind/c`: measure selectors, each a known measure id or kind/measure. */
export function parseMeasures(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const known = new Set(ALL_MEASURES.flatMap((m) => [m.id, `${m.kind}/${m.id}`]));
  const selectors = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = selectors.find((s) => !known.has(s));
  if (selectors.length === 0 || unknown !== undefined) {
    const ids = [...new Set(ALL_MEASURES.map((m) => m.id))].join(', ');
    throw usageError(`--measures: expected measure ids (or kind/measure) from ${ids}; got "${unknown ?? raw}"`);
  }
  return selectors;
}
