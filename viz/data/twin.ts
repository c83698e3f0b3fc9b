/** The no-policy twin of a scenario: the same world on the same seeds with every policy removed. */
import type { Scenario } from '../../sim/scenario/schema';

export function twinOf(scenario: Scenario): Scenario {
  return { ...scenario, name: `${scenario.name} without policies`, policies: [] };
}
