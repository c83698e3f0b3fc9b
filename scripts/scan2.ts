import { readFileSync } from 'node:fs';
import { scenarioSchema } from '../sim/scenario/schema';
import { runScenario } from '../sim/run';
import { pickSeries, annualise } from '../sim/results/rows';
const EU = ['ESP', 'GBR', 'NLD', 'DEU', 'ITA', 'FRA'];
const combos: any[] = JSON.parse(process.argv[2]);
const yearly = (r: any, m: string, e: string, kind: string, agg: 'stock' | 'flow') => annualise(pickSeries(r, m, e, kind), 12, agg).value;
for (const beh of combos) {
  const out: string[] = [];
  for (const file of ['baseline', 'colombia-2000s']) {
    const base = JSON.parse(readFileSync(`scenarios/${file}.json`, 'utf8'));
    const sc = scenarioSchema.parse({ ...base, behaviour: beh });
    const acc = { us: 0, eu: 0, col: 0, per: 0 };
    const seeds = [1, 2, 3];
    for (const seed of seeds) {
      const r = runScenario(sc, { seed });
      const ch = (v: number[]) => v[12] / v[0] - 1;
      acc.us += ch(yearly(r, 'consumptionKg', 'USA', 'market', 'flow')) / seeds.length;
      const eu = EU.map((c) => yearly(r, 'consumptionKg', c, 'market', 'flow')).reduce((a, b) => a.map((x, i) => x + b[i]));
      acc.eu += ch(eu) / seeds.length;
      acc.col += ch(yearly(r, 'cultivationHa', 'COL', 'country', 'stock')) / seeds.length;
      acc.per += ch(yearly(r, 'cultivationHa', 'PER', 'country', 'stock')) / seeds.length;
    }
    out.push(`${file}: US ${(acc.us * 100).toFixed(0)}% EU ${(acc.eu * 100).toFixed(0)}% COL ${(acc.col * 100).toFixed(0)}% PER ${(acc.per * 100).toFixed(0)}%`);
  }
  console.log(JSON.stringify(beh), '|', out.join(' || '));
}
