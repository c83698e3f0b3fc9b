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
 *
 * Cost multipliers come in cost classes and taste shocks in levels, both
 * tabulated once per world (grower-tables.ts), so a decision takes no
 * logarithm or exponential of its own.
 */
import type { World } from './world';
import type { WorldState } from './state';
import { ALEA_2_POW_MINUS_32, ALEA_MULTIPLIER } from './rng';
import { exp, log, log1p, pow } from '../math/detmath';
import { shareEachTick, smoothingWeight, ticksOfMonths } from './time';
import { COST_CLASSES, costClassFactors, SHOCK_LEVELS, shockOddsFactors } from './grower-tables';

/** Share of licit income lost at full remoteness (worse roads, markets). */
const REMOTENESS_LICIT_PENALTY = 0.5;
/** Eradication costs this much more per ha at full remoteness. */
const REMOTENESS_ERADICATION_COST = 1;
/** Added to every grower's outlay so the revenue/outlay ratio stays finite when costs and licit income are zero. */
export const MIN_OUTLAY_USD_PER_HA = 1;

/** Per-region inputs of the grower decision, refreshed each tick, and its tables. */
export interface GrowerContext {
  cocaGrossUsdPerHa: Float64Array; // expected price x yield
  cocaCostUsdPerHa: Float64Array; // production cost x yield (before the grower's own multiplier)
  sanctionUsdPerHa: Float64Array;
  licitUsdPerHa: Float64Array;
  /** Share of the gap closed per season, [abandoning, planting]. */
  gapRate: Float64Array;
  /** Scratch of `resumRegions`, one slot per decision class. */
  classLogSurvivalAt: Float64Array;
  classSurvival: Float64Array;
  /** Cost multiplier of each cost class, and exp(−noise · ε) of each taste-shock level (see grower-tables.ts). */
  costClassFactor: Float64Array;
  shockOddsFactor: Float64Array;
  /** For the region in hand, per cost class: the log of its outlay, and its odds term for the belief it was last computed for. */
  classLogOutlay: Float64Array;
  classOdds: Float64Array;
  classOddsBelief: Float64Array;
  /** Growers are stored region by region: region r's are [regionStart[r], regionStart[r + 1]). */
  regionStart: Int32Array;
}

export function createGrowerContext(world: World): GrowerContext {
  const n = world.regions.n;
  return {
    cocaGrossUsdPerHa: new Float64Array(n),
    cocaCostUsdPerHa: new Float64Array(n),
    sanctionUsdPerHa: new Float64Array(n),
    licitUsdPerHa: new Float64Array(n),
    gapRate: new Float64Array(2),
    classLogSurvivalAt: new Float64Array(seasonTicksOf(world)),
    classSurvival: new Float64Array(seasonTicksOf(world)),
    costClassFactor: costClassFactors(world.behaviour.growers.costHeterogeneity),
    shockOddsFactor: shockOddsFactors(world.behaviour.growers.choiceNoise),
    classLogOutlay: new Float64Array(COST_CLASSES),
    classOdds: new Float64Array(COST_CLASSES),
    classOddsBelief: new Float64Array(COST_CLASSES),
    regionStart: regionStarts(world),
  };
}

/** Ticks between a grower's decisions. */
export function seasonTicksOf(world: World): number {
  return Math.max(1, Math.round(ticksOfMonths(world.behaviour.growers.seasonMonths, world.ticksPerYear)));
}

function regionStarts(world: World): Int32Array {
  const starts = new Int32Array(world.regions.n + 1);
  for (let r = 0; r < world.regions.n; r++) starts[r + 1] = starts[r] + world.regions.growers[r];
  return starts;
}

export function altDevBoost(world: World, stockUsd: number, cultivableHa: number): number {
  const g = world.behaviour.growers;
  const perHa = stockUsd / cultivableHa;
  return (g.altDevMaxBoost * perHa) / (perHa + g.altDevUsdPerHaHalf);
}

