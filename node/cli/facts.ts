/**
 * `balloon facts [scenario] [--seed N] [--seeds K] [--out facts.csv|.json]`: the
 * stylised facts of docs/specification.md §7 measured on a scenario (default: the bundled
 * colombia-2000s) and on the same scenario without policies, over K seeds.
 */
import type { AnnualDigest } from '../../sim/analysis/annual';
import { evaluateFacts, FACT_YEAR, withoutPolicies, type FactResult } from '../../sim/analysis/facts';
import { seedsFrom } from '../../sim/analysis/paired';
import { csvLine } from '../../sim/io/csv';
import { formatNumber } from '../../sim/io/number';
import { formatTable } from '../../sim/io/table';
import { usageError } from './errors';
import { loadScenarioFile } from './load';
import { parseSeed, parseSeedCount, parseWorkers, type SeedRunOptions } from './options';
import { defaultWorkers } from './parallel';
import { runPairedJobs } from './pairedRuns';
import { checkOutputs } from './outputs';
import { checkWork } from './work';
import { writeAtomic } from './write';
import { displayPath } from './paths';

export type FactsOptions = SeedRunOptions;

const num = (x: number) => (Number.isFinite(x) ? x : null);

function show(x: number, format: FactResult['format']): string {
  if (format === 'number' || !Number.isFinite(x)) return formatNumber(x);
  const pct = x * 100;
  return `${pct > 0 ? '+' : ''}${Math.abs(pct) >= 10 ? pct.toFixed(0) : pct.toFixed(1)}${format === 'points' ? ' pp' : '%'}`;
}

function factsCsv(facts: readonly FactResult[]): string {
  return (
    csvLine(['fact', 'statement', 'measure', 'expectation', 'mean', 'lo', 'hi', 'seeds', 'level', 'holds']) +
    facts.map((f) => csvLine([f.id, f.statement, f.measure, f.expectation, f.estimate.mean, f.estimate.lo, f.estimate.hi, f.estimate.n, f.estimate.level, f.holds])).join('')
  );
}

export async function factsCommand(scenarioArg: string | undefined, options: FactsOptions, stdout: (text: string) => void): Promise<void> {
  const lower = options.out?.toLowerCase();
  if (options.out && !lower!.endsWith('.csv') && !lower!.endsWith('.json')) {
    throw usageError(`--out: expected a file name ending in .csv or .json, got "${options.out}"`);
  }
  checkOutputs([{ option: 'out', path: options.out ?? '' }]);
  const firstSeed = parseSeed(options.seed);
  const count = parseSeedCount(options.seeds) ?? 20;
  const workers = parseWorkers(options.workers) ?? defaultWorkers(2 * count);
  const { scenario, file } = loadScenarioFile(scenarioArg ?? 'colombia-2000s');
  checkWork(file, scenario, options.allowLong);
  const seeds = seedsFrom(firstSeed ?? scenario.seed, count);
  const counterfactual = withoutPolicies(scenario);
  const pairs = await runPairedJobs<AnnualDigest>(
    seeds,
    (seed, which) => ({ kind: 'digest', scenario: which === 'a' ? scenario : counterfactual, seed }),
    { label: 'facts', quiet: options.quiet === true, workers },
  );
  const facts = evaluateFacts(scenario, pairs, 0.9);
  if (options.out) {
    writeAtomic(
      options.out,
      lower!.endsWith('.csv')
        ? factsCsv(facts)
        : JSON.stringify({ scenario: scenario.name, file, seeds, factYear: FACT_YEAR, facts: facts.map((f) => ({ ...f, estimate: { ...f.estimate, mean: num(f.estimate.mean), lo: num(f.estimate.lo), hi: num(f.estimate.hi) } })) }, null, 2) + '\n',
    );
  }
  if (options.quiet) return;
  const held = facts.filter((f) => f.holds).length;
  stdout(`Balloon stylised facts (docs/specification.md §7) in ${scenario.name} (${file})\n`);
  stdout(`seeds ${seeds[0]}..${seeds[seeds.length - 1]} (${seeds.length}); changes from ${scenario.start.slice(0, 4)} to ${FACT_YEAR} (or the last year); 90% intervals over seeds\n\n`);
  stdout(
    formatTable({
      title: '',
      header: ['fact', 'measured', '90% interval', 'expected', 'holds'],
      rows: facts.map((f) => [
        f.statement,
        show(f.estimate.mean, f.format),
        Number.isFinite(f.estimate.lo) ? `[${show(f.estimate.lo, f.format)}, ${show(f.estimate.hi, f.format)}]` : '',
        f.expectation,
        f.holds ? 'yes' : 'NO',
      ]),
    }),
  );
  stdout(`\n${held} of ${facts.length} facts hold. How each is measured:\n`);
  for (const f of facts) stdout(`  ${f.id}: ${f.measure}\n`);
  if (options.out) stdout(`wrote ${displayPath(options.out)}\n`);
}
