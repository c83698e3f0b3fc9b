/**
 * The mutable world state: everything a tick reads and writes. Many-agent parts
 * (growers, trafficking organisations) are struct-of-arrays; all of it is plain
 * data so a snapshot is a structured clone plus the random streams' states.
 */
import type { Random } from './rng';

export interface GrowerState {
  n: number;
  region: Uint16Array;
  landHa: Float64Array;
  /** Coca area at the grower's last decision; scale by the region's survival since then for the current area. */
  cocaHa: Float64Array;
  /** Region's cumulative log-survival to eradication at the grower's last decision. */
  logSurvivalAt: Float64Array;
  /** Believed share of coca lost to eradication per year. */
  eradicationBelief: Float32Array;
  /** Cost class, the individual multiplier on production cost (heterogeneity): see grower-tables.ts. */
  costClass: Uint8Array;
  /** Region fixed effect on the coca-versus-licit comparison, calibrated so the initial area is an equilibrium. */
  regionBias: Float64Array;
}

export interface RegionState {
  cocaHa: Float64Array; // planted
  matureHa: Float64Array; // yielding
  logSurvival: Float64Array; // cumulative log(1 - eradicated share)
  yieldFactor: Float64Array; // output per mature ha relative to the data's yield (intensification under eradication)
  stockKg: Float64Array; // unsold harvest (paste/base, cocaine equivalent)
  farmgatePrice: Float64Array; // USD/kg, clears TO purchases against stock
  expectedPrice: Float64Array; // what growers expect: smoothed local price
  altDevStockUsd: Float64Array;
  presence: Float64Array; // police presence 0..1
  eradicationEffortUsd: Float64Array; // per year, this tick
  // per-tick flows
  eradicatedHa: Float64Array;
  harvestKg: Float64Array;
  soldKg: Float64Array;
  spoiledKg: Float64Array;
  demandKg: Float64Array;
  smoothedDemandKg: Float64Array; // buyers' planned purchases (without stock-building), smoothed over three months
  /**
   * What a kilo at the region's origin country is worth to buyers (netback of their best paths at the
   * hurdle return, USD/kg), this tick and at the first tick (the reference its farmgate price is indexed to).
   */
  netbackUsdPerKg: Float64Array;
  netbackReference: Float64Array;
  /**
   * Demand of the markets the scenario does not model (South America, Africa, Asia, the rest of Europe, and
   * producers' own use), kg per tick at the initial farmgate price: calibrated on the first tick so that what
   * buyers want at the source equals the harvest (the initial data is an equilibrium).
   */
  otherDemand0Kg: Float64Array;
  /** Buyers' planned purchases over the harvest at the first tick: the ratio at which the farmgate price sits at its reference. */
  demandRatioReference: Float64Array;
  otherSoldKg: Float64Array; // per tick
}

/** Effort channels of a police agency, in this order in PoliceState.allocation and .results (CHANNELS per country). */
export const CHANNELS = 3;
export const INTERDICTION = 0;
export const INVESTIGATION = 1;
export const ERADICATION = 2;

export interface PoliceState {
  capability: Float64Array;
  trainingStockUsd: Float64Array;
  corruption: Float64Array;
  allocation: Float64Array; // nC*CHANNELS: interdiction, investigation, eradication
  capacityUsd: Float64Array; // effective enforcement per year
  interdictionUsd: Float64Array; // effective, per year
  investigationUsd: Float64Array;
  assetUsd: Float64Array;
  eradicationUsd: Float64Array;
  preventionUsd: Float64Array; // nominal, per year
  treatmentUsd: Float64Array;
  /** Smoothed results per channel (kg-equivalent removed per year), nC*3, for adaptive allocation. */
  results: Float64Array;
  /** Smoothed seizures seen by each country on each route (route-major: l*2 + 0 for origin country, +1 destination). */
  seizuresSeen: Float64Array;
  // per-tick flows
  seizuresKg: Float64Array;
  arrests: Float64Array;
  bribesUsd: Float64Array;
  confiscatedUsd: Float64Array;
}

/** What the violence phase keeps, per country. */
export interface ViolenceState {
  /** The violence index: bursts from splits and leader arrests, a level that competition sustains, fading at a fixed rate. */
  index: Float64Array;
  /** Organisations that split this tick, by home country (a per-tick flow, counted by the organisations phase). */
  fragmentations: Float64Array;
}

export interface RouteState {
  hazard: Float64Array; // enforcement hazard, excl. base
  hazardFrom: Float64Array;
  hazardTo: Float64Array;
  seizureProbability: Float64Array; // before bribes
  corruption: Float64Array; // mean corruption of the two ends: what bribes can buy
  congestion: Float64Array; // transit cost multiplier
  publicRisk: Float64Array; // seizure rate seen in the news (smoothed)
  // per-tick flows
  flowKg: Float64Array; // kg entering the leg
  seizedKg: Float64Array;
  lostKg: Float64Array;
  lastFlowKg: Float64Array;
}

