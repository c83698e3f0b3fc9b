/**
 * Workshop fidelity: the same world with fewer grower agents (each farming a larger
 * share of the same land), so a re-run is quick enough to answer while the room
 * watches. The full-fidelity run follows in the background and replaces it.
 */
import type { Scenario } from '../scenario/schema';

export type Fidelity = 'workshop' | 'full';

/** Growers per region are divided by this in workshop fidelity. */
export const GROWER_DIVISOR = 4;

export function atFidelity(scenario: Scenario, fidelity: Fidelity): Scenario {
  if (fidelity === 'full') return scenario;
  return { ...scenario, regions: scenario.regions.map((r) => ({ ...r, growers: Math.max(1, Math.ceil(r.growers / GROWER_DIVISOR)) })) };
}
