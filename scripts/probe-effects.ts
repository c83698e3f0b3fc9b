/**
 * Every causal target of the balloon-effect work, measured at once on paired runs:
 *   npx tsx scripts/probe-effects.ts [seeds=6] ['{"growers":{...}}' behaviour overrides]
 * Baseline drift (first -> last year), the Colombia case against its no-policy twin
 * (Colombia 2000->2009 and ->2012, Peru/Bolivia vs twin in 2009, displacement in ha and kg),
 * cost per kg kept from northern consumers of the eradication and interdiction levers.
 */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../sim/scenario/validate';
import { runScenario } from '../sim/run';
import { annualDigest, yearSum, yearValue, type AnnualDigest } from '../sim/analysis/annual';

const seeds = Number(process.argv[2] ?? 6);
const overrides = process.argv[3] ? (JSON.parse(process.argv[3]) as Record<string, object>) : {};
const read = (name: string) => JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')) as Record<string, any>;
const withBehaviour = (s: Record<string, any>) => {
  const behaviour: Record<string, any> = { ...(s.behaviour ?? {}) };
  for (const [g, v] of Object.entries(overrides)) behaviour[g] = { ...(behaviour[g] ?? {}), ...v };
  return loadScenario({ ...s, behaviour });
};
const base = read('baseline');
const col = read('colombia-2000s');
const scen = {
  base: withBehaviour(base),
  col: withBehaviour(col),
  twin: withBehaviour({ ...col, policies: [] }),
  noErad: withBehaviour({ ...col, policies: col.policies.filter((p: any) => p.lever !== 'eradication') }),
  noInterd: withBehaviour({ ...col, policies: col.policies.filter((p: any) => p.lever !== 'interdiction') }),
};
const CULT = 'country/cultivationHa';
const PROD = 'country/productionKg';
const CONS = 'market/consumptionKg';
const north = (d: AnnualDigest, y: number) => yearSum(d, CONS, d.values.get(CONS)!.keys(), y);
const rel = (a: number, b: number) => (b - a) / a;
const spend = (d: AnnualDigest) => { let s = 0; for (let y = 0; y < d.years; y++) s += yearValue(d, 'world/spendUsd', 'world', y); return s; };
const sumYears = (f: (y: number) => number, to: number) => { let s = 0; for (let y = 0; y <= to; y++) s += f(y); return s; };
const acc: Record<string, number[]> = {};
const push = (k: string, v: number) => (acc[k] ??= []).push(v);
const t0 = Date.now();
for (let seed = 1; seed <= seeds; seed++) {
  const r = Object.fromEntries(Object.entries(scen).map(([k, s]) => [k, annualDigest(runScenario(s, { seed }))])) as Record<keyof typeof scen, AnnualDigest>;
  const b = r.base; const L = b.years - 1;
  push('base.prod', rel(yearValue(b, 'world/producedKg', 'world', 0), yearValue(b, 'world/producedKg', 'world', L)));
  push('base.cons', rel(yearValue(b, 'world/consumedKg', 'world', 0), yearValue(b, 'world/consumedKg', 'world', L)));
  for (const c of ['COL', 'PER', 'BOL']) push(`base.${c}`, rel(yearValue(b, CULT, c, 0), yearValue(b, CULT, c, L)));
  const c = r.col, t = r.twin;
  push('col.COL09', rel(yearValue(c, CULT, 'COL', 0), yearValue(c, CULT, 'COL', 9)));
  push('col.COL12', rel(yearValue(c, CULT, 'COL', 0), yearValue(c, CULT, 'COL', 12)));
  push('col.PERvsTwin09', rel(yearValue(t, CULT, 'PER', 9), yearValue(c, CULT, 'PER', 9)));
  push('col.BOLvsTwin09', rel(yearValue(t, CULT, 'BOL', 9), yearValue(c, CULT, 'BOL', 9)));
  const dCol = sumYears((y) => yearValue(c, CULT, 'COL', y) - yearValue(t, CULT, 'COL', y), 12);
  const dOther = sumYears((y) => yearValue(c, CULT, 'PER', y) + yearValue(c, CULT, 'BOL', y) - yearValue(t, CULT, 'PER', y) - yearValue(t, CULT, 'BOL', y), 12);
  push('col.dispHa', -dOther / dCol);
  const dColKg = sumYears((y) => yearValue(c, PROD, 'COL', y) - yearValue(t, PROD, 'COL', y), 12);
  const dOtherKg = sumYears((y) => yearValue(c, PROD, 'PER', y) + yearValue(c, PROD, 'BOL', y) - yearValue(t, PROD, 'PER', y) - yearValue(t, PROD, 'BOL', y), 12);
  push('col.dispKg', -dOtherKg / dColKg);
  push('col.USvsTwin12', rel(yearValue(t, CONS, 'USA', 12), yearValue(c, CONS, 'USA', 12)));
  push('col.northVsTwin', rel(sumYears((y) => north(t, y), L), sumYears((y) => north(c, y), L)));
  push('col.US12', rel(yearValue(c, CONS, 'USA', 0), yearValue(c, CONS, 'USA', 12)));
  const eu = ['ESP', 'NLD', 'GBR', 'DEU', 'ITA', 'FRA'];
  push('col.EU12', rel(yearSum(c, CONS, eu, 0), yearSum(c, CONS, eu, 12)));
  // Mejia, Restrepo & Rozo (2017): one more ha sprayed lowers the year's cultivation by 0.022-0.058 ha.
  const ERAD = 'country/eradicatedHa';
  const dCultErad = sumYears((y) => yearValue(c, CULT, 'COL', y) - yearValue(r.noErad, CULT, 'COL', y), L);
  const dErad = sumYears((y) => yearValue(c, ERAD, 'COL', y) - yearValue(r.noErad, ERAD, 'COL', y), L);
  push('erad.haLessPerHa', -dCultErad / dErad);
  push('erad.haPerYear', dErad / (L + 1));
  for (const [lever, without] of [['erad', r.noErad], ['interd', r.noInterd]] as const) {
    push(`${lever}.kgKept`, sumYears((y) => north(without, y) - north(c, y), L));
    push(`${lever}.prodLess`, sumYears((y) => yearValue(without, 'world/producedKg', 'world', y) - yearValue(c, 'world/producedKg', 'world', y), L) / 1e3);
    push(`${lever}.consLessLast3`, (north(without, L) + north(without, L - 1) + north(without, L - 2) - north(c, L) - north(c, L - 1) - north(c, L - 2)) / 3e3);
    push(`${lever}.usd`, spend(c) - spend(without));
  }
}
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const sd = (v: number[]) => Math.sqrt(v.reduce((a, b) => a + (b - mean(v)) ** 2, 0) / Math.max(1, v.length - 1));
for (const [k, v] of Object.entries(acc)) if (!k.endsWith('.usd') && !k.endsWith('.kgKept') && k !== 'col.farmCOLvsTwin') console.log(`${k.padEnd(18)} ${mean(v).toFixed(3).padStart(8)} ± ${sd(v).toFixed(3)}`);
for (const lever of ['erad', 'interd']) {
  const kg = mean(acc[`${lever}.kgKept`]); const usd = mean(acc[`${lever}.usd`]);
  console.log(`${lever}: spend ${(usd / 1e9).toFixed(2)} bn, kg kept ${(kg / 1e3).toFixed(1)} t ± ${(sd(acc[`${lever}.kgKept`]) / 1e3).toFixed(1)}, $/kg ${kg > 0 ? (usd / kg).toFixed(0) : 'inf (none kept)'}`);
}
console.log(`(${seeds} seeds, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
