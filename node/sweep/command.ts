/**
 * Registers `balloon sweep`, `balloon sensitivity` and `balloon merge` on the
 * CLI program (called from node/main.ts). The actions are async: main
 * runs the program with parseAsync, so their errors reach its reportError.
 */
import type { Command } from 'commander';
import { sweepCommand, type SweepCommandOptions } from './sweepCommand';
import { sensitivityCommand, type SensitivityOptions } from './sensitivityCommand';
import { mergeCommand, type MergeOptions } from './merge';

const stdout = (text: string) => void process.stdout.write(text);

export function registerSweepCommands(cli: Command): void {
  cli
    .command('sweep')
    .description('run a parameter sweep (grid, random, Latin hypercube or table design) on all cores; resumable')
    .argument('<sweep>', 'sweep file (see sweep.schema.json)')
    .option('--out <dir>', 'output directory: runs.csv, runs.parquet, manifest.json, journal.jsonl (and ticks/ with --per-tick)')
    .option('--workers <n>', 'worker threads (default: the number of cores; with --redis --role worker/both: runs at once)')
    .option('--per-tick', 'also write each run\'s per-tick long table to <out>/ticks/run-NNNNNN.csv')
    .option('--shard <i/N>', 'run only the runs whose index % N == i (for job arrays; combine with `balloon merge`)')
    .option('--redis <url>', 'distribute the runs through a BullMQ queue on this Redis server, e.g. redis://127.0.0.1:6379')
    .option('--redis-timeout <s>', 'with --redis: seconds Redis may stay unreachable before the sweep stops with exit code 75 (default 60); runs done are kept')
    .option('--role <role>', 'with --redis: producer (queue runs, gather results), worker (pull and run), or both', 'both')
    .option('--allow-long', 'run even when a run is over the work limit (2 billion grower-ticks, see balloon validate)')
    .option('-q, --quiet', 'print nothing but errors')
    .action((file: string, options: SweepCommandOptions) => sweepCommand(file, options, stdout));

  cli
    .command('sensitivity')
    .description('rank which swept parameters move each outcome: standardised regression coefficients and partial rank correlations')
    .argument('<dir>', 'a finished sweep directory (with runs.csv and manifest.json)')
    .option('--outcomes <pattern>', 'outcomes to print, a substring or /regex/ of the outcome names (default: world outcomes, ".final")')
    .option('--top <k>', 'parameters printed per outcome', '5')
    .option('-q, --quiet', 'print nothing but errors')
    .action((dir: string, options: SensitivityOptions) => sensitivityCommand(dir, options, stdout));

  cli
    .command('merge')
    .description('merge the output directories of sweep shards (or of interrupted copies) into one, each run exactly once')
    .argument('<dirs...>', 'sweep output directories of the same sweep')
    .requiredOption('--out <dir>', 'the merged directory')
    .option('-q, --quiet', 'print nothing but errors')
    .action((dirs: string[], options: MergeOptions) => mergeCommand(dirs, options, stdout));
}

