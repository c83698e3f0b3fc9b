/**
 * Law-enforcement agencies, one per country. Capability (training, equipment,
 * integrity) grows with capacity funding through a lagged stock, limited by the
 * country's absorptive capacity, and decays without it. Corruption wastes effort.
 * Each agency splits its effective effort between interdiction (on the routes
 * through its territory, weighted by where it has seen seizures), investigation
 * (arrests, asset confiscation) and eradication (weighted by accessible coca).
 */
import type { World } from './world';
import { CHANNELS, ERADICATION, INTERDICTION, INVESTIGATION, type WorldState } from './state';
import type { LeverInputs } from './levers';
import { updateTrust, intelligenceMultiplier } from './cooperation';
import { exp } from '../math/detmath';
import { keptEachTick } from './time';

/** Absorptive capacity per unit of governance: aid beyond it brings ever less (USD/yr). */
const ABSORPTIVE_USD_PER_GOVERNANCE = 1.5e9;
/** Share of investigation effort that also goes after assets without an asset-seizure lever. */
const BASE_ASSET_SHARE = 0.25;
/**
 * Share of an agency's remembered yearly results that survives a month (the rest is replaced by this
 * month's results): a memory of about ten months.
 */
const RESULTS_KEPT_PER_MONTH = 0.9;
/** Share of the seizures police have seen on a route that they still remember a month later: a memory of about ten months. */
const SEIZURES_SEEN_KEPT_PER_MONTH = 0.9;
/** Smallest effort share a channel's results are divided by, so a channel barely used shows no huge result per dollar. */
const MIN_SHARE_FOR_RESULTS = 0.02;
/** Least share of effort adaptation aims a channel at: every channel keeps some effort, so its results stay seen. */
const MIN_TARGET_SHARE = 0.05;
/** Interdiction weight of every route beside the seizures seen on it: this share of the mean seizures seen a route. */
const ROUTE_FLOOR_SHARE = 0.25;
/** Share of the coca of the remotest region (remoteness 1) that eradicators cannot reach; half as much at remoteness ½. */
const REMOTE_COCA_OUT_OF_REACH = 0.5;

export function updatePolice(world: World, state: WorldState, levers: LeverInputs): void {
  const { countries } = world;
  const b = world.behaviour.police;
  const tpy = world.ticksPerYear;
  const police = state.police;

  for (let c = 0; c < countries.n; c++) {
    // Capability: a stock of absorbed training and equipment.
    const aid = levers.aidUsd[c];
    const absorptive = ABSORPTIVE_USD_PER_GOVERNANCE * countries.governance[c] + 1;
    const absorbed = absorptive * (1 - exp(-(aid * (1 - b.operationalShareOfAid)) / absorptive));
    const stock = police.trainingStockUsd[c] * (1 - b.capabilityDecayPerYear / tpy) + absorbed / tpy;
    police.trainingStockUsd[c] = stock;
    const base = countries.capability0[c];
    police.capability[c] = base + (1 - base) * (stock / (stock + b.capabilityHalfStockUsd));

    // Corruption drifts up with bribes received (relative to GDP) and back to its base level.
    const bribesPerYear = police.bribesUsd[c] * tpy;
    const corr = police.corruption[c];
    const pressure = (b.bribeCorruptionGain * bribesPerYear) / countries.gdpUsd[c];
    const next = corr + (pressure * (1 - corr)) / tpy - (b.corruptionReversion * (corr - countries.corruption0[c])) / tpy;
    police.corruption[c] = Math.min(1, Math.max(0, next));

    // Budget split between enforcement and prevention.
    const ownEnforcement = countries.enforcementBudgetUsd[c] + levers.policeBudgetUsd[c];
    const ownPrevention = countries.preventionBudgetUsd[c];
    let enforcement = ownEnforcement;
    let prevention = ownPrevention;
    const share = levers.preventionShare[c];
    if (share >= 0) {
      const total = ownEnforcement + ownPrevention;
      enforcement = total * (1 - share);
      prevention = total * share;
    }
    const efficiency = agencyEfficiency(world, state, c);
    const operational = enforcement + aid * b.operationalShareOfAid;
    const capacity = operational * efficiency;
    police.capacityUsd[c] = capacity;

    if (countries.adaptive[c]) adaptAllocation(police.allocation, police.results, c, b.adaptationRate, world.regionsOfCountry[c].length > 0);
    const a = c * CHANNELS;
    police.interdictionUsd[c] = capacity * police.allocation[a + INTERDICTION] + levers.interdictionUsd[c] * efficiency;
    const investigation = capacity * police.allocation[a + INVESTIGATION];
    police.investigationUsd[c] = investigation + levers.targetingUsd[c] * efficiency;
    police.assetUsd[c] = investigation * BASE_ASSET_SHARE + levers.assetUsd[c] * efficiency;
    police.eradicationUsd[c] = capacity * police.allocation[a + ERADICATION] + levers.eradicationUsd[c] * efficiency;
    police.preventionUsd[c] = prevention + levers.preventionUsd[c];
    police.treatmentUsd[c] = levers.treatmentUsd[c];
  }

  updateTrust(world, state, levers);
  allocateInterdiction(world, state, levers);
  allocateEradication(world, state, levers);
}

