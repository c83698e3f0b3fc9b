/**
 * The scenarios the benchmark runs: the baseline, and scaled copies of it built
 * in code (10x the growers and organisations; 10x the ticks).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../sim/scenario/validate';
import type { Scenario } from '../sim/scenario/schema';
import { totalTicks } from '../sim/scenario/time';

export function readBaselineInput(root: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'scenarios', 'baseline.json'), 'utf8')) as Record<string, unknown>;
}

export function baseline(root: string): Scenario {
  return loadScenario(readBaselineInput(root));
}

/**
 * The baseline with `factor` times the growers in every region and the trafficking organisations,
 * on the same land and the same trade: each organisation starts a `factor`-th the size, so its loads
 * are a `factor`-th too (the same loads a shipment, and the same minimum viable scale in loads).
 */
export function moreAgents(base: Scenario, factor: number): Scenario {
  const s = structuredClone(base);
  s.name = `${base.name} (${factor}x agents)`;
  for (const r of s.regions) r.growers = r.growers * factor;
  s.traffickers.count *= factor;
  if (s.traffickers.maxCount !== undefined) s.traffickers.maxCount *= factor;
  s.behaviour.traffickers.loadKg /= factor;
  return loadScenario(s);
}

/** The baseline with `factor` times the ticks: burn-in and horizon both `factor` times longer, same months per tick. */
export function moreTicks(base: Scenario, factor: number): Scenario {
  const s = structuredClone(base);
  const startYear = Number(s.start.slice(0, 4));
  const endYear = Number(s.end.slice(0, 4));
  const years = endYear - startYear + 1;
  if (s.end.slice(5) !== '12' || s.start.slice(5) !== '01') throw new Error(`bench: expected the baseline to cover whole years, found ${s.start} to ${s.end}`);
  s.name = `${base.name} (${factor}x ticks)`;
  s.end = `${String(startYear + years * factor - 1).padStart(4, '0')}-12`;
  s.burnInYears = base.burnInYears * factor;
  const scaled = loadScenario(s);
  const want = totalTicks(base) * factor;
  if (totalTicks(scaled) !== want) throw new Error(`bench: expected ${want} ticks in the scaled scenario, found ${totalTicks(scaled)}`);
  return scaled;
}
