import { readFileSync } from 'node:fs';
import { scenarioSchema } from '../sim/scenario/schema';
import { runScenario } from '../sim/run';
import { pickSeries, annualise } from '../sim/results/rows';
const base = JSON.parse(readFileSync('scenarios/baseline.json', 'utf8'));
const combos: any[] = JSON.parse(process.argv[2]);
for (const beh of combos) {
  const out: string[] = [];
  for (const pol of [[], [{ lever: 'eradication', country: 'COL', budgetUsdPerYear: 1.5e8, start: '2002-01' }]]) {
    const sc = scenarioSchema.parse({ ...base, behaviour: beh, policies: pol });
    let cv = 0; let colEnd = 0; let perEnd = 0;
    for (const seed of [1, 2]) {
      const r = runScenario(sc, { seed });
      const a = annualise(pickSeries(r, 'cultivationHa', 'COL', 'country'), 12, 'stock').value;
      const p = annualise(pickSeries(r, 'cultivationHa', 'PER', 'country'), 12, 'stock').value;
      const m = a.reduce((x, y) => x + y) / a.length; cv += Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / a.length) / m / 2;
      colEnd += a.slice(-5).reduce((x, y) => x + y) / 5 / 2; perEnd += p.slice(-5).reduce((x, y) => x + y) / 5 / 2;
    }
    out.push(`cv ${cv.toFixed(2)} COL ${(colEnd / 1e3).toFixed(0)}k PER ${(perEnd / 1e3).toFixed(0)}k`);
  }
  console.log(JSON.stringify(beh), '|', out.join(' || '));
}
