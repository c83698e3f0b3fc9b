/**
 * Policy levers: which scheduled policies are active this tick, what money
 * they put where, and what that costs. Levers only provide money (or a budget
 * split); what the money achieves is decided by the agencies, growers and
 * traffickers that it reaches.
 */
import type { World } from './world';
import type { WorldState } from './state';

/** Money per year (USD) that active levers put into each channel this tick. */
export interface LeverInputs {
  aidUsd: Float64Array; // capacity funding received, per recipient country
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
}

export function createLeverInputs(world: World): LeverInputs {
  const nC = world.countries.n;
  return {
    aidUsd: new Float64Array(nC),
    interdictionUsd: new Float64Array(nC),
    interdictionRouteUsd: new Float64Array(world.routes.n * 2),
    eradicationUsd: new Float64Array(nC),
    eradicationRegionUsd: new Float64Array(world.regions.n),
    altDevUsd: new Float64Array(world.regions.n),
    assetUsd: new Float64Array(nC),
    targetingUsd: new Float64Array(nC),
    preventionUsd: new Float64Array(nC),
    treatmentUsd: new Float64Array(nC),
    preventionShare: new Float64Array(nC),
    intelligenceUsd: new Float64Array(world.policies.length),
  };
}

export function isActive(p: { startTick: number; endTick: number }, tick: number): boolean {
  return tick >= p.startTick && tick <= p.endTick;
}

/** Fill `inputs` for this tick and book each active lever's spending. */
export function applyLevers(world: World, state: WorldState, inputs: LeverInputs): void {
  const tpy = world.ticksPerYear;
  for (const key of Object.keys(inputs) as (keyof LeverInputs)[]) inputs[key].fill(0);
  inputs.preventionShare.fill(-1);
  state.policySpendUsd.fill(0);
  state.countrySpendUsd.fill(0);
  const { countries, regions, routes } = world;

  for (const sp of world.policies) {
    if (!isActive(sp, state.tick)) continue;
    const p = sp.policy;
    let spendPerYear = 0;
    switch (p.lever) {
      case 'capacityFunding':
        inputs.aidUsd[sp.country] += p.budgetUsdPerYear;
        spendPerYear = p.budgetUsdPerYear;
        break;
      case 'enforcementVsPrevention': {
        inputs.preventionShare[sp.country] = p.preventionShare;
        const total = countries.enforcementBudgetUsd[sp.country] + countries.preventionBudgetUsd[sp.country];
        // The lever costs no new money: its cost is the budget it moves between the two uses.
        spendPerYear = Math.abs(total * p.preventionShare - countries.preventionBudgetUsd[sp.country]);
        break;
      }
      case 'eradication':
        if (sp.region >= 0) inputs.eradicationRegionUsd[sp.region] += p.budgetUsdPerYear;
        else inputs.eradicationUsd[sp.country] += p.budgetUsdPerYear;
        spendPerYear = p.budgetUsdPerYear;
        break;
      case 'interdiction':
        if (sp.route >= 0) {
          const side = routes.from[sp.route] === sp.country ? 0 : 1;
          inputs.interdictionRouteUsd[sp.route * 2 + side] += p.budgetUsdPerYear;
        } else inputs.interdictionUsd[sp.country] += p.budgetUsdPerYear;
        spendPerYear = p.budgetUsdPerYear;
        break;
      case 'intelligenceSharing':
        inputs.intelligenceUsd[sp.index] = p.budgetUsdPerYear;
        spendPerYear = p.budgetUsdPerYear;
        break;
      case 'alternativeDevelopment': {
        if (sp.region >= 0) inputs.altDevUsd[sp.region] += p.budgetUsdPerYear;
        else {
          const list = world.regionsOfCountry[sp.country];
          let land = 0;
          for (const r of list) land += regions.cultivableHa[r];
          for (const r of list) inputs.altDevUsd[r] += (p.budgetUsdPerYear * regions.cultivableHa[r]) / (land || 1);
        }
        spendPerYear = p.budgetUsdPerYear;
        break;
      }
      case 'assetSeizure':
        inputs.assetUsd[sp.country] += p.budgetUsdPerYear;
        spendPerYear = p.budgetUsdPerYear;
        break;
      case 'highValueTargeting':
        inputs.targetingUsd[sp.country] += p.budgetUsdPerYear;
        spendPerYear = p.budgetUsdPerYear;
        break;
      case 'prevention':
        inputs.preventionUsd[sp.country] += p.budgetUsdPerYear;
        spendPerYear = p.budgetUsdPerYear;
        break;
      case 'treatment':
        inputs.treatmentUsd[sp.country] += p.budgetUsdPerYear;
        spendPerYear = p.budgetUsdPerYear;
        break;
    }
    const spend = spendPerYear / tpy;
    state.policySpendUsd[sp.index] = spend;
    if (sp.country >= 0) state.countrySpendUsd[sp.country] += spend;
    else if (sp.members.length > 0) for (const c of sp.members) state.countrySpendUsd[c] += spend / sp.members.length;
    state.accounts.spendUsd += spend;
  }
}