export interface MarketState {
  /** Past-year users: light + heavy + in treatment (users.ts). */
  users: Float64Array;
  lightUsers: Float64Array;
  /** Heavy users not in treatment. */
  heavyUsers: Float64Array;
  /** Heavy users in a treatment episode. */
  treatedUsers: Float64Array;
  wholesalePrice: Float64Array; // USD/kg
  expectedPrice: Float64Array; // USD/kg, smoothed: what organisations plan with
  /** People reached by prevention beyond the initial budget, per tick, a ring of lag + effect ticks per market (market-major). */
  preventionReached: Float64Array;
  initiation0: Float64Array; // calibrated base initiation rate per year (per non-user)
  escalation0: Float64Array; // calibrated light -> heavy rate per year (per light user)
  /** Sanction cost per kg seized that organisations weigh on paths to each market (calibrated on the first tick). */
  sanctionUsdPerKg: Float64Array;
  sanctionCalibrated: boolean;
  /** Cost of delivering a kilo to the market at the hurdle return (smoothed), and its value at the first tick. */
  deliveredCostUsd: Float64Array;
  deliveredCostReference: Float64Array;
  /** Demand per tick, smoothed over a few months: what the market's stock cover is measured against. */
  smoothedDemandKg: Float64Array;
  // per-tick flows
  demandKg: Float64Array;
  offeredKg: Float64Array;
  consumedKg: Float64Array;
  /** Of consumedKg, what heavy users (in treatment or not) consumed: sales shared by the types' demand. */
  heavyConsumedKg: Float64Array;
  /** Heavy users' share of this tick's demand at the reference price. */
  heavyDemandShare: Float64Array;
}

export interface TraffickerState {
  capacity: number; // array size (max alive at once)
  alive: Uint8Array;
  uid: Int32Array; // unique id, never reused
  nextUid: number;
  home: Int32Array;
  capitalUsd: Float64Array;
  /** Organisational capacity, kg per tick it can move. */
  scaleKg: Float64Array;
  /** Stock by country, capacity*nC. */
  stockKg: Float64Array;
  /** Known routes (1/0), capacity*nR. */
  knows: Uint8Array;
  /**
   * Believed seizure probability per route, capacity*nR. Kept up to date for the routes the
   * organisation knows only (no one reads the others): learning a route sets its belief afresh.
   */
  belief: Float64Array;
  /** kg the organisation moved along each route this tick, capacity*nR (cleared as its loads are). */
  routeKg: Float64Array;
  /** Ticks since the organisation last used each route it knows (see ROUTE_USE_SHARE in traffickers.ts; 0 when it learns one), capacity*nR. */
  routeIdleTicks: Uint16Array;
  /** Loads sent and seized this tick per route (own observations), capacity*nR. */
  loadsSent: Float64Array;
  loadsSeized: Float64Array;
  /** kg moved through each country this tick (visibility to police), capacity*nC. */
  activityKg: Float64Array;
  /** kg shipped last tick (all paths). */
  shippedKg: Float64Array;
  /** kg organisations planned on each path of the world (world.paths) at the last plan: what weights the delivered cost. */
  pathKg: Float64Array;
  /** Sales the organisation expects a tick: kg it sold in consumer markets, smoothed over three months (what it buys for). */
  salesKg: Float64Array;
  /** Expected cost per kg shipped (purchase + transport + bribes) at the last plan; 0 when not shipping. */
  unitCostUsd: Float64Array;
  /** Smoothed share of shipments lost to seizures. */
  recentLoss: Float64Array;
  /** Paths usable with the routes known, recomputed when knowledge changes: capacity*maxPaths, with counts. */
  usablePaths: Int32Array;
  usableCount: Int32Array;
  /** Per-organisation random streams (null for free slots). */
  rng: (Random | null)[];
  // per-tick money flows (per organisation), for the money balance
  revenueUsd: Float64Array;
  purchasesUsd: Float64Array;
  transportUsd: Float64Array;
  bribesUsd: Float64Array;
  confiscatedUsd: Float64Array;
  payoutsUsd: Float64Array;
}

/** World-level accounts of one tick (mass in kg cocaine equivalent, money in USD). */
export interface TickAccounts {
  producedKg: number;
  consumedKg: number;
  seizedKg: number;
  lostKg: number;
  stocksKg: number;
  stocksBeforeKg: number;
  revenueUsd: number;
  purchasesUsd: number;
  transportUsd: number;
  bribesUsd: number;
  confiscatedUsd: number;
  payoutsUsd: number;
  entryCapitalUsd: number;
  capitalBeforeUsd: number;
  capitalUsd: number;
  spendUsd: number;
}

/** Scarcity at the source as a whole (sourceScarcity.ts): consumers' demand at reference prices and the world harvest, smoothed, and both at the first tick (kg a tick). */
export interface SourceState {
  demandKg: number;
  harvestKg: number;
  demandReferenceKg: number;
  harvestReferenceKg: number;
}

export interface WorldState {
  tick: number;
  growers: GrowerState;
  regions: RegionState;
  police: PoliceState;
  violence: ViolenceState;
  routes: RouteState;
  markets: MarketState;
  traffickers: TraffickerState;
  source: SourceState;
  /** Trust of each intelligence-sharing policy's partners, 0..1 (indexed by policy). */
  trust: Float64Array;
  /** Spend of each policy this tick, USD. */
  policySpendUsd: Float64Array;
  /** Spend per country this tick (recipient/target), USD. */
  countrySpendUsd: Float64Array;
  accounts: TickAccounts;
  streams: {
    growers: Random[]; // one per region
    police: Random;
    entry: Random;
  };
}

export function emptyAccounts(): TickAccounts {
  return {
    producedKg: 0,
    consumedKg: 0,
    seizedKg: 0,
    lostKg: 0,
    stocksKg: 0,
    stocksBeforeKg: 0,
    revenueUsd: 0,
    purchasesUsd: 0,
    transportUsd: 0,
    bribesUsd: 0,
    confiscatedUsd: 0,
    payoutsUsd: 0,
    entryCapitalUsd: 0,
    capitalBeforeUsd: 0,
    capitalUsd: 0,
    spendUsd: 0,
  };
}
