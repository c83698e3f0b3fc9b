/** Worlds for the workshop's Node tests: the small fixtures of test/fixtures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../sim/scenario/schema';
import { parseScenarioText } from '../../sim/scenario/validate';

export function fixture(name: 'small-scenario' | 'two-producers'): Scenario {
  const parsed = parseScenarioText(readFileSync(join(import.meta.dirname, '..', 'fixtures', `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors[0].message);
  return parsed.value;
}
