/**
 * `balloon run [scenario.json] [--seed N] [--seeds K] [--out results.csv|.jsonl]
 * [--summary-out summary.csv|.jsonl] [--measures LIST] [--workers N] [--quiet]`: run a scenario over one
 * or more seeds, print a readable summary and write tidy tables.
 */
import type { AnnualDigest } from '../../sim/analysis/annual';
import { seedsFrom } from '../../sim/analysis/paired';
import { reportTables } from '../../sim/io/report';
import { formatTable } from '../../sim/io/table';
import { summaryText, tidyHeader } from '../../sim/io/tidy';
import { resolve } from 'node:path';
import { usageError } from './errors';
import type { ReportValue } from './jobs';
import { loadScenarioFile } from './load';
import { parseMeasures, parseSeed, parseSeedCount, parseWorkers, type SeedRunOptions, tableFormat } from './options';
import { defaultWorkers, runJobs } from './parallel';
import { startProgress } from './progress';
import { checkOutputs } from './outputs';
import { checkWork } from './work';
import { openAtomic, writeAtomic, type AtomicFile } from './write';
import { displayPath } from './paths';

export interface RunOptions extends SeedRunOptions {
  summaryOut?: string;
  measures?: string;
}

export async function runCommand(scenarioArg: string | undefined, options: RunOptions, stdout: (text: string) => void): Promise<void> {
  const firstSeedOption = parseSeed(options.seed);
  const count = parseSeedCount(options.seeds) ?? 1;
  const workers = parseWorkers(options.workers) ?? defaultWorkers(count);
  const outFormat = options.out ? tableFormat('out', options.out) : undefined;
  const summaryFormat = options.summaryOut ? tableFormat('summary-out', options.summaryOut) : undefined;
  const measures = parseMeasures(options.measures);
  checkOutputs([
    { option: 'out', path: options.out ?? '' },
    { option: 'summary-out', path: options.summaryOut ?? '' },
  ]);
  const { scenario, file, path } = loadScenarioFile(scenarioArg);
  for (const [name, out] of [['out', options.out], ['summary-out', options.summaryOut]] as const) {
    if (out && resolve(out) === path) throw usageError(`--${name}: expected an output file, got the scenario file "${out}" (it would be overwritten)`);
  }
  checkWork(file, scenario, options.allowLong);
  const seeds = seedsFrom(firstSeedOption ?? scenario.seed, count);

  let out: AtomicFile | undefined;
  const digests: AnnualDigest[] = [];
  const summaries: { scenario: string; seed: number; hash: string; summary: Record<string, number> }[] = [];
  let rowsWritten = 0;
  let ticks = 0;
  const progress = startProgress(seeds.length, scenario.name, options.quiet === true);
  try {
    if (options.out && outFormat) {
      out = openAtomic(options.out);
      out.write(tidyHeader(outFormat));
    }
    const jobs = seeds.map((seed) => ({ kind: 'report' as const, scenario, seed, rows: outFormat, measures }));
    await runJobs(jobs, workers, (_i, value) => {
      const run = value as ReportValue;
      ticks = run.ticks;
      digests.push(run.digest);
      summaries.push({ scenario: run.scenario, seed: run.seed, hash: run.hash, summary: run.summary });
      if (out && run.rows) {
        out.write(run.rows.text);
        rowsWritten += run.rows.count;
      }
    }, { onProgress: progress.update });
    progress.stop();
    out?.commit();
  } finally {
    progress.stop();
    out?.abort();
  }
  if (options.summaryOut && summaryFormat) writeAtomic(options.summaryOut, summaryText(summaries, summaryFormat));
  if (options.quiet) return;

  const seedText = seeds.length === 1 ? `seed ${seeds[0]}` : `seeds ${seeds[0]}..${seeds[seeds.length - 1]} (${seeds.length} runs)`;
  stdout(`Balloon: ${scenario.name} (${file})\n`);
  stdout(`${scenario.start} to ${scenario.end}, ${ticks} ticks, ${seedText}\n`);
  stdout(seeds.length === 1 ? `hash ${summaries[0].hash}\n` : 'cells: mean [5th, 95th percentile across seeds]\n');
  for (const table of reportTables(digests, 0.9)) stdout('\n' + formatTable(table));
  if (options.out) stdout(`\nwrote ${rowsWritten} rows to ${displayPath(options.out)}\n`);
  if (options.summaryOut) stdout(`${options.out ? '' : '\n'}wrote ${summaries.length} summary rows to ${displayPath(options.summaryOut)}\n`);
}
