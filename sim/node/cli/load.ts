/** Read and validate a scenario file; every problem becomes one line naming the file and the path inside it. */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { parseScenarioText } from '../../scenario/validate';
import { LIMITS } from '../../scenario/limits';
import { utf8Problem } from '../../scenario/utf8';
import { omittedErrors, type ScenarioError } from '../../scenario/errors';
import type { Scenario } from '../../scenario/schema';
import { describeFsError, inputError } from './errors';
import { bundledScenarioNames, isBareName, resolveScenarioPath } from './paths';

export interface LoadedScenario {
  scenario: Scenario;
  /** The path as shown to the user. */
  file: string;
  /** The absolute path. */
  path: string;
}

/** A short name for messages: relative to the working directory when that is shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
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
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw inputError(`${file}: expected a scenario file, found a directory or device`);
    size = stat.size;
  } catch (err) {
    if (err instanceof Error && 'lines' in err) throw err;
    if (arg !== undefined && isBareName(arg) && (err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw inputError(`${arg}: expected a scenario file or a bundled scenario name (${bundledScenarioNames().join(', ')}), got no such file or name`);
    }
    throw inputError(`${file}: cannot read the scenario file (${describeFsError(err)})`);
  }
  if (size > LIMITS.fileBytes) {
    throw inputError(`${file}: expected a scenario file of at most ${LIMITS.fileBytes} bytes, got ${size} bytes`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw inputError(`${file}: cannot read the scenario file (${describeFsError(err)})`);
  }
  const notText = utf8Problem(bytes);
  if (notText) throw inputError(`${file}: ${notText}`);
  const text = bytes.toString('utf8');
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw inputError(...errorLines(file, parsed.errors));
  return { scenario: parsed.value, file, path };
}
