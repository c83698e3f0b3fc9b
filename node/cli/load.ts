/** Read and validate a scenario file; every problem becomes one line naming the file and the path inside it. */
import { existsSync } from 'node:fs';
import { parseScenarioText } from '../../sim/scenario/validate';
import { LIMITS } from '../../sim/validation/limits';
import { omittedErrors, type ScenarioError } from '../../sim/validation/errors';
import type { Scenario } from '../../sim/scenario/schema';
import { inputError } from './errors';
import { bundledScenarioNames, displayPath, isBareName, resolveScenarioPath } from './paths';
import { readTextFile } from './readText';

export interface LoadedScenario {
  scenario: Scenario;
  /** The path as shown to the user. */
  file: string;
  /** The absolute path. */
  path: string;
}

/** One line per error, and "and N more" when the validator listed only the first MAX_ERRORS. */
export function errorLines(file: string, errors: readonly ScenarioError[], strip?: RegExp): string[] {
  const lines = errors.map((e) => `${file}: ${strip ? e.message.replace(strip, '') : e.message}`);
  const more = omittedErrors(errors);
  if (more > 0) lines.push(`${file}: and ${more} more problem${more === 1 ? '' : 's'} not listed (fix these, then validate again)`);
  return lines;
}

export function loadScenarioFile(arg: string | undefined): LoadedScenario {
  const path = resolveScenarioPath(arg);
  const file = displayPath(path);
  if (arg !== undefined && isBareName(arg) && !existsSync(path)) {
    throw inputError(`${arg}: expected a scenario file or a bundled scenario name (${bundledScenarioNames().join(', ')}), got no such file or name`);
  }
  const parsed = parseScenarioText(readTextFile(path, 'scenario file', LIMITS.fileBytes));
  if (!parsed.ok) throw inputError(...errorLines(file, parsed.errors));
  return { scenario: parsed.value, file, path };
}
