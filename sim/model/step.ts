/**
 * One tick of the world, phase by phase. Each phase reads what earlier phases
 * (this tick or the last) left in the state; none sees another's private data.
 */
import type { World } from './world';
import type { WorldState } from './state';
import { applyLevers, createLeverInputs, type LeverInputs } from './levers';
import { recordPoliceResults, updatePolice } from './police';
import { createGrowerContext, decideGrowers, updateRegions, type GrowerContext } from './growers';
import { createTraffickerPlan, planShipments, updateBeliefs, type TraffickerPlan } from './traffickers';
import { clearFarmgate, createFarmgateScratch, type FarmgateScratch } from './farmgate';
import { createActiveCountries, shipAll, type ActiveCountries } from './shipping';
import { clearMarkets, createMarketScratch, type MarketScratch } from './markets';
import { createOrganisationScratch, updateOrganisations, type OrganisationScratch } from './organisations';
import { createViolenceScratch, updateViolence, type ViolenceScratch } from './violence';
import { emptyAccounts } from './state';

/** Working memory of the phases, allocated once per run (never part of a snapshot). */
export interface Scratch {
  levers: LeverInputs;
  growers: GrowerContext;
  plan: TraffickerPlan;
  farmgate: FarmgateScratch;
  shipping: ActiveCountries;
  organisations: OrganisationScratch;
  violence: ViolenceScratch;
  markets: MarketScratch;
}

export function createScratch(world: World, state: WorldState): Scratch {
  return {
    levers: createLeverInputs(world),
    growers: createGrowerContext(world),
    plan: createTraffickerPlan(world, state),
    farmgate: createFarmgateScratch(world),
    shipping: createActiveCountries(world, state),
    organisations: createOrganisationScratch(world),
    violence: createViolenceScratch(world),
    markets: createMarketScratch(world),
  };
}

export function step(world: World, state: WorldState, scratch: Scratch, seed: number): void {
  openAccounts(world, state);
  applyLevers(world, state, scratch.levers); // 1. which levers are on, and their money
  updatePolice(world, state, scratch.levers); // 2. capability, corruption, effort, route hazards
  resetTickFlows(state);
  updateRegions(world, state, scratch.levers.altDevUsd); // 3. eradication, maturation, harvest
  decideGrowers(world, state, scratch.growers, scratch.levers.productionCostRise); // 4. growers whose season it is replant
  updateBeliefs(world, state, scratch.plan); // 5. organisations learn from last tick
  planShipments(world, state, scratch.plan); // 6. ... value paths, decide volumes and orders
  clearFarmgate(world, state, scratch.plan, scratch.farmgate); // 7. buy at the farmgate
  shipAll(world, state, scratch.plan, scratch.shipping); // 8. ship: seizures, losses, arrivals
  clearMarkets(world, state, scratch.markets, scratch.plan.deliveredCost); // 9. sell, consume, prices, users
  updateOrganisations(world, state, scratch.plan, scratch.shipping, scratch.organisations, seed); // 10. arrests, splits, payouts, exits, exploration, entry
  updateViolence(world, state, scratch.shipping, scratch.violence); // 11. violence
  recordPoliceResults(world, state); // 12. agencies see their own results
  closeAccounts(world, state);
  state.tick++;
}

function stocks(world: World, state: WorldState): number {
  let total = 0;
  const rg = state.regions;
  for (let r = 0; r < world.regions.n; r++) total += rg.stockKg[r];
  const to = state.traffickers;
  const nC = world.countries.n;
  const holding = world.holdingCountries; // (elsewhere stocks are exact zeros)
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    for (let i = 0; i < holding.length; i++) total += to.stockKg[k * nC + holding[i]];
  }
  return total;
}

function capital(state: WorldState): number {
  const to = state.traffickers;
  let total = 0;
  for (let k = 0; k < to.capacity; k++) if (to.alive[k]) total += to.capitalUsd[k];
  return total;
}

function openAccounts(world: World, state: WorldState): void {
  state.accounts = emptyAccounts();
  state.accounts.stocksBeforeKg = stocks(world, state);
  state.accounts.capitalBeforeUsd = capital(state);
  const to = state.traffickers;
  to.revenueUsd.fill(0);
  to.purchasesUsd.fill(0);
  to.transportUsd.fill(0);
  to.bribesUsd.fill(0);
  to.confiscatedUsd.fill(0);
  to.payoutsUsd.fill(0);
}

function resetTickFlows(state: WorldState): void {
  const p = state.police;
  p.seizuresKg.fill(0);
  p.arrests.fill(0);
  p.bribesUsd.fill(0);
  p.confiscatedUsd.fill(0);
  state.violence.fragmentations.fill(0);
}

function closeAccounts(world: World, state: WorldState): void {
  const a = state.accounts;
  a.stocksKg = stocks(world, state);
  a.capitalUsd = capital(state);
  const to = state.traffickers;
  for (let k = 0; k < to.capacity; k++) {
    a.revenueUsd += to.revenueUsd[k];
    a.purchasesUsd += to.purchasesUsd[k];
    a.transportUsd += to.transportUsd[k];
    a.bribesUsd += to.bribesUsd[k];
    a.confiscatedUsd += to.confiscatedUsd[k];
    a.payoutsUsd += to.payoutsUsd[k];
  }
}
