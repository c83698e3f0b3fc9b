/**
 * Counterfactual scenarios: the same world with one policy, or every policy of one
 * lever kind, switched off. Run both on the same seeds to get paired differences.
 */
import type { LeverKind, Policy, Scenario } from '../scenario/schema';
import { policyPlace } from '../levers/words';

/** A short human label for a policy, e.g. "eradication COL" or its own label. */
export function policyLabel(policy: Policy, index: number): string {
  if (policy.label) return policy.label;
  return `#${index} ${policy.lever} ${policyPlace(policy)}`;
}

/** The scenario without `policies[index]`. Throws RangeError for an index that does not exist. */
export function withoutPolicy(scenario: Scenario, index: number): Scenario {
  if (!Number.isInteger(index) || index < 0 || index >= scenario.policies.length) {
    throw new RangeError(`policies[${index}]: expected an index in [0, ${scenario.policies.length - 1}], got ${index}`);
  }
  return {
    ...scenario,
    name: `${scenario.name} without ${policyLabel(scenario.policies[index], index)}`,
    policies: scenario.policies.filter((_, i) => i !== index),
  };
}

/** The scenario without any policy of lever `kind`. Throws RangeError if it has none. */
export function withoutLever(scenario: Scenario, kind: LeverKind): Scenario {
  const kept = scenario.policies.filter((p) => p.lever !== kind);
  if (kept.length === scenario.policies.length) {
    throw new RangeError(`policies: expected at least one "${kind}" lever, got none`);
  }
  return { ...scenario, name: `${scenario.name} without ${kind}`, policies: kept };
}