/** Shift effort shares towards the channels that have shown more results per dollar. */
function adaptAllocation(allocation: Float64Array, results: Float64Array, c: number, rate: number, canEradicate: boolean): void {
  const a = c * CHANNELS;
  const channels = canEradicate ? CHANNELS : CHANNELS - 1; // eradication is the last channel
  let totalPerUsd = 0;
  const perUsd = [0, 0, 0];
  for (let k = 0; k < channels; k++) {
    perUsd[k] = results[a + k] / Math.max(allocation[a + k], MIN_SHARE_FOR_RESULTS);
    totalPerUsd += perUsd[k];
  }
  if (totalPerUsd <= 0) return;
  let sum = 0;
  for (let k = 0; k < channels; k++) {
    const target = MIN_TARGET_SHARE + (1 - MIN_TARGET_SHARE) * (perUsd[k] / totalPerUsd);
    allocation[a + k] += rate * (target - allocation[a + k]);
    sum += allocation[a + k];
  }
  for (let k = 0; k < CHANNELS; k++) allocation[a + k] = k < channels ? allocation[a + k] / sum : 0;
}

/** Most seizure hazard that enforcement can add on one leg (a 63% seizure probability). */
const MAX_INTERDICTION_HAZARD = 1;

/** Seizure hazard from effective effort on a leg (USD/yr), with diminishing returns. */
export function interdictionHazard(effortUsd: number, usdPerHazard: number): number {
  return MAX_INTERDICTION_HAZARD * (1 - exp(-effortUsd / (usdPerHazard * MAX_INTERDICTION_HAZARD)));
}

