/**
 * Paired runs: two scenarios on the same seeds, so that differences between them
 * are due to the scenario change and not to a different draw of the agents.
 * Only what `extract` keeps is held in memory, not whole series.
 */
import { runScenario } from '../run';
import type { RunResult } from '../results/types';
import type { Scenario } from '../scenario/schema';

export type Runner = (scenario: Scenario, seed: number) => RunResult;

export const defaultRunner: Runner = (scenario, seed) => runScenario(scenario, { seed });

/** `count` consecutive seeds from `first` upward (wrapping at 2^32). */
export function seedsFrom(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (first + i) >>> 0);
}

export interface Pair<T> {
  seed: number;
  a: T;
  b: T;
}

export function runPaired<T>(
  a: Scenario,
  b: Scenario,
  seeds: readonly number[],
  extract: (result: RunResult, which: 'a' | 'b') => T,
  runner: Runner = defaultRunner,
  onRun?: (done: number, total: number) => void,
): Pair<T>[] {
  const pairs: Pair<T>[] = [];
  let done = 0;
  for (const seed of seeds) {
    const ra = extract(runner(a, seed), 'a');
    onRun?.(++done, seeds.length * 2);
    const rb = extract(runner(b, seed), 'b');
    onRun?.(++done, seeds.length * 2);
    pairs.push({ seed, a: ra, b: rb });
  }
  return pairs;
}
