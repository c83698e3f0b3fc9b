/** Shared fixtures of the sweep tests. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSweep } from '../../sim/sweep/validate';
import type { Sweep, SweepInput } from '../../sim/sweep/schema';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCENARIO_FIXTURE = join(ROOT, 'test', 'sweep', 'fixtures', 'tiny-scenario.json');
export const SWEEP_FIXTURE = join(ROOT, 'test', 'sweep', 'fixtures', 'small-lhs.json');

export function baseInput(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCENARIO_FIXTURE, 'utf8')) as Record<string, unknown>;
}

export function sweepOf(input: Partial<SweepInput> & Pick<SweepInput, 'parameters' | 'design'>): Sweep {
  const r = parseSweep({ name: 'test', base: 'x.json', ...input });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value;
}
