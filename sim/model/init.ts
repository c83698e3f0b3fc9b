/**
 * The initial world state from the scenario's data. Growers' land and coca are
 * drawn around the regional figures; each region gets a fixed effect so that
 * its initial coca area is what growers would choose at the initial price.
 * Organisations get homes by the scenario's shares, a path through home, and
 * part of the routes near them.
 */
import type { World } from './world';
import { CHANNELS, emptyAccounts, type WorldState } from './state';
import { createStream, meanOneLognormal, normal, pickWeighted } from './rng';
import { initPresence } from './police';
import { createGrowerContext, MIN_OUTLAY_USD_PER_HA, refreshGrowerContext } from './growers';
import { refreshUsablePaths } from './traffickers';
import { spawnOrganisation } from './organisations';
import { referenceDemandKg } from './markets';
import { calibrateUsers, preventionTicks } from './users';
import { log } from '../math/detmath';
import { COST_CLASSES, levelOf } from './grower-tables';
import { ticksOfMonths, ticksPerMonth } from './time';

/** Log-sd of growers' land around the region's mean (then scaled so the region's land is the data's). */
const LAND_LOG_SD = 0.6;
/** Log-sd of growers' coca share of their land around the region's share (then scaled to the data's coca area). */
const COCA_SHARE_LOG_SD = 0.5;
/** Log-sd of organisations' initial capital around the scenario's initialCapitalUsd. */
const CAPITAL_LOG_SD = 1.0;
/** Without traffickers.maxCount, room for this many times the initial number of organisations. */
const SLOTS_PER_INITIAL_ORGANISATION = 4;
/** Bounds of a region's initial coca share of its land in the growers' calibration (keeps the log-odds finite). */
const MIN_CALIBRATED_COCA_SHARE = 0.002;
const MAX_CALIBRATED_COCA_SHARE = 0.98;
/** Stock an organisation starts with in its path's market, as a share of its capacity a tick (markets with a stock target are then scaled to it). */
const INITIAL_MARKET_STOCK_SHARE = 0.5;