/** Largest rise (or fall, as its inverse) of output per mature hectare that the price brings through inputs. */
const MAX_INPUT_RESPONSE = 2;

/** Eradication, maturation, harvest and price expectations for every region. */
export function updateRegions(world: World, state: WorldState, altDevUsd: Float64Array): void {
  const { regions } = world;
  const g = world.behaviour.growers;
  const pb = world.behaviour.police;
  const tpy = world.ticksPerYear;
  const rg = state.regions;
  const maturityTicks = Math.max(1, ticksOfMonths(g.maturityMonths, tpy));
  const priceWeight = smoothingWeight(g.priceMemoryMonths, tpy);
  const maxShare = shareEachTick(pb.maxEradicationSharePerMonth, tpy);
  const altDecay = g.altDevDecayPerYear / tpy;
  const intensificationRate = 1 / Math.max(1, ticksOfMonths(g.intensificationMonths, tpy));

  for (let r = 0; r < regions.n; r++) {
    const coca = rg.cocaHa[r];
    const costPerHa = pb.eradicationUsdPerHa * (1 + REMOTENESS_ERADICATION_COST * regions.remoteness[r]);
    const wanted = rg.eradicationEffortUsd[r] / costPerHa / tpy;
    // The ha sprayed or cut (what governments report as eradicated); of the coca on them only a share dies.
    const eradicated = Math.min(wanted, maxShare * coca);
    // Never exactly all of it: the log-survival must stay finite (a share of 1 - 1e-9 is total in practice).
    const share = coca > 0 ? Math.min(1 - 1e-9, (eradicated * pb.eradicationKillShare) / coca) : 0;
    rg.eradicatedHa[r] = eradicated;
    rg.logSurvival[r] += log1p(-share);
    rg.cocaHa[r] = coca * (1 - share);
    rg.matureHa[r] *= 1 - share;

    const planted = rg.cocaHa[r];
    const mature = rg.matureHa[r];
    rg.matureHa[r] = planted > mature ? mature + (planted - mature) / maturityTicks : planted;

    // Intensification: under eradication pressure (the share of coca destroyed, as a yearly rate)
    // growers in the region plant denser, harvest more often and use more inputs, so output per
    // mature ha drifts towards 1 + intensificationMax x pressure; its extra cost eats its extra revenue.
    const pressure = Math.min(1, share * tpy);
    rg.yieldFactor[r] += (1 + g.intensificationMax * pressure - rg.yieldFactor[r]) * intensificationRate;
    // The intensive margin: at a higher price growers weed, fertilise and harvest more of each mature hectare
    // (more leaf, better paste); at a lower one, less. Inputs follow this season's price (the farmgate price
    // itself moves gradually), where planting follows the price expected over priceMemoryMonths.
    const relativePrice = rg.farmgatePrice[r] / g.initialFarmgatePriceUsdPerKg;
    const inputs = Math.min(MAX_INPUT_RESPONSE, Math.max(1 / MAX_INPUT_RESPONSE, pow(relativePrice, g.yieldPriceElasticity)));
    const harvest = (rg.matureHa[r] * regions.yieldKgPerHa[r] * rg.yieldFactor[r] * inputs) / tpy;
    rg.harvestKg[r] = harvest;
    rg.stockKg[r] += harvest;
    state.accounts.producedKg += harvest;

    rg.expectedPrice[r] += priceWeight * (rg.farmgatePrice[r] - rg.expectedPrice[r]);
    rg.altDevStockUsd[r] = rg.altDevStockUsd[r] * (1 - altDecay) + altDevUsd[r] / tpy;
  }
}

/**
 * Per-region terms of the grower decision, from what growers see locally; `costRise` is the
 * relative rise of the production cost per kg in each region that levers impose (none when omitted).
 */
