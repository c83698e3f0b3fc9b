/**
 * Growers: tens of thousands of households in producer regions, stored as
 * struct-of-arrays. Each season a grower compares expected coca revenue
 * (expected farmgate price x yield, less the eradication losses it has
 * experienced) with what coca costs it (its own production cost, the expected
 * sanction) plus the licit income it forgoes (raised by alternative
 * development). The log of that ratio, times a sensitivity, plus a regional
 * fixed effect and a logistic taste shock, is the utility of a logit choice of
 * the coca share of its land; it moves part of the way there each season. Eradication in one region lowers
 * expected income there; the scarcity it causes raises farmgate prices, which
 * pulls cultivation into other regions: the production balloon comes from here.
 *
 * Eradication is applied to the region's aggregate area at once and to each
 * grower lazily at its next decision, through the region's cumulative
 * log-survival: exact, and O(1) per grower per decision.
 */
import type { World } from './world';
import type { WorldState } from './state';
import { logistic } from './rng';

/** Share of licit income lost at full remoteness (worse roads, markets). */
const REMOTENESS_LICIT_PENALTY = 0.5;
/** Eradication costs this much more per ha at full remoteness. */
const REMOTENESS_ERADICATION_COST = 1;

/** Per-region inputs of the grower decision, refreshed each tick. */
export interface GrowerContext {
  cocaGrossUsdPerHa: Float64Array; // expected price x yield
  cocaCostUsdPerHa: Float64Array; // production cost x yield (before the grower's own multiplier)
  sanctionUsdPerHa: Float64Array;
  licitUsdPerHa: Float64Array;
}

export function createGrowerContext(world: World): GrowerContext {
  const n = world.regions.n;
  return {
    cocaGrossUsdPerHa: new Float64Array(n),
    cocaCostUsdPerHa: new Float64Array(n),
    sanctionUsdPerHa: new Float64Array(n),
    licitUsdPerHa: new Float64Array(n),
  };
}

export function altDevBoost(world: World, stockUsd: number, cultivableHa: number): number {
  const g = world.behaviour.growers;
  const perHa = stockUsd / cultivableHa;
  return (g.altDevMaxBoost * perHa) / (perHa + g.altDevUsdPerHaHalf);
}

/** Eradication, maturation, harvest and price expectations for every region. */
export function updateRegions(world: World, state: WorldState, altDevUsd: Float64Array): void {
  const { regions } = world;
  const g = world.behaviour.growers;
  const b = world.behaviour.police;
  const tpy = world.ticksPerYear;
  const rg = state.regions;
  const maturityTicks = Math.max(1, (g.maturityMonths * tpy) / 12);
  const priceWeight = 1 - Math.exp(-12 / (g.priceMemoryMonths * tpy));
  const maxShare = 1 - Math.pow(1 - b.maxEradicationSharePerMonth, 12 / tpy);
  const altDecay = g.altDevDecayPerYear / tpy;

  for (let r = 0; r < regions.n; r++) {
    const coca = rg.cocaHa[r];
    const costPerHa = b.eradicationUsdPerHa * (1 + REMOTENESS_ERADICATION_COST * regions.remoteness[r]);
    const wanted = rg.eradicationEffortUsd[r] / costPerHa / tpy;
    const eradicated = Math.min(wanted, maxShare * coca);
    const share = coca > 0 ? eradicated / coca : 0;
    rg.eradicatedHa[r] = eradicated;
    rg.logSurvival[r] += Math.log1p(-share);
    rg.cocaHa[r] = coca - eradicated;
    rg.matureHa[r] *= 1 - share;

    const planted = rg.cocaHa[r];
    const mature = rg.matureHa[r];
    rg.matureHa[r] = planted > mature ? mature + (planted - mature) / maturityTicks : planted;

    const harvest = (rg.matureHa[r] * regions.yieldKgPerHa[r]) / tpy;
    rg.harvestKg[r] = harvest;
    rg.stockKg[r] += harvest;
    state.accounts.producedKg += harvest;

    rg.expectedPrice[r] += priceWeight * (rg.farmgatePrice[r] - rg.expectedPrice[r]);
    rg.altDevStockUsd[r] = rg.altDevStockUsd[r] * (1 - altDecay) + altDevUsd[r] / tpy;
  }
}