export function createState(world: World, seed: number): WorldState {
  const { countries, regions, routes, markets } = world;
  const nC = countries.n;
  const nR = routes.n;
  const nGrowers = regions.growers.reduce((a, b) => a + b, 0);
  const capacity = world.scenario.traffickers.maxCount ?? world.scenario.traffickers.count * SLOTS_PER_INITIAL_ORGANISATION;
  const f64 = (n: number) => new Float64Array(n);

  const state: WorldState = {
    tick: 0,
    growers: {
      n: nGrowers,
      region: new Uint16Array(nGrowers),
      landHa: f64(nGrowers),
      cocaHa: f64(nGrowers),
      logSurvivalAt: f64(nGrowers),
      eradicationBelief: new Float32Array(nGrowers),
      costClass: new Uint8Array(nGrowers),
      regionBias: f64(regions.n),
    },
    regions: {
      cocaHa: f64(regions.n),
      matureHa: f64(regions.n),
      logSurvival: f64(regions.n),
      yieldFactor: new Float64Array(regions.n).fill(1),
      stockKg: f64(regions.n),
      farmgatePrice: f64(regions.n),
      expectedPrice: f64(regions.n),
      altDevStockUsd: f64(regions.n),
      presence: f64(regions.n),
      eradicationEffortUsd: f64(regions.n),
      eradicatedHa: f64(regions.n),
      harvestKg: f64(regions.n),
      soldKg: f64(regions.n),
      spoiledKg: f64(regions.n),
      demandKg: f64(regions.n),
      smoothedDemandKg: f64(regions.n),
      netbackUsdPerKg: f64(regions.n),
      netbackReference: f64(regions.n),
      otherDemand0Kg: f64(regions.n),
      demandRatioReference: f64(regions.n),
      otherSoldKg: f64(regions.n),
    },
    police: {
      capability: Float64Array.from(countries.capability0),
      trainingStockUsd: f64(nC),
      corruption: Float64Array.from(countries.corruption0),
      allocation: Float64Array.from(countries.allocation0),
      capacityUsd: f64(nC),
      interdictionUsd: f64(nC),
      investigationUsd: f64(nC),
      assetUsd: f64(nC),
      eradicationUsd: f64(nC),
      preventionUsd: Float64Array.from(countries.preventionBudgetUsd),
      treatmentUsd: f64(nC),
      results: f64(nC * CHANNELS),
      seizuresSeen: f64(nR * 2),
      seizuresKg: f64(nC),
      arrests: f64(nC),
      bribesUsd: f64(nC),
      confiscatedUsd: f64(nC),
    },
    violence: {
      index: f64(nC),
      fragmentations: f64(nC),
    },
    routes: {
      hazard: f64(nR),
      hazardFrom: f64(nR),
      hazardTo: f64(nR),
      seizureProbability: Float64Array.from(routes.baseSeizure),
      corruption: f64(nR),
      congestion: f64(nR).fill(1),
      publicRisk: Float64Array.from(routes.baseSeizure),
      flowKg: f64(nR),
      seizedKg: f64(nR),
      lostKg: f64(nR),
      lastFlowKg: f64(nR),
    },
    markets: {
      users: Float64Array.from(markets.users0),
      lightUsers: f64(markets.n),
      heavyUsers: f64(markets.n),
      treatedUsers: f64(markets.n),
      wholesalePrice: Float64Array.from(markets.wholesale0),
      expectedPrice: Float64Array.from(markets.wholesale0),
      preventionReached: f64(markets.n * (preventionTicks(world).lag + preventionTicks(world).effect)),
      initiation0: f64(markets.n),
      escalation0: f64(markets.n),
      sanctionUsdPerKg: f64(markets.n),
      sanctionCalibrated: false,
      deliveredCostUsd: f64(markets.n),
      deliveredCostReference: f64(markets.n),
      smoothedDemandKg: Float64Array.from(markets.users0, (users, m) => referenceDemandKg(world, users, m)),
      demandKg: f64(markets.n),
      offeredKg: f64(markets.n),
      consumedKg: f64(markets.n),
      heavyConsumedKg: f64(markets.n),
      heavyDemandShare: f64(markets.n),
    },
    traffickers: {
      capacity,
      alive: new Uint8Array(capacity),
      uid: new Int32Array(capacity),
      nextUid: 0,
      home: new Int32Array(capacity),
      capitalUsd: f64(capacity),
      scaleKg: f64(capacity),
      stockKg: f64(capacity * nC),
      knows: new Uint8Array(capacity * nR),
      belief: f64(capacity * nR),
      routeKg: f64(capacity * nR),
      routeIdleTicks: new Uint16Array(capacity * nR),
      loadsSent: f64(capacity * nR),
      loadsSeized: f64(capacity * nR),
      activityKg: f64(capacity * nC),
      unitCostUsd: f64(capacity),
      shippedKg: f64(capacity),
      salesKg: f64(capacity),
      pathKg: f64(world.paths.n),
      recentLoss: f64(capacity),
      usablePaths: new Int32Array(capacity * world.paths.n),
      usableCount: new Int32Array(capacity),
      rng: new Array(capacity).fill(null),
      revenueUsd: f64(capacity),
      purchasesUsd: f64(capacity),
      transportUsd: f64(capacity),
      bribesUsd: f64(capacity),
      confiscatedUsd: f64(capacity),
      payoutsUsd: f64(capacity),
    },
    source: { demandKg: 0, harvestKg: 0, demandReferenceKg: 0, harvestReferenceKg: 0 },
    trust: f64(world.policies.length),
    policySpendUsd: f64(world.policies.length),
    countrySpendUsd: f64(nC),
    accounts: emptyAccounts(),
    streams: {
      growers: regions.id.map((id) => createStream(seed, `growers:${id}`)),
      police: createStream(seed, 'police'),
      entry: createStream(seed, 'entry'),
    },
  };

  initPresence(world, state);
  initGrowers(world, state, seed);
  calibrateUsers(world, state);
  initTraffickers(world, state, seed);
  return state;
}

