/**
 * Year-by-year trace of the quantities behind drift, on one run:
 *   npx tsx scripts/trace-baseline.ts [scenario=baseline[:-lever]] [seed=1] ['{"growers":{...}}']
 * (organisations' capacity and orders against the harvest, farmgate prices and netbacks by
 * producer, wholesale prices, consumption, production, organisation count). Burn-in included.
 */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../sim/scenario/validate';
import { createSimulation } from '../sim/simulation';

const [name, without] = (process.argv[2] ?? 'baseline').split(':-');
const seed = Number(process.argv[3] ?? 1);
const input = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));
// "scenario:-lever" drops every policy of that lever kind (e.g. colombia-2000s:-eradication).
if (without) input.policies = input.policies.filter((p: { lever: string }) => p.lever !== without);
const overrides = process.argv[4] ? JSON.parse(process.argv[4]) : {};
const behaviour: Record<string, any> = { ...(input.behaviour ?? {}) };
for (const [g, v] of Object.entries(overrides)) behaviour[g] = { ...(behaviour[g] ?? {}), ...(v as object) };
const sim = createSimulation(loadScenario({ ...input, behaviour }), seed);
const w = (sim as any).world;
const st = sim.state;
const tpy = w.ticksPerYear;
const countries: string[] = w.countries.id;
const prod = ['COL', 'PER', 'BOL'].map((id) => countries.indexOf(id));
const acc = { harvest: 0, sold: 0, demand: 0, consumed: 0, scale: 0, orgs: 0, seized: 0, shipped: 0 };
console.log('year  orgs  scale  harvest  demand  sold  shipped consumed seized | farmgate COL PER BOL | netback COL PER BOL | cult COL PER BOL | USA ESP wholesale');
while (sim.tick < sim.totalTicks) {
  sim.step();
  const rg = st.regions;
  for (let r = 0; r < w.regions.n; r++) { acc.harvest += rg.harvestKg[r]; acc.sold += rg.soldKg[r]; acc.demand += rg.demandKg[r]; }
  acc.consumed += st.accounts.consumedKg; acc.seized += st.accounts.seizedKg;
  let sc = 0, n = 0, sh = 0; for (let k = 0; k < st.traffickers.capacity; k++) if (st.traffickers.alive[k]) { sc += st.traffickers.scaleKg[k]; sh += st.traffickers.shippedKg[k]; n++; }
  acc.scale += sc; acc.orgs += n; acc.shipped += sh;
  if (sim.tick % tpy === 0) {
    const byC = (f: (r: number) => number, agg: 'mean' | 'sum') => prod.map((c) => { const rs: number[] = w.regionsOfCountry[c]; const v = rs.map(f); return agg === 'sum' ? v.reduce((a, b) => a + b, 0) : v.reduce((a, b) => a + b, 0) / v.length; });
    const fg = byC((r) => rg.farmgatePrice[r], 'mean');
    const nb = byC((r) => rg.netbackUsdPerKg?.[r] ?? 0, 'mean');
    const cu = byC((r) => rg.cocaHa[r], 'sum');
    const wp = ['USA', 'ESP'].map((id) => st.markets.wholesalePrice[w.markets.country.indexOf(countries.indexOf(id))]);
    const t = (x: number) => (x / 1000).toFixed(0).padStart(5);
    console.log(`${String(sim.tick / tpy).padStart(4)} ${(acc.orgs / tpy).toFixed(0).padStart(5)} ${t(acc.scale)} ${t(acc.harvest)} ${t(acc.demand)} ${t(acc.sold)} ${t(acc.shipped)} ${t(acc.consumed)} ${t(acc.seized)} | ${fg.map((x) => x.toFixed(0).padStart(5)).join('')} | ${nb.map((x) => x.toFixed(0).padStart(5)).join('')} | ${cu.map((x) => (x / 1000).toFixed(0).padStart(4)).join('')} | ${wp.map((x) => x.toFixed(0).padStart(6)).join('')}`);
    for (const k of Object.keys(acc) as (keyof typeof acc)[]) acc[k] = 0;
  }
}