export function refreshGrowerContext(world: World, state: WorldState, ctx: GrowerContext, costRise?: Float64Array): void {
  const { regions, countries } = world;
  const g = world.behaviour.growers;
  const rg = state.regions;
  for (let r = 0; r < regions.n; r++) {
    const y = regions.yieldKgPerHa[r];
    ctx.cocaGrossUsdPerHa[r] = rg.expectedPrice[r] * y;
    ctx.cocaCostUsdPerHa[r] = regions.productionCostUsdPerKg[r] * (1 + (costRise ? costRise[r] : 0)) * y;
    ctx.sanctionUsdPerHa[r] = g.sanctionUsdPerHa * rg.presence[r];
    const c = regions.country[r];
    const licit = countries.licitIncomeUsdPerHa[c] * (1 - REMOTENESS_LICIT_PENALTY * regions.remoteness[r]);
    ctx.licitUsdPerHa[r] = licit * (1 + altDevBoost(world, rg.altDevStockUsd[r], regions.cultivableHa[r]));
  }
}

/** The growers whose season it is decide how much land to put under coca. */
export function decideGrowers(world: World, state: WorldState, ctx: GrowerContext, costRise?: Float64Array): void {
  const g = world.behaviour.growers;
  const seasonTicks = seasonTicksOf(world);
  refreshGrowerContext(world, state, ctx, costRise);
  // Share of the gap to the desired area closed per season: [when abandoning, when planting].
  ctx.gapRate[0] = g.abandonRatePerSeason;
  ctx.gapRate[1] = g.plantRatePerSeason;
  const first = (seasonTicks - (state.tick % seasonTicks)) % seasonTicks;
  // Growers are stored region by region and each region draws from its own stream, so the
  // loop runs region by region (the same growers, in the same order, as one pass over all).
  for (let r = 0; r < world.regions.n; r++) {
    decideInRegion(world, state, ctx, r, first, seasonTicks);
  }
  // Re-sum the regional aggregates once a year so rounding never drifts.
  if (state.tick % world.ticksPerYear === 0) resumRegions(world, state, ctx, seasonTicks);
}

/** First index >= start that is `first` modulo the season. */
function firstDecider(start: number, first: number, seasonTicks: number): number {
  return start + ((((first - start) % seasonTicks) + seasonTicks) % seasonTicks);
}

/**
 * The decisions of region r's growers whose index is `first` modulo the season, in index order.
 * The logit choice is computed on the odds against coca, exp(−u) = exp(sens · (ln O − ln R) − β) · exp(−noise · ε):
 * the first factor is computed once per cost class and belief (growers deciding together usually
 * share their belief), the second is looked up by the draw's level, so a decision itself takes
 * one draw, two table reads, a multiplication and a division.
 */