function initGrowers(world: World, state: WorldState, seed: number): void {
  const { regions } = world;
  const g = world.behaviour.growers;
  const gs = state.growers;
  let i0 = 0;
  for (let r = 0; r < regions.n; r++) {
    initRegionGrowers(world, state, seed, r, i0);
    i0 += regions.growers[r];
  }
  // Region fixed effects: at the initial price, the mean grower wants the initial share.
  const ctx = createGrowerContext(world);
  refreshGrowerContext(world, state, ctx);
  for (let r = 0; r < regions.n; r++) {
    const share = Math.min(MAX_CALIBRATED_COCA_SHARE, Math.max(MIN_CALIBRATED_COCA_SHARE, regions.initialCocaHa[r] / regions.cultivableHa[r]));
    const ratio =
      (ctx.cocaGrossUsdPerHa[r] + MIN_OUTLAY_USD_PER_HA) /
      (ctx.cocaCostUsdPerHa[r] + ctx.sanctionUsdPerHa[r] + ctx.licitUsdPerHa[r] + MIN_OUTLAY_USD_PER_HA);
    gs.regionBias[r] = log(share / (1 - share)) - g.incomeSensitivity * log(ratio);
  }
}

/**
 * Region r's growers, stored from index i0, and the region's initial aggregates. (A function of its
 * own, called per region, so that V8 enters its loops optimised: as inner loops of `initGrowers` they
 * were optimised on the stack and their code dropped at every exit in Chromium.)
 */
function initRegionGrowers(world: World, state: WorldState, seed: number, r: number, i0: number): void {
  const { regions } = world;
  const g = world.behaviour.growers;
  const gs = state.growers;
  const rg = state.regions;
  const price = g.initialFarmgatePriceUsdPerKg;
  const rng = createStream(seed, `growers:init:${regions.id[r]}`);
  const n = regions.growers[r];
  const share = regions.initialCocaHa[r] / regions.cultivableHa[r];
  let land = 0;
  let coca = 0;
  for (let i = i0; i < i0 + n; i++) {
    gs.region[i] = r;
    gs.landHa[i] = meanOneLognormal(LAND_LOG_SD, normal(rng));
    land += gs.landHa[i];
    const s = Math.min(1, share * meanOneLognormal(COCA_SHARE_LOG_SD, normal(rng)));
    gs.cocaHa[i] = s * gs.landHa[i];
    gs.costClass[i] = levelOf(rng(), COST_CLASSES);
  }
  const landScale = regions.cultivableHa[r] / land;
  for (let i = i0; i < i0 + n; i++) {
    gs.landHa[i] *= landScale;
    gs.cocaHa[i] *= landScale;
    coca += gs.cocaHa[i];
  }
  const cocaScale = coca > 0 ? regions.initialCocaHa[r] / coca : 0;
  let total = 0;
  for (let i = i0; i < i0 + n; i++) {
    gs.cocaHa[i] = Math.min(gs.landHa[i], gs.cocaHa[i] * cocaScale);
    total += gs.cocaHa[i];
  }
  rg.cocaHa[r] = total;
  rg.matureHa[r] = total;
  rg.farmgatePrice[r] = price;
  rg.expectedPrice[r] = price;
  const harvestKgPerTick = (total * regions.yieldKgPerHa[r]) / world.ticksPerYear;
  rg.smoothedDemandKg[r] = harvestKgPerTick;
  rg.stockKg[r] = harvestKgPerTick * g.stockTargetMonths * ticksPerMonth(world.ticksPerYear);
}