/** Spread each country's interdiction effort over its routes and turn it into seizure hazards. */
function allocateInterdiction(world: World, state: WorldState, levers: LeverInputs): void {
  const { routes } = world;
  const b = world.behaviour.police;
  const police = state.police;
  const rs = state.routes;
  rs.hazardFrom.fill(0);
  rs.hazardTo.fill(0);
  const fade = keptEachTick(SEIZURES_SEEN_KEPT_PER_MONTH, world.ticksPerYear);
  for (let i = 0; i < police.seizuresSeen.length; i++) police.seizuresSeen[i] *= fade;
  for (let c = 0; c < world.countries.n; c++) {
    const list = world.routesOfCountry[c];
    if (list.length === 0) continue;
    // Police put effort where they have seen seizures, with a floor so no route is ignored.
    let seenTotal = 0;
    for (const l of list) seenTotal += police.seizuresSeen[l * 2 + (routes.from[l] === c ? 0 : 1)];
    const floor = seenTotal > 0 ? (ROUTE_FLOOR_SHARE * seenTotal) / list.length : 1;
    let weightTotal = 0;
    for (const l of list) weightTotal += police.seizuresSeen[l * 2 + (routes.from[l] === c ? 0 : 1)] + floor;
    const effort = police.interdictionUsd[c];
    for (const l of list) {
      const side = routes.from[l] === c ? 0 : 1;
      const w = (police.seizuresSeen[l * 2 + side] + floor) / weightTotal;
      const hazard = interdictionHazard(effort * w, b.interdictionUsdPerHazard);
      if (side === 0) rs.hazardFrom[l] += hazard;
      else rs.hazardTo[l] += hazard;
    }
  }
  for (let l = 0; l < routes.n; l++) {
    const efficiencyFrom = state.police.capability[routes.from[l]] * (1 - b.corruptionWaste * police.corruption[routes.from[l]]);
    const efficiencyTo = state.police.capability[routes.to[l]] * (1 - b.corruptionWaste * police.corruption[routes.to[l]]);
    rs.hazardFrom[l] += interdictionHazard(levers.interdictionRouteUsd[l * 2] * efficiencyFrom, b.interdictionUsdPerHazard);
    rs.hazardTo[l] += interdictionHazard(levers.interdictionRouteUsd[l * 2 + 1] * efficiencyTo, b.interdictionUsdPerHazard);
    const intel = intelligenceMultiplier(world, state, l);
    rs.hazardFrom[l] *= intel;
    rs.hazardTo[l] *= intel;
    rs.hazard[l] = rs.hazardFrom[l] + rs.hazardTo[l];
    // The hazard applies to each crossing of the leg, whatever the tick length.
    rs.seizureProbability[l] = 1 - (1 - routes.baseSeizure[l]) * exp(-rs.hazard[l]);
    rs.corruption[l] = 0.5 * (police.corruption[routes.from[l]] + police.corruption[routes.to[l]]);
  }
}

/** Spread eradication effort over regions by accessible coca, and set police presence. */
function allocateEradication(world: World, state: WorldState, levers: LeverInputs): void {
  const police = state.police;
  const rg = state.regions;
  rg.eradicationEffortUsd.fill(0);
  for (let c = 0; c < world.countries.n; c++) {
    const list = world.regionsOfCountry[c];
    if (list.length === 0) continue;
    const total = totalAccessibleCocaHa(world, state, list);
    const effort = police.eradicationUsd[c];
    const efficiency = agencyEfficiency(world, state, c);
    for (const r of list) {
      const w = shareOfAccessibleCoca(world, state, r, total, list.length);
      rg.eradicationEffortUsd[r] = effort * w + levers.eradicationRegionUsd[r] * efficiency;
    }
  }
  setPresence(world, state);
}

/** Coca eradicators can reach in regions `list` (ha). */
function totalAccessibleCocaHa(world: World, state: WorldState, list: readonly number[]): number {
  let total = 0;
  for (const r of list) total += accessibleCocaHa(world, state, r);
  return total;
}

/** Coca eradicators can reach in region r (ha). */
function accessibleCocaHa(world: World, state: WorldState, r: number): number {
  return state.regions.cocaHa[r] * (1 - REMOTE_COCA_OUT_OF_REACH * world.regions.remoteness[r]);
}

/**
 * Region r's share of its country's field effort: its share of the `totalHa` accessible coca of the country's
 * `regionCount` coca regions, or an even share while they have none.
 */
function shareOfAccessibleCoca(world: World, state: WorldState, r: number, totalHa: number, regionCount: number): number {
  return totalHa > 0 ? accessibleCocaHa(world, state, r) / totalHa : 1 / regionCount;
}

