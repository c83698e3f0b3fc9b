/**
 * The channels through which active levers put money (or a budget split, or a cost rise) into
 * the model each tick. Levers only fill these; what the money achieves is decided by the
 * agencies, growers and organisations that read them.
 */
export interface LeverInputs {
  aidUsd: Float64Array; // capacity funding received, per recipient country
  policeBudgetUsd: Float64Array; // a government's own extra police budget, per country
  interdictionUsd: Float64Array; // per country, spread over its routes
  interdictionRouteUsd: Float64Array; // per route*2 (0 origin side, 1 destination side)
  eradicationUsd: Float64Array; // per country, spread over its regions
  eradicationRegionUsd: Float64Array; // per region
  altDevUsd: Float64Array; // per region
  assetUsd: Float64Array; // per country
  targetingUsd: Float64Array; // per country
  preventionUsd: Float64Array; // per country, extra
  treatmentUsd: Float64Array; // per country
  preventionShare: Float64Array; // per country, -1 = no override
  intelligenceUsd: Float64Array; // per policy, 0 when inactive
  precursorUsd: Float64Array; // precursor control, per country
  /** Relative rise of the production cost per kg in each region (0 = none), from precursor control. */
  productionCostRise: Float64Array;
}

export function createLeverInputs(world: { countries: { n: number }; regions: { n: number }; routes: { n: number }; policies: readonly unknown[] }): LeverInputs {
  const nC = world.countries.n;
  const nR = world.regions.n;
  return {
    aidUsd: new Float64Array(nC),
    policeBudgetUsd: new Float64Array(nC),
    interdictionUsd: new Float64Array(nC),
    interdictionRouteUsd: new Float64Array(world.routes.n * 2),
    eradicationUsd: new Float64Array(nC),
    eradicationRegionUsd: new Float64Array(nR),
    altDevUsd: new Float64Array(nR),
    assetUsd: new Float64Array(nC),
    targetingUsd: new Float64Array(nC),
    preventionUsd: new Float64Array(nC),
    treatmentUsd: new Float64Array(nC),
    preventionShare: new Float64Array(nC),
    intelligenceUsd: new Float64Array(world.policies.length),
    precursorUsd: new Float64Array(nC),
    productionCostRise: new Float64Array(nR),
  };
}
