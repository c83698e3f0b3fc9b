/**
 * The baseline scenario's input with behaviour overrides merged in, for the measuring
 * scripts: `overrides` is JSON such as '{"growers":{"incomeSensitivity":1}}' (one object
 * per behaviour group; its keys replace the baseline's, the rest stay).
 */
import { readFileSync } from 'node:fs';

export function baselineInput(overrides?: string): { base: Record<string, unknown>; behaviour: Record<string, unknown> } {
  const base = JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')) as Record<string, unknown>;
  const behaviour: Record<string, unknown> = { ...((base.behaviour as object) ?? {}) };
  for (const [group, values] of Object.entries(overrides ? (JSON.parse(overrides) as Record<string, object>) : {})) {
    behaviour[group] = { ...((behaviour[group] as object) ?? {}), ...values };
  }
  return { base, behaviour };
}
