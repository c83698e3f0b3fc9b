import { readFileSync } from 'node:fs';
import { scenarioSchema } from '../sim/scenario/schema';
import { createSimulation } from '../sim/simulation';
import { checkInvariants } from '../sim/model/invariants';
import { pickSeries, annualise } from '../sim/results/rows';
const file = process.argv[2] ?? '/tmp/smoke/s.json';
const raw = JSON.parse(readFileSync(file, 'utf8')); if (process.env.B) raw.behaviour = JSON.parse(process.env.B); if (process.env.P) raw.policies = JSON.parse(process.env.P);
const sc = scenarioSchema.parse(raw);
const t0 = performance.now();
const sim = createSimulation(sc, Number(process.argv[3] ?? 1));
let bad = 0;
while (sim.tick < sim.totalTicks) { sim.step(); const v = checkInvariants(sim.world, sim.state); if (v.length && bad++ < 5) console.log(v); }
const r = sim.result();
console.log('ms', (performance.now() - t0).toFixed(0), 'hash', r.hash, 'rows', r.series.length);
const show = (m: string, e: string, kind?: string) => { const p = pickSeries(r, m, e, kind); const mi = r.series.measures.find(x=>x.id===m && (!kind || x.kind===kind))!; const a = annualise(p, r.ticksPerYear, mi.aggregation); console.log(m.padEnd(24), e.padEnd(8), a.value.filter((_, i) => i % 3 === 0 || i === a.value.length-1).map(v => v.toPrecision(3)).join(' ')); };
for (const c of sc.countries.filter(c=>c.roles.includes('producer'))) show('cultivationHa', c.id, 'country');
show('producedKg','world'); show('consumedKg','world'); show('seizedKg','world'); show('lostKg','world'); show('stocksKg','world');
for (const m of sc.markets) { show('consumptionKg', m.country, 'market'); show('wholesalePriceUsdPerKg', m.country, 'market'); show('users', m.country, 'market'); }
for (const rg of sc.regions) show('farmgatePriceUsdPerKg', rg.id, 'region');
show('traffickerCount','world'); show('traffickerCapitalUsd','world'); show('violenceIndex','world'); show('meanTraffickerScaleKg','world');
for (const c of sc.countries) show('seizuresKg', c.id, 'country');
const keys = Object.keys(r.summary).filter(k => k.startsWith('flowKg')&&k.endsWith('final'));
for (const k of keys) console.log(k, r.summary[k].toFixed(0));
if (process.env.V) {
  const yr = (m: string, kind: string) => { let tot = new Array(16).fill(0); for (const c of sc.countries) { const p = pickSeries(r, m, c.id, kind); p.value.forEach((v, i) => tot[Math.floor(i / 12)] += v); } return tot.map((v) => v.toFixed(1)).join(' '); };
  console.log('arrests/yr', yr('arrests', 'country'));
  const frag = r.series.measures.findIndex(x => x.id === 'violenceIndex');
  for (const c of sc.countries) { const p = pickSeries(r, 'traffickers', c.id, 'country'); console.log('based', c.id, p.value.filter((_, i) => i % 36 === 0).join(' ')); }
}
