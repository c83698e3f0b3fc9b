/**
 * Policy levers: which scheduled policies are active this tick, what money
 * they put where, and what that costs. Levers only provide money (or a budget
 * split); what the money achieves is decided by the agencies, growers and
 * traffickers that it reaches. What each kind does is in its module (sim/levers/).
 */
import type { World } from './world';
import type { WorldState } from './state';
import type { LeverInputs } from '../levers/inputs';
import { LEVER_MODULES, leverOf } from '../levers/registry';

export { createLeverInputs, type LeverInputs } from '../levers/inputs';

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

  for (const sp of world.policies) {
    if (!isActive(sp, state.tick)) continue;
    const p = sp.policy;
    const spendPerYear = leverOf(p.lever).apply(p, sp, world, inputs);
    const spend = spendPerYear / tpy;
    state.policySpendUsd[sp.index] = spend;
    if (sp.country >= 0) state.countrySpendUsd[sp.country] += spend;
    else if (sp.members.length > 0) for (const c of sp.members) state.countrySpendUsd[c] += spend / sp.members.length;
    state.accounts.spendUsd += spend;
  }
  for (const lever of LEVER_MODULES) lever.finish?.(world, inputs);
}
