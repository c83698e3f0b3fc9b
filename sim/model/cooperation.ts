/**
 * Intelligence sharing between partner agencies. Trust grows while partners
 * cooperate (faster with a larger liaison budget) and is eroded by their
 * corruption; it raises interdiction efficiency on routes between members.
 */
import type { World } from './world';
import type { WorldState } from './state';
import type { LeverInputs } from './levers';

/** Share of trust lost a year, beyond what corruption erodes, while an intelligence-sharing programme has no budget. */
const UNFUNDED_TRUST_LOSS_PER_YEAR = 0.5;

export function updateTrust(world: World, state: WorldState, levers: LeverInputs): void {
  const b = world.behaviour.police;
  const tpy = world.ticksPerYear;
  for (const sp of world.policies) {
    if (sp.policy.lever !== 'intelligenceSharing') continue;
    const budget = levers.intelligenceUsd[sp.index];
    let corruption = 0;
    for (const c of sp.members) corruption += state.police.corruption[c];
    corruption /= sp.members.length;
    const trust = state.trust[sp.index];
    const engagement = budget / (budget + b.intelligenceUsdHalf);
    const gain = b.trustGainPerYear * engagement * (1 - trust);
    // Without an active programme trust fades faster than corruption alone would make it.
    const loss = (b.trustCorruptionLoss * corruption + (budget > 0 ? 0 : UNFUNDED_TRUST_LOSS_PER_YEAR)) * trust;
    state.trust[sp.index] = Math.min(1, Math.max(0, trust + (gain - loss) / tpy));
  }
}

/** Interdiction efficiency multiplier on route `l` from the best intelligence-sharing group covering both ends. */
export function intelligenceMultiplier(world: World, state: WorldState, l: number): number {
  let best = 0;
  const from = world.routes.from[l];
  const dest = world.routes.to[l];
  for (const sp of world.policies) {
    if (sp.policy.lever !== 'intelligenceSharing') continue;
    const trust = state.trust[sp.index];
    if (trust <= best) continue;
    if (sp.members.includes(from) && sp.members.includes(dest)) best = trust;
  }
  return 1 + world.behaviour.police.intelligenceBonus * best;
}
