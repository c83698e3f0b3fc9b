/**
 * Scarcity at the source as a whole: what consumers would buy at reference prices, over the world's harvest,
 * both smoothed like buyers' plans and taken relative to the first tick. One number for every producer region:
 * a harvest lost anywhere makes the drug scarcer for buyers everywhere, so it raises the farmgate price in every
 * region (the source market that links the producers), and growers elsewhere plant more.
 */
import type { World } from './world';
import type { WorldState } from './state';
import { referenceDemandByType } from './users';
import { demandSmoothingWeight } from './inventory';

/** Bounds of the scarcity ratio (a world without harvest, or without users, does not make the price infinite or zero). */
const MAX_SCARCITY = 10;

/** Consumers' demand at reference prices this tick, kg, over every market. */
function consumersDemandKg(world: World, state: WorldState): number {
  let kg = 0;
  for (let m = 0; m < world.markets.n; m++) {
    const byType = referenceDemandByType(world, state.markets, m);
    kg += byType.light + byType.heavy;
  }
  return kg;
}

/** Update the smoothed demand and harvest (after this tick's harvest) and return the scarcity ratio, 1 at the first tick. */
export function updateSourceScarcity(world: World, state: WorldState): number {
  const src = state.source;
  const demand = consumersDemandKg(world, state);
  let harvest = 0;
  for (let r = 0; r < world.regions.n; r++) harvest += state.regions.harvestKg[r];
  if (state.tick === 0) {
    src.demandKg = src.demandReferenceKg = demand;
    src.harvestKg = src.harvestReferenceKg = harvest;
    return 1;
  }
  const w = demandSmoothingWeight(world.ticksPerYear);
  src.demandKg += w * (demand - src.demandKg);
  src.harvestKg += w * (harvest - src.harvestKg);
  if (!(src.harvestKg > 0) || !(src.harvestReferenceKg > 0) || !(src.demandReferenceKg > 0)) return MAX_SCARCITY;
  const ratio = src.demandKg / src.demandReferenceKg / (src.harvestKg / src.harvestReferenceKg);
  return Math.min(MAX_SCARCITY, Math.max(1 / MAX_SCARCITY, ratio));
}
