/** `balloon sensitivity <dir>`: SRC and PRCC of every outcome on every varied parameter → printed ranking and sensitivity.csv. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { csvLine, parseCsv } from '../../sim/io/csv';
import { recordedMeasures, sensitivity, type SensitivityRow } from '../../sim/sweep/sensitivity';
import { inputError, usageError } from '../cli/errors';
import { writeFileAtomic } from './atomic';
import { RUNS_CSV } from './outputs';
import { readManifest } from './state';
import { displayPath } from '../cli/paths';

export interface SensitivityOptions {
  outcomes?: string;
  top?: string;
  quiet?: boolean;
}

export const SENSITIVITY_CSV = 'sensitivity.csv';

function outcomeFilter(pattern: string | undefined): (name: string) => boolean {
  if (pattern === undefined) return (name) => /\.world\.final$/.test(name);
  const m = /^\/(.*)\/([a-z]*)$/.exec(pattern);
  if (m) {
    let re: RegExp;
    try {
      re = new RegExp(m[1], m[2]);
    } catch {
      throw usageError(`--outcomes: expected a substring or a valid /regex/, got ${pattern}`);
    }
    return (name) => re.test(name);
  }
  return (name) => name.includes(pattern);
}

const fmt = (x: number) => (Number.isFinite(x) ? (x >= 0 ? ' ' : '') + x.toFixed(3) : '   n/a');

export function sensitivityText(rows: readonly SensitivityRow[], show: (name: string) => boolean, top: number): string {
  const lines: string[] = [];
  const outcomes = [...new Set(rows.map((r) => r.outcome))].filter(show);
  const width = Math.max(9, ...rows.map((r) => r.parameter.length));
  for (const outcome of outcomes) {
    const mine = rows.filter((r) => r.outcome === outcome);
    if (mine.length === 0) continue;
    lines.push(`${outcome}  (R² of linear model ${fmt(mine[0].r2).trim()}, n = ${mine[0].n})`);
    lines.push(`  rank  ${'parameter'.padEnd(width)}     SRC    PRCC`);
    for (const r of mine.slice(0, top)) lines.push(`  ${String(r.rank).padStart(4)}  ${r.parameter.padEnd(width)}  ${fmt(r.src)}  ${fmt(r.prcc)}`);
    lines.push('');
  }
  return lines.join('\n');
}

export async function sensitivityCommand(dirArg: string, options: SensitivityOptions, stdout: (text: string) => void): Promise<void> {
  const dir = resolve(dirArg);
  const shown = displayPath(dir);
  const top = Number(options.top ?? '5');
  if (!Number.isInteger(top) || top < 1) throw usageError(`--top: expected a whole number ≥ 1, got "${options.top}"`);
  const show = outcomeFilter(options.outcomes);
  const manifest = readManifest(dir);
  const csvPath = join(dir, RUNS_CSV);
  if (!manifest || !existsSync(csvPath)) throw inputError(`${shown}: expected a sweep output directory with manifest.json and runs.csv (run \`balloon sweep\` first)`);
  const records = parseCsv(readFileSync(csvPath, 'utf8'));
  const header = records[0] ?? [];
  const body = records.slice(1);
  if (body.length < 3) throw inputError(`${shown}/${RUNS_CSV}: expected at least 3 runs for a sensitivity analysis, got ${body.length}`);
  const hashAt = header.indexOf('hash');
  const parameters: Record<string, number[]> = {};
  const skipped: string[] = [];
  for (const name of manifest.design.parameters) {
    const c = header.indexOf(name);
    const xs = body.map((r) => (r[c] === '' ? NaN : Number(r[c])));
    if (c < 0 || xs.some((x) => Number.isNaN(x))) skipped.push(name);
    else parameters[name] = xs;
  }
  if (Object.keys(parameters).length === 0) throw inputError(`${shown}: expected at least one numeric varied parameter, got none (${skipped.join(', ')})`);
  const outcomes: Record<string, number[]> = {};
  for (let c = hashAt + 1; c < header.length; c++) outcomes[header[c]] = body.map((r) => (r[c] === '' ? NaN : Number(r[c])));
  const names = Object.keys(outcomes);
  if (!names.some(show)) {
    const asked = options.outcomes === undefined ? 'the default (world outcomes, *.world.final)' : `"${options.outcomes}"`;
    throw usageError(
      `--outcomes: expected a substring or /regex/ of a recorded outcome (MEASURE.ENTITY.initial|final|total; recorded measures: ${recordedMeasures(names).join(', ') || 'none'}), got ${asked}, which matches none of the ${names.length} outcomes in ${shown}/${RUNS_CSV}`,
    );
  }
  const rows = sensitivity(parameters, outcomes);
  const text = [csvLine(['outcome', 'parameter', 'src', 'prcc', 'r2', 'rank', 'n']), ...rows.map((r) => csvLine([r.outcome, r.parameter, r.src, r.prcc, r.r2, r.rank, r.n]))].join('');
  writeFileAtomic(join(dir, SENSITIVITY_CSV), text);
  if (options.quiet) return;
  const varied = Object.keys(parameters).length;
  stdout(`Sensitivity of ${Object.keys(outcomes).length} outcomes to ${varied} parameter${varied === 1 ? '' : 's'} over ${body.length} runs (SRC: standardised regression coefficient; PRCC: partial rank correlation)\n`);
  if (skipped.length > 0) stdout(`(left out, not numeric: ${skipped.join(', ')})\n`);
  stdout('\n' + sensitivityText(rows, show, top));
  stdout(`all outcomes: ${displayPath(join(dir, SENSITIVITY_CSV))}\n`);
}