function decideInRegion(world: World, state: WorldState, ctx: GrowerContext, r: number, first: number, seasonTicks: number): void {
  const g = world.behaviour.growers;
  const seasonsPerYear = world.ticksPerYear / seasonTicks;
  const sensitivity = g.incomeSensitivity;
  const memory = g.eradicationMemory;
  const gapRate = ctx.gapRate;
  const { landHa, cocaHa, logSurvivalAt, eradicationBelief, costClass } = state.growers;
  const rg = state.regions;
  const logS = rg.logSurvival[r];
  const gross = ctx.cocaGrossUsdPerHa[r];
  const bias = state.growers.regionBias[r];
  const { classLogOutlay, classOdds, classOddsBelief, shockOddsFactor } = ctx;
  const end = ctx.regionStart[r + 1];
  const from = firstDecider(ctx.regionStart[r], first, seasonTicks);
  if (from >= end) return;
  // Each cost class's log outlay: what coca costs it plus the licit income it forgoes.
  const unitCost = ctx.cocaCostUsdPerHa[r];
  const fixedOutlay = ctx.sanctionUsdPerHa[r] + ctx.licitUsdPerHa[r] + MIN_OUTLAY_USD_PER_HA;
  for (let k = 0; k < COST_CLASSES; k++) {
    classLogOutlay[k] = log(unitCost * ctx.costClassFactor[k] + fixedOutlay);
    classOddsBelief[k] = NaN;
  }
  // The region's stream, stepped inline (Alea, see rng.ts): one draw per decision.
  const st = state.streams.growers[r].s;
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let c = st[3];
  // Imported constants in locals: read once, not on every draw (see sim/math/detmath.ts).
  const multiplier = ALEA_MULTIPLIER;
  const twoPowMinus32 = ALEA_2_POW_MINUS_32;
  const levels = SHOCK_LEVELS;
  let coca = rg.cocaHa[r];
  // Growers deciding together last decided together, so they share the survival since then.
  let lastLogSAt = NaN;
  let survival = 1;
  let hazard = 0;
  let lastBelief = NaN;
  let logRevenue = 0;
  for (let i = from; i < end; i += seasonTicks) {
    const logSAt = logSurvivalAt[i];
    if (logSAt !== lastLogSAt) {
      lastLogSAt = logSAt;
      survival = exp(logS - logSAt);
      // Eradication hazard experienced since the last decision, per year.
      hazard = (logSAt - logS) * seasonsPerYear;
    }
    const current = cocaHa[i] * survival;
    const belief = eradicationBelief[i] + memory * (hazard - eradicationBelief[i]);
    eradicationBelief[i] = belief;
    // Coca's expected revenue, less the eradication the grower expects, on a log scale.
    if (belief !== lastBelief) {
      lastBelief = belief;
      logRevenue = log(gross * exp(-belief) + MIN_OUTLAY_USD_PER_HA);
    }
    const k = costClass[i];
    if (classOddsBelief[k] !== belief) {
      classOddsBelief[k] = belief;
      classOdds[k] = exp(sensitivity * (classLogOutlay[k] - logRevenue) - bias);
    }
    const t = multiplier * s0 + c * twoPowMinus32;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    // The taste shock's level: s2 is in [0, 1), so the level is in [0, levels).
    const odds = classOdds[k] * shockOddsFactor[(s2 * levels) | 0];
    const desired = landHa[i] / (1 + odds);
    // Plant or abandon part of the gap (looked up, not branched on: the branch is a coin flip for the CPU).
    const next = current + (desired - current) * gapRate[+(desired > current)];
    coca += next - current;
    cocaHa[i] = next;
    logSurvivalAt[i] = logS;
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = c;
  rg.cocaHa[r] = coca;
}

/** Re-sum each region's coca area from its growers (in the same order as always, so the sum is reproducible). */
export function resumRegions(world: World, state: WorldState, ctx: GrowerContext, seasonTicks: number): void {
  const rg = state.regions;
  for (let r = 0; r < world.regions.n; r++) {
    rg.cocaHa[r] = regionCocaHa(state, ctx, r, seasonTicks);
  }
}

/**
 * Region r's coca area, summed over its growers. (A function of its own, called per region, so that
 * V8 enters its loop optimised: as the inner loop of `resumRegions` it was optimised on the stack and
 * its code dropped at every exit, 'exit from OSR'd inner loop', once a year in Chromium.)
 */
function regionCocaHa(state: WorldState, ctx: GrowerContext, r: number, seasonTicks: number): number {
  const { cocaHa, logSurvivalAt } = state.growers;
  const logS = state.regions.logSurvival[r];
  // Growers deciding in the same tick share their survival since: one exp per decision class and region.
  const lastAt = ctx.classLogSurvivalAt;
  const survivalOf = ctx.classSurvival;
  lastAt.fill(NaN);
  let sum = 0;
  for (let i = ctx.regionStart[r], end = ctx.regionStart[r + 1]; i < end; i++) {
    const k = i % seasonTicks;
    const at = logSurvivalAt[i];
    if (at !== lastAt[k]) {
      lastAt[k] = at;
      survivalOf[k] = exp(logS - at);
    }
    sum += cocaHa[i] * survivalOf[k];
  }
  return sum;
}
