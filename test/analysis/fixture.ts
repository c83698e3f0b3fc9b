import { readFileSync } from 'node:fs';
import { scenarioSchema, type Scenario } from '../../sim/scenario/schema';
import { FIXTURE } from '../cli/helpers';

/** The small CLI fixture, validated with defaults filled (a fresh copy each call). */
export function fixture(): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
}
