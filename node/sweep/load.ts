/**
 * Reads a sweep file, its base scenario and design table, and builds the
 * validated plan. Every problem is a one-line input error naming the file and
 * the path inside it; nothing has run yet.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readJson } from '../../sim/scenario/safeJson';
import { parseScenarioText } from '../../sim/scenario/validate';
import { LIMITS } from '../../sim/validation/limits';
import { ParameterPathError } from '../../sim/sweep/paths';
import { buildPlan, SweepPlanError, type SweepPlan } from '../../sim/sweep/plan';
import { DesignTableError } from '../../sim/sweep/designs/index';
import { SWEEP_LIMITS } from '../../sim/sweep/limits';
import { parseSweepText } from '../../sim/sweep/validate';
import { errorLines } from '../cli/load';
import { readTextFile } from '../cli/readText';
import { inputError } from '../cli/errors';
import { bundledScenarioNames, displayPath, resolveScenarioPath } from '../cli/paths';

export interface LoadedSweep {
  plan: SweepPlan;
  /** Absolute path of the sweep file. */
  path: string;
  /** As shown to the user. */
  file: string;
  baseFile: string;
  /** sha256 (hex) of the sweep file, the base scenario and the design table: the sweep's identity. */
  fingerprint: string;
  /** The sweep file's JSON. */
  sweepJson: unknown;
}

/** The base scenario: relative to the sweep file's directory, else a bundled scenario name. */
function resolveBase(sweepFile: string, sweepDir: string, base: string): string {
  const local = resolve(sweepDir, base);
  if (existsSync(local)) return local;
  const bundled = resolveScenarioPath(base);
  if (existsSync(bundled)) return bundled;
  throw inputError(
    `${sweepFile}: base: expected a scenario file relative to the sweep file (${displayPath(local)}) or a bundled scenario name (${bundledScenarioNames().join(', ')}), got "${base}"`,
  );
}

export function loadSweepFile(arg: string, options: { validatePoints?: boolean } = {}): LoadedSweep {
  const path = resolve(arg);
  const file = displayPath(path);
  const text = readTextFile(path, 'sweep file', SWEEP_LIMITS.fileBytes);
  const parsed = parseSweepText(text);
  if (!parsed.ok) throw inputError(...errorLines(file, parsed.errors, /^scenario: /));
  const sweep = parsed.value;

  const basePath = resolveBase(file, dirname(path), sweep.base);
  const baseFile = displayPath(basePath);
  const baseText = readTextFile(basePath, 'base scenario file', LIMITS.fileBytes);
  const base = parseScenarioText(baseText);
  if (!base.ok) throw inputError(...errorLines(baseFile, base.errors));
  const raw = readJson(baseText, LIMITS.depth);
  if (!raw.ok) throw inputError(`${baseFile}: cannot read the base scenario`);

  let tableText: string | undefined;
  if (sweep.design.type === 'table') tableText = readTextFile(resolve(dirname(path), sweep.design.file), 'design table', 64 * 1024 * 1024);

  let plan: SweepPlan;
  try {
    plan = buildPlan(sweep, raw.value, tableText, options);
  } catch (err) {
    if (err instanceof ParameterPathError) {
      const i = sweep.parameters.findIndex((p) => p.path === err.path);
      throw inputError(`${file}: parameters[${i}].path: ${err.reason}`);
    }
    if (err instanceof SweepPlanError || err instanceof DesignTableError) throw inputError(`${file}: ${err.message}`);
    throw err;
  }
  const hash = createHash('sha256');
  for (const part of [text, baseText, tableText ?? '']) hash.update(part).update('\0');
  return { plan, path, file, baseFile, fingerprint: hash.digest('hex'), sweepJson: JSON.parse(text) as unknown };
}
