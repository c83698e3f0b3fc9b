/**
 * The invariants of docs/specification.md §6, checked on a tick's accounts and state.
 * Returns the violations (empty when all hold); tests call it after every tick.
 */
import type { World } from './world';
import { CHANNELS, ERADICATION, INTERDICTION, INVESTIGATION, type WorldState } from './state';

export interface InvariantViolation {
  tick: number;
  check: string;
  detail: string;
}

/** Relative tolerance of the balance checks (mass and money), against the larger of 1 and the flows' scale. */
const REL_TOL = 1e-9;

function close(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= REL_TOL * Math.max(1, scale);
}

function finiteNonNegative(name: string, arr: ArrayLike<number>, tick: number, out: InvariantViolation[], mask?: Uint8Array, stride = 1): void {
  for (let i = 0; i < arr.length; i++) {
    if (mask && !mask[Math.floor(i / stride)]) continue;
    const v = arr[i];
    if (!Number.isFinite(v) || v < -1e-9) {
      out.push({ tick, check: 'finite-non-negative', detail: `${name}[${i}] = ${v}` });
      return;
    }
  }
}

export function checkInvariants(world: World, state: WorldState): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const a = state.accounts;
  const tick = state.tick - 1;
  // Mass balance: produced = consumed + seized + lost + change in stocks.
  const throughput = a.producedKg + a.consumedKg + a.seizedKg + a.lostKg + a.stocksKg;
  const massIn = a.producedKg + a.stocksBeforeKg;
  const massOut = a.consumedKg + a.seizedKg + a.lostKg + a.stocksKg;
  if (!close(massIn, massOut, throughput)) {
    out.push({ tick, check: 'mass-balance', detail: `produced ${a.producedKg} + stocks before ${a.stocksBeforeKg} != consumed ${a.consumedKg} + seized ${a.seizedKg} + lost ${a.lostKg} + stocks ${a.stocksKg}` });
  }
  // Money balance of trafficking organisations.
  const delta = a.capitalUsd - a.capitalBeforeUsd;
  const flows = a.revenueUsd - a.purchasesUsd - a.transportUsd - a.bribesUsd - a.confiscatedUsd - a.payoutsUsd + a.entryCapitalUsd;
  // Rounding scales with every amount that moved, and with the capital held.
  const moneyScale =
    a.revenueUsd + a.purchasesUsd + a.transportUsd + a.bribesUsd + a.confiscatedUsd + a.payoutsUsd + a.entryCapitalUsd + a.capitalBeforeUsd + a.capitalUsd;
  if (!close(delta, flows, moneyScale)) {
    out.push({ tick, check: 'money-balance', detail: `capital change ${delta} != revenue - purchases - transport - bribes - confiscations - payouts + entry = ${flows}` });
  }
  for (const [k, v] of Object.entries(a)) {
    if (!Number.isFinite(v) || v < -1e-6) out.push({ tick, check: 'accounts', detail: `${k} = ${v}` });
  }
  const rg = state.regions;
  finiteNonNegative('regions.cocaHa', rg.cocaHa, tick, out);
  finiteNonNegative('regions.stockKg', rg.stockKg, tick, out);
  finiteNonNegative('regions.farmgatePrice', rg.farmgatePrice, tick, out);
  finiteNonNegative('growers.cocaHa', state.growers.cocaHa, tick, out);
  const to = state.traffickers;
  finiteNonNegative('traffickers.capitalUsd', to.capitalUsd, tick, out, to.alive);
  finiteNonNegative('traffickers.stockKg', to.stockKg, tick, out, to.alive, world.countries.n);
  finiteNonNegative('traffickers.scaleKg', to.scaleKg, tick, out, to.alive);
  finiteNonNegative('markets.users', state.markets.users, tick, out);
  finiteNonNegative('markets.lightUsers', state.markets.lightUsers, tick, out);
  finiteNonNegative('markets.heavyUsers', state.markets.heavyUsers, tick, out);
  finiteNonNegative('markets.treatedUsers', state.markets.treatedUsers, tick, out);
  finiteNonNegative('markets.wholesalePrice', state.markets.wholesalePrice, tick, out);
  finiteNonNegative('police.capability', state.police.capability, tick, out);
  finiteNonNegative('routes.flowKg', state.routes.flowKg, tick, out);
  for (let l = 0; l < world.routes.n; l++) {
    const p = state.routes.seizureProbability[l];
    if (!(p >= 0 && p <= 1)) out.push({ tick, check: 'probability', detail: `routes.seizureProbability[${l}] = ${p}` });
  }
  // Effort shares sum to 1.
  for (let c = 0; c < world.countries.n; c++) {
    const a = state.police.allocation;
    const s = a[c * CHANNELS + INTERDICTION] + a[c * CHANNELS + INVESTIGATION] + a[c * CHANNELS + ERADICATION];
    if (Math.abs(s - 1) > 1e-9) out.push({ tick, check: 'shares', detail: `police.allocation of ${world.countries.id[c]} sums to ${s}` });
  }
  return out;
}
