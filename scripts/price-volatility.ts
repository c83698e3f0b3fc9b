/**
 * How jumpy are wholesale prices? For each consumer market of the baseline, the mean
 * wholesale price and the mean absolute month-to-month change of its log (2005-2015,
 * after the start-up years), per seed. Real wholesale prices move a few per cent a month.
 *   npx tsx scripts/price-volatility.ts [seeds=3] ['{"markets":{...}}' behaviour overrides]
 */
import { baselineInput } from './baseline-input';
import { loadScenario } from '../sim/scenario/validate';
import { runScenario } from '../sim/run';
import { measureByTick } from '../sim/analysis/extract';
import { mean, meanAbsLogChange } from '../sim/analysis/stats';

const seeds = Number(process.argv[2] ?? 3);
const { base, behaviour } = baselineInput(process.argv[3]);
const scenario = loadScenario({ ...base, behaviour });
const SKIP_MONTHS = 60;

for (let seed = 1; seed <= seeds; seed++) {
  const prices = measureByTick(runScenario(scenario, { seed }), 'wholesalePriceUsdPerKg', 'market');
  if (!prices) throw new Error('the run recorded no wholesale prices');
  const cells: string[] = [];
  for (const [market, column] of prices.values) {
    const level = mean(Array.from(column.subarray(SKIP_MONTHS)));
    cells.push(`${market} $${(level / 1000).toFixed(1)}k ${(100 * meanAbsLogChange(column, SKIP_MONTHS)).toFixed(0)}%`);
  }
  console.log(`seed ${seed}: ${cells.join(' | ')}`);
}