/** Per-region terms of the grower decision, from what growers see locally. */
export function refreshGrowerContext(world: World, state: WorldState, ctx: GrowerContext): void {
  const { regions, countries } = world;
  const g = world.behaviour.growers;
  const rg = state.regions;
  for (let r = 0; r < regions.n; r++) {
    const y = regions.yieldKgPerHa[r];
    ctx.cocaGrossUsdPerHa[r] = rg.expectedPrice[r] * y;
    ctx.cocaCostUsdPerHa[r] = regions.productionCostUsdPerKg[r] * y;
    ctx.sanctionUsdPerHa[r] = g.sanctionUsdPerHa * rg.presence[r];
    const c = regions.country[r];
    const licit = countries.licitIncomeUsdPerHa[c] * (1 - REMOTENESS_LICIT_PENALTY * regions.remoteness[r]);
    ctx.licitUsdPerHa[r] = licit * (1 + altDevBoost(world, rg.altDevStockUsd[r], regions.cultivableHa[r]));
  }
}

/** The growers whose season it is decide how much land to put under coca. */
export function decideGrowers(world: World, state: WorldState, ctx: GrowerContext): void {
  const g = world.behaviour.growers;
  const tpy = world.ticksPerYear;
  const rg = state.regions;
  const gs = state.growers;
  const seasonTicks = Math.max(1, Math.round((g.seasonMonths * tpy) / 12));
  const seasonsPerYear = tpy / seasonTicks;
  refreshGrowerContext(world, state, ctx);

  const first = (seasonTicks - (state.tick % seasonTicks)) % seasonTicks;
  const sensitivity = g.incomeSensitivity;
  const noise = g.choiceNoise;
  const memory = g.eradicationMemory;
  const plant = g.plantRatePerSeason;
  const abandon = g.abandonRatePerSeason;
  const { region, landHa, cocaHa, logSurvivalAt, eradicationBelief, costFactor, regionBias } = gs;
  const streams = state.streams.growers;

  for (let i = first; i < gs.n; i += seasonTicks) {
    const r = region[i];
    const logS = rg.logSurvival[r];
    const survival = Math.exp(logS - logSurvivalAt[i]);
    const current = cocaHa[i] * survival;
    // Eradication hazard experienced since the last decision, per year.
    const hazard = (logSurvivalAt[i] - logS) * seasonsPerYear;
    const belief = eradicationBelief[i] + memory * (hazard - eradicationBelief[i]);
    eradicationBelief[i] = belief;
    // Coca's expected revenue against what it costs plus the licit income forgone, on a log scale.
    const revenue = ctx.cocaGrossUsdPerHa[r] * Math.exp(-belief);
    const outlay = ctx.cocaCostUsdPerHa[r] * costFactor[i] + ctx.sanctionUsdPerHa[r] + ctx.licitUsdPerHa[r];
    const utility = sensitivity * Math.log(revenue / outlay) + regionBias[r] + noise * logistic(streams[r]);
    const desired = landHa[i] / (1 + Math.exp(-utility));
    const next = current + (desired - current) * (desired > current ? plant : abandon);
    rg.cocaHa[r] += next - current;
    cocaHa[i] = next;
    logSurvivalAt[i] = logS;
  }

  // Re-sum the regional aggregates once a year so rounding never drifts.
  if (state.tick % tpy === 0) resumRegions(world, state);
}

export function resumRegions(world: World, state: WorldState): void {
  const rg = state.regions;
  const gs = state.growers;
  const sums = new Float64Array(world.regions.n);
  for (let i = 0; i < gs.n; i++) {
    const r = gs.region[i];
    sums[r] += gs.cocaHa[i] * Math.exp(rg.logSurvival[r] - gs.logSurvivalAt[i]);
  }
  for (let r = 0; r < world.regions.n; r++) rg.cocaHa[r] = sums[r];
}
