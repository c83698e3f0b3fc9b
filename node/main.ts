/**
 * The `balloon` command line. Each command lives in its own file; this one wires
 * them to commander and turns every failure into a clear message and an exit code
 * (see cli/errors.ts).
 */
import { Command, Option } from 'commander';
import { compareCommand } from './cli/compare';
import { effectCommand } from './cli/effect';
import { factsCommand } from './cli/facts';
import { initCommand } from './cli/init';
import { EXIT_OK, reportError } from './cli/errors';
import { packageVersion } from './cli/paths';
import { runCommand } from './cli/run';
import { registerSweepCommands } from './sweep/command';
import { registerCalibrateCommand } from './calibrate/command';
import { validateCommand } from './cli/validate';

const stdout = (text: string) => void process.stdout.write(text);
// `balloon run | head`: the reader went away, which is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const stderr = (text: string) => void process.stderr.write(text);

function program(): Command {
  const cli = new Command('balloon')
    .description('Balloon: a deterministic agent-based simulator of transnational cocaine markets')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: stdout, writeErr: stderr })
    .showSuggestionAfterError(true);

  const seed = () => new Option('--seed <n>', 'first seed (default: the scenario\'s seed)');
  const allowLong = () => new Option('--allow-long', 'run even when a run is over the work limit (2 billion grower-ticks; balloon validate prints the estimate)');
  const workers = () => new Option('--workers <n>', 'worker threads for the runs (default: one per core; results do not depend on it)');
  cli
    .command('run')
    .description('run a scenario (default: the bundled baseline), print a summary and write tidy tables')
    .argument('[scenario]', 'scenario file, or the name of a bundled scenario such as "colombia-2000s"')
    .addOption(seed())
    .option('--seeds <k>', 'number of seeds, from --seed upward; the summary shows means and 90% ranges', '1')
    .option('--out <file>', 'write the tidy per-tick table (columns seed,tick,date,year,kind,entity,measure,unit,value) to a .csv or .jsonl file')
    .option('--summary-out <file>', 'write one row of run outcomes per seed to a .csv or .jsonl file')
    .option('--measures <list>', 'with --out: keep only these measures, comma-separated ids or kind/id, e.g. flowKg,market/consumptionKg')
    .addOption(workers())
    .addOption(allowLong())
    .option('-q, --quiet', 'print nothing but errors')
    .action((scenario: string | undefined, options) => runCommand(scenario, options, stdout));

  cli
    .command('validate')
    .description('check a scenario file: prints "ok: ..." or one line per error (exit 1)')
    .argument('<scenario>', 'scenario file')
    .action((scenario: string) => validateCommand(scenario, stdout));

  cli
    .command('init')
    .description('start a new scenario file from a bundled one, with $schema set for editor completion')
    .argument('<file>', 'the new scenario file (.json)')
    .option('--from <scenario>', 'bundled scenario name or file to start from', 'baseline')
    .option('--force', 'replace the file if it exists')
    .action((file: string, options) => initCommand(file, options, stdout));

  cli
    .command('compare')
    .description('run two scenarios on the same seeds and show outcomes side by side with paired differences')
    .argument('<a>', 'first scenario (file or bundled name)')
    .argument('<b>', 'second scenario (file or bundled name)')
    .addOption(seed())
    .option('--seeds <k>', 'number of paired seeds', '5')
    .option('--out <file>', 'write every outcome and its difference to a .csv or .json file')
    .option('--all', 'print every outcome, not only the main ones')
    .addOption(workers())
    .addOption(allowLong())
    .option('-q, --quiet', 'print nothing but errors')
    .action((a: string, b: string, options) => compareCommand(a, b, options, stdout));

  cli
    .command('effect')
    .description('effect of a policy against the same scenario without it: displacement index and cost-effectiveness')
    .argument('<scenario>', 'scenario file (or bundled name)')
    .option('--policy <n|label>', 'the policy: its index in the scenario\'s "policies" list (from 0) or its label')
    .option('--lever <kind>', 'switch off every policy of this lever kind, e.g. eradication')
    .addOption(seed())
    .option('--seeds <k>', 'number of paired seeds', '10')
    .option('--out <file>', 'write the estimates to a .json file')
    .addOption(workers())
    .addOption(allowLong())
    .option('-q, --quiet', 'print nothing but errors')
    .action((scenario: string, options) => effectCommand(scenario, options, stdout));

  cli
    .command('facts')
    .description('measure the stylised facts of the Colombia case (docs/specification.md §7) over many seeds and say which hold')
    .argument('[scenario]', 'scenario file or bundled name (default: colombia-2000s)')
    .addOption(seed())
    .option('--seeds <k>', 'number of seeds', '20')
    .option('--out <file>', 'write the facts to a .csv or .json file')
    .addOption(workers())
    .addOption(allowLong())
    .option('-q, --quiet', 'print nothing but errors')
    .action((scenario: string | undefined, options) => factsCommand(scenario, options, stdout));

  registerSweepCommands(cli);
  registerCalibrateCommand(cli);
  return cli;
}

async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return EXIT_OK;
  } catch (err) {
    return reportError(err, stderr);
  }
}

process.exitCode = await main(process.argv);