function initTraffickers(world: World, state: WorldState, seed: number): void {
  const { countries, routes, regions, paths } = world;
  const spec = world.scenario.traffickers;
  const nC = countries.n;
  const nR = routes.n;
  const rng = createStream(seed, 'traffickers:init');
  const to = state.traffickers;
  const homeWeights = countries.id.map((id) => spec.homeShares[id] ?? 0);
  const capitals: number[] = [];
  for (let i = 0; i < spec.count; i++) capitals.push(spec.initialCapitalUsd * meanOneLognormal(CAPITAL_LOG_SD, normal(rng)));
  const capitalSum = capitals.reduce((a, b) => a + b, 0);
  // Organisations start with the capacity to move the world's initial harvest, shared by capital.
  let harvest = 0;
  for (let r = 0; r < regions.n; r++) harvest += (regions.initialCocaHa[r] * regions.yieldKgPerHa[r]) / world.ticksPerYear;
  // ... and to expect sales of the markets' initial demand, shared the same way.
  let demand = 0;
  for (let m = 0; m < world.markets.n; m++) demand += referenceDemandKg(world, world.markets.users0[m], m);

  for (let i = 0; i < spec.count; i++) {
    const home = pickWeighted(rng, homeWeights);
    const k = spawnOrganisation(world, state, {
      home,
      capitalUsd: capitals[i],
      scaleKg: (harvest * capitals[i]) / capitalSum,
      salesKg: (demand * capitals[i]) / capitalSum,
      seed,
    });
    if (k < 0) break;
    // A path through home (or any path if none passes there) ...
    const through: number[] = [];
    for (let p = 0; p < paths.n; p++) {
      if (paths.origin[p] === home) through.push(p);
      else
        for (let j = 0; j < paths.legCount[p]; j++) {
          const l = paths.legs[paths.legStart[p] + j];
          if (routes.from[l] === home || routes.to[l] === home) {
            through.push(p);
            break;
          }
        }
    }
    const pool = through.length > 0 ? through : Array.from({ length: paths.n }, (_, p) => p);
    const path = pool[Math.floor(rng() * pool.length)];
    for (let j = 0; j < paths.legCount[path]; j++) to.knows[k * nR + paths.legs[paths.legStart[path] + j]] = 1;
    // ... and part of the routes touching the countries it already reaches.
    const reach = new Uint8Array(nC);
    reach[home] = 1;
    for (let l = 0; l < nR; l++) if (to.knows[k * nR + l]) reach[routes.from[l]] = reach[routes.to[l]] = 1;
    for (let l = 0; l < nR; l++) {
      if (to.knows[k * nR + l]) continue;
      if ((reach[routes.from[l]] || reach[routes.to[l]]) && rng() < spec.knownRouteShare) to.knows[k * nR + l] = 1;
    }
    refreshUsablePaths(world, state, k);
    // A tick of capacity waiting at the path's origin, and half as much in its market.
    to.stockKg[k * nC + paths.origin[path]] = to.scaleKg[k];
    to.stockKg[k * nC + world.markets.country[paths.market[path]]] = to.scaleKg[k] * INITIAL_MARKET_STOCK_SHARE;
  }
  if (world.behaviour.markets.stockTargetMonths > 0) coverMarkets(world, state);
}

/**
 * Markets priced by their stock cover start with their usual cover: the stock organisations were
 * given in each market is scaled (keeping their shares) to `stockTargetMonths` of the demand at the
 * reference price, so the first ticks are not a scramble to fill them.
 */
function coverMarkets(world: World, state: WorldState): void {
  const nC = world.countries.n;
  const to = state.traffickers;
  const target = ticksOfMonths(world.behaviour.markets.stockTargetMonths, world.ticksPerYear);
  for (let m = 0; m < world.markets.n; m++) {
    const c = world.markets.country[m];
    let held = 0;
    for (let k = 0; k < to.capacity; k++) if (to.alive[k]) held += to.stockKg[k * nC + c];
    if (!(held > 0)) continue;
    // Each organisation's share of what was held, times the cover (a ratio of the stocks first: the
    // cover over a tiny holding could overflow).
    const covered = state.markets.smoothedDemandKg[m] * target;
    for (let k = 0; k < to.capacity; k++) if (to.alive[k]) to.stockKg[k * nC + c] = (to.stockKg[k * nC + c] / held) * covered;
  }
}