/** Share of a USD of effort that reaches the field in country c: capability, less what corruption wastes. */
export function agencyEfficiency(world: World, state: WorldState, c: number): number {
  return state.police.capability[c] * (1 - world.behaviour.police.corruptionWaste * state.police.corruption[c]);
}

/**
 * Police presence in each coca region (0..1), which deters growers through sanctions: territorial control,
 * the agency's own field effort (its capacity times the share it gives the coca regions) per ha of the region's
 * land it can reach, spread over the regions by that land. It does not depend on how much coca there is, so a
 * region that plants more does not thin out the police there. Eradication levers' money buys spraying, not
 * presence: the causal evidence on spraying (docs/calibration.md) measures hectares sprayed, while territorial
 * control comes with the agency's capacity, which capacity funding raises.
 */
export function setPresence(world: World, state: WorldState): void {
  const b = world.behaviour.police;
  const rg = state.regions;
  const police = state.police;
  const { regions } = world;
  for (let c = 0; c < world.countries.n; c++) {
    const list = world.regionsOfCountry[c];
    if (list.length === 0) continue;
    let reachable = 0;
    for (const r of list) reachable += reachableLandHa(world, r);
    const field = police.capacityUsd[c] * police.allocation[c * CHANNELS + ERADICATION];
    for (const r of list) {
      // The region's share of the field effort is its share of the reachable land; per ha of its land:
      const perHa = (field * reachableLandHa(world, r)) / reachable / regions.cultivableHa[r];
      rg.presence[r] = 1 - exp(-perHa / b.presenceUsdPerHa);
    }
  }
}

/** Land of region r the police can reach (ha): as for coca, less of it the remoter the region. */
function reachableLandHa(world: World, r: number): number {
  return world.regions.cultivableHa[r] * (1 - REMOTE_COCA_OUT_OF_REACH * world.regions.remoteness[r]);
}

/**
 * The agencies' capacity and the police presence of the first tick, before any lever, so that the growers'
 * initial equilibrium (init.ts) already includes the sanctions they face.
 */
export function initPresence(world: World, state: WorldState): void {
  for (let c = 0; c < world.countries.n; c++) {
    state.police.capacityUsd[c] = world.countries.enforcementBudgetUsd[c] * agencyEfficiency(world, state, c);
  }
  setPresence(world, state);
}

/**
 * Feed agencies' view of their own results (for adaptive allocation): per country, remembered yearly
 * seizures (kg), arrests (as kg of the mean organisation's scale) and eradication (kg of coca not grown).
 */
export function recordPoliceResults(world: World, state: WorldState): void {
  const tpy = world.ticksPerYear;
  const p = state.police;
  const w = 1 - keptEachTick(RESULTS_KEPT_PER_MONTH, tpy);
  const eradicatedKg = new Float64Array(world.countries.n);
  for (let r = 0; r < world.regions.n; r++) {
    // Agencies see the hectares they sprayed or cut (what they report), not how much of the coca on them died.
    eradicatedKg[world.regions.country[r]] += state.regions.eradicatedHa[r] * world.regions.yieldKgPerHa[r] * state.regions.yieldFactor[r];
  }
  const organisations = state.traffickers;
  let scale = 0;
  let alive = 0;
  for (let k = 0; k < organisations.capacity; k++) if (organisations.alive[k]) (scale += organisations.scaleKg[k]), alive++;
  const meanScale = alive > 0 ? scale / alive : 0;
  for (let c = 0; c < world.countries.n; c++) {
    p.results[c * CHANNELS + INTERDICTION] += w * (p.seizuresKg[c] * tpy - p.results[c * CHANNELS + INTERDICTION]);
    p.results[c * CHANNELS + INVESTIGATION] += w * (p.arrests[c] * meanScale * tpy - p.results[c * CHANNELS + INVESTIGATION]);
    p.results[c * CHANNELS + ERADICATION] += w * (eradicatedKg[c] - p.results[c * CHANNELS + ERADICATION]);
  }
}
