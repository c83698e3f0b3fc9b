/**
 * Registers `balloon calibrate` on the CLI program (called from node/main.ts):
 * fit parameters to targets on the sweep engine, or `--report DIR` to print a
 * finished calibration's fit.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { usageError } from '../cli/errors';
import { parseRole, parseWorkers } from '../sweep/options';
import { loadCalibration } from './load';
import { calibrationReport } from './report';
import { runCalibration } from './run';

export interface CalibrateOptions {
  out?: string;
  workers?: string;
  redis?: string;
  role?: string;
  budget?: string;
  seeds?: string;
  report?: string;
  quiet?: boolean;
}

function whole(text: string | undefined, option: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > max) throw usageError(`${option}: expected a whole number from 1 to ${max}, got "${text}"`);
  return n;
}

export async function calibrateCommand(file: string | undefined, options: CalibrateOptions, stdout: (text: string) => void): Promise<void> {
  if (options.report !== undefined) {
    if (file !== undefined || options.out !== undefined) throw usageError('calibrate: --report DIR prints a finished calibration; give no targets file or --out with it');
    stdout(calibrationReport(resolve(options.report)));
    return;
  }
  if (file === undefined) throw usageError('calibrate: expected a targets file (or --report DIR)');
  const role = parseRole(options.role);
  const distributed = options.redis !== undefined;
  if (!distributed && options.role !== undefined) throw usageError('calibrate: --role goes with --redis');
  const workers = parseWorkers(options.workers, distributed && role === 'both');
  if (!options.out && !(distributed && role === 'worker')) throw usageError('calibrate: expected --out <dir>');
  const overrides = { budget: whole(options.budget, '--budget', 1_000_000), seeds: whole(options.seeds, '--seeds', 1000) };
  const loaded = loadCalibration(file, overrides);
  if (distributed && role === 'worker') {
    const { runCalibrationWorker } = await import('./worker');
    await runCalibrationWorker(loaded, { url: options.redis!, workers, quiet: options.quiet === true }, stdout);
    return;
  }
  await runCalibration(loaded, resolve(options.out!), { workers, quiet: options.quiet === true, ...(distributed ? { redis: { url: options.redis!, role } } : {}) }, stdout);
}

const stdoutWrite = (text: string) => void process.stdout.write(text);

export function registerCalibrateCommand(cli: Command): void {
  cli
    .command('calibrate')
    .description('fit parameters to observed series, paired effects and stylised facts (Latin hypercube, then refinement) on the sweep engine; resumable')
    .argument('[targets]', 'targets file (see calibrate.schema.json)')
    .option('--out <dir>', 'output directory: best.json, candidates.csv, candidates.parquet, fit.csv, identifiability.csv, calibration.json, stages/')
    .option('--workers <n>', 'worker threads (default: the number of cores; results do not depend on it)')
    .option('--budget <n>', 'candidates of the search in all (half Latin hypercube, half refinement rounds); overrides the file')
    .option('--seeds <n>', 'seeds per candidate; overrides the file')
    .option('--redis <url>', 'run every stage through a BullMQ queue on this Redis server; other hosts join with --role worker')
    .option('--role <role>', 'with --redis: both (this host runs too), producer, or worker (pull runs for this calibration until it is done)')
    .option('--report <dir>', 'print the fit and identifiability tables of a finished calibration directory')
    .option('-q, --quiet', 'print nothing but errors')
    .action((file: string | undefined, options: CalibrateOptions) => calibrateCommand(file, options, stdoutWrite));
}
