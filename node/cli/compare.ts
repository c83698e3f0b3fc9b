/**
 * `balloon compare <a.json> <b.json> [--seed N] [--seeds K] [--out diff.csv|.json] [--all]`:
 * both scenarios on the same seeds, outcomes side by side, paired differences with
 * 90% intervals over seeds.
 */
import { compareSummaries, type OutcomeComparison } from '../../sim/analysis/compare';
import { comparisonCsv, comparisonJson } from '../../sim/io/comparison';
import { seedsFrom } from '../../sim/analysis/paired';
import { formatChange, formatNumber } from '../../sim/io/number';
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

export interface CompareOptions extends SeedRunOptions {
  all?: boolean;
}

/** Summary keys shown by default, in this order: "measure.entity.stat" with these measures and stats. */
const SHOWN: { measure: string; stats: string[]; top?: number }[] = [
  { measure: 'northernConsumptionKg', stats: ['final'] },
  { measure: 'southernViolenceIndex', stats: ['final'] },
  { measure: 'producedKg', stats: ['final', 'total'] },
  { measure: 'consumedKg', stats: ['final', 'total'] },
  { measure: 'seizedKg', stats: ['final', 'total'] },
  { measure: 'spendUsd', stats: ['total'], top: 1 },
  { measure: 'traffickerCount', stats: ['final'] },
  { measure: 'violenceIndex', stats: ['final'], top: 6 },
  { measure: 'cultivationHa', stats: ['final'], top: 8 },
  { measure: 'consumptionKg', stats: ['final'], top: 8 },
  { measure: 'heavyConsumptionKg', stats: ['final'], top: 4 },
  { measure: 'lightUsers', stats: ['final'], top: 4 },
  { measure: 'heavyUsers', stats: ['final'], top: 4 },
  { measure: 'treatedUsers', stats: ['final'], top: 4 },
  { measure: 'wholesalePriceUsdPerKg', stats: ['final'], top: 8 },
];

function splitKey(key: string): { measure: string; entity: string; stat: string } {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0) return { measure: key, entity: '', stat: '' };
  if (last === first) return { measure: key.slice(0, first), entity: '', stat: key.slice(first + 1) };
  return { measure: key.slice(0, first), entity: key.slice(first + 1, last), stat: key.slice(last + 1) };
}

/** The main outcomes; cultivation per country only (the summary also has it per region). */
function shownRows(rows: OutcomeComparison[], all: boolean, countries: ReadonlySet<string>): OutcomeComparison[] {
  if (all) return rows;
  const shown: OutcomeComparison[] = [];
  for (const spec of SHOWN) {
    const matching = rows.filter((r) => {
      const k = splitKey(r.key);
      if (k.measure === 'cultivationHa' && k.entity !== 'world' && !countries.has(k.entity)) return false;
      return k.measure === spec.measure && spec.stats.includes(k.stat) && (r.a !== 0 || r.b !== 0);
    });
    // world first, then the largest entities
    matching.sort((x, y) => Number(splitKey(y.key).entity === 'world') - Number(splitKey(x.key).entity === 'world') || Math.abs(y.a) - Math.abs(x.a));
    shown.push(...(spec.top ? matching.slice(0, spec.top + 1) : matching));
  }
  return shown.length > 0 ? shown : rows;
}

export async function compareCommand(aArg: string, bArg: string, options: CompareOptions, stdout: (text: string) => void): Promise<void> {
  const firstSeed = parseSeed(options.seed);
  const count = parseSeedCount(options.seeds) ?? 5;
  const workers = parseWorkers(options.workers) ?? defaultWorkers(2 * count);
  const outLower = options.out?.toLowerCase();
  if (options.out && !outLower!.endsWith('.csv') && !outLower!.endsWith('.json')) {
    throw usageError(`--out: expected a file name ending in .csv or .json, got "${options.out}"`);
  }
  checkOutputs([{ option: 'out', path: options.out ?? '' }]);
  const a = loadScenarioFile(aArg);
  const b = loadScenarioFile(bArg);
  checkWork(a.file, a.scenario, options.allowLong);
  checkWork(b.file, b.scenario, options.allowLong);
  const seeds = seedsFrom(firstSeed ?? a.scenario.seed, count);
  const pairs = await runPairedJobs<Record<string, number>>(
    seeds,
    (seed, which) => ({ kind: 'summary', scenario: (which === 'a' ? a : b).scenario, seed }),
    { label: 'compare', quiet: options.quiet === true, workers },
  );
  const rows = compareSummaries(pairs, 0.9);
  if (options.out) {
    const meta = { a: { name: a.scenario.name, file: a.file }, b: { name: b.scenario.name, file: b.file }, seeds, level: 0.9 };
    writeAtomic(options.out, outLower!.endsWith('.csv') ? comparisonCsv(rows) : comparisonJson(rows, meta));
  }
  if (options.quiet) return;
  stdout(`Balloon compare, ${seeds.length === 1 ? `seed ${seeds[0]}` : `seeds ${seeds[0]}..${seeds[seeds.length - 1]} (${seeds.length} paired runs each)`}\n`);
  stdout(`  a: ${a.scenario.name} (${a.file})\n  b: ${b.scenario.name} (${b.file})\n`);
  stdout(`  "final" = last year (flows summed over the year, levels averaged); "total" = whole run\n`);
  const table = {
    title: '',
    header: ['outcome', 'a', 'b', 'b - a', seeds.length > 1 ? '90% CI of b - a' : '', 'change'],
    rows: shownRows(rows, options.all === true, new Set([...a.scenario.countries, ...b.scenario.countries].map((c) => c.id))).map((r) => [
      r.key,
      formatNumber(r.a),
      formatNumber(r.b),
      formatNumber(r.difference.mean),
      Number.isFinite(r.difference.lo) ? `[${formatNumber(r.difference.lo)}, ${formatNumber(r.difference.hi)}]` : '',
      formatChange(r.a, r.b),
    ]),
  };
  stdout(formatTable(table));
  if (!options.all) stdout(`(${rows.length} outcomes in all; --all shows every one${options.out ? '' : ', --out writes them'})\n`);
  if (options.out) stdout(`wrote ${rows.length} outcomes to ${displayPath(options.out)}\n`);
}
