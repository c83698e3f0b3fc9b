/**
 * How strong is the production balloon? Paired runs of the baseline with and
 * without $200M/yr of eradication in Colombia from 2002, over seeds: the change
 * in Colombia's cultivation (mean from 2004) and in Peru's + Bolivia's.
 *   npx tsx scripts/balloon-strength.ts [seeds=8] ['{"growers":{...}}' behaviour overrides]   (DETAIL=1: prices and production too)
 */
import { baselineInput } from './baseline-input';
import { loadScenario } from '../sim/scenario/validate';
import { runScenario } from '../sim/run';
import { annualise, pickSeries } from '../sim/results/rows';
import type { RunResult } from '../sim/results/types';

const seeds = Number(process.argv[2] ?? 8);
const { base, behaviour } = baselineInput(process.argv[3]);
const control = loadScenario({ ...base, behaviour });
const treated = loadScenario({ ...base, behaviour, policies: [{ lever: 'eradication', country: 'COL', budgetUsdPerYear: 2e8, start: '2002-01' }] });

const meanFrom = (r: RunResult, measure: string, entity: string, kind: string, from: number) => {
  const y = annualise(pickSeries(r, measure, entity, kind), r.ticksPerYear, 'stock');
  const v = y.value.filter((_, i) => y.year[i] >= from);
  return v.reduce((a, b) => a + b, 0) / v.length;
};
const rows: number[][] = [];
for (let seed = 1; seed <= seeds; seed++) {
  const c = runScenario(control, { seed });
  const t = runScenario(treated, { seed });
  const d = (e: string) => meanFrom(t, 'cultivationHa', e, 'country', 2004) - meanFrom(c, 'cultivationHa', e, 'country', 2004);
  const col = d('COL');
  const other = d('PER') + d('BOL');
  const colLevel = meanFrom(c, 'cultivationHa', 'COL', 'country', 2004);
  const perLevel = meanFrom(c, 'cultivationHa', 'PER', 'country', 2004);
  rows.push([col, other, -other / col, colLevel, perLevel]);
  if (process.env.DETAIL) {
    const price = (r: RunResult, country: string) => {
      const ids = r.series.entities.filter((e) => e.kind === 'region' && e.id.startsWith(country)).map((e) => e.id);
      return ids.reduce((a, id) => a + meanFrom(r, 'farmgatePriceUsdPerKg', id, 'region', 2004), 0) / ids.length;
    };
    const prod = (r: RunResult, country: string) => meanFrom(r, 'productionKg', country, 'country', 2004);
    for (const country of ['COL', 'PER', 'BOL']) {
      console.log(`   ${country}: price ${price(c, country).toFixed(0)} -> ${price(t, country).toFixed(0)}, production ${(prod(c, country) / 1e3).toFixed(1)} -> ${(prod(t, country) / 1e3).toFixed(1)} t/mo`);
    }
  }
  console.log(`seed ${seed}: dCOL ${col.toFixed(0)} ha, dPER+BOL ${other.toFixed(0)} ha, displaced ${(-other / col).toFixed(2)}  (control COL ${colLevel.toFixed(0)}, PER ${perLevel.toFixed(0)})`);
}
const m = (i: number) => rows.reduce((a, r) => a + r[i], 0) / rows.length;
const sd = (i: number) => Math.sqrt(rows.reduce((a, r) => a + (r[i] - m(i)) ** 2, 0) / (rows.length - 1));
console.log(`mean: dCOL ${m(0).toFixed(0)} ± ${sd(0).toFixed(0)}, dPER+BOL ${m(1).toFixed(0)} ± ${sd(1).toFixed(0)}, displaced ${(-m(1) / m(0)).toFixed(3)}`);
