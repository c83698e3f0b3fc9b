/** Shared fixtures of the calibration tests: a small world and synthetic "observed" series made by the model itself. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annualise, measureByTick } from '../../sim/analysis/extract';
import { runScenario } from '../../sim/run';
import { parseScenario } from '../../sim/scenario/validate';
import { ROOT } from '../cli/helpers';

export const SMALL = join(ROOT, 'test', 'fixtures', 'small-scenario.json');

/** Yearly COL cultivation of the small world with `behaviour`, mean over seeds 1..seeds, as an observed CSV. */
export function syntheticObserved(behaviour: Record<string, unknown>, seeds: number): string {
  const input = { ...(JSON.parse(readFileSync(SMALL, 'utf8')) as Record<string, unknown>), behaviour };
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors[0].message);
  const perSeed: number[][] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const r = runScenario(parsed.value, { seed });
    const m = measureByTick(r, 'cultivationHa', 'country')!;
    perSeed.push(annualise(m.values.get('COL')!, r.ticksPerYear, m.aggregation));
  }
  const lines = ['year,kind,entity,measure,value,unit,source'];
  perSeed[0].forEach((_, y) => lines.push(`${2000 + y},country,COL,cultivationHa,${perSeed.reduce((s, v) => s + v[y], 0) / seeds},ha,synthetic`));
  return `${lines.join('\n')}\n`;
}

export function writeJson(path: string, value: unknown): string {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}
