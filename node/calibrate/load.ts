/**
 * Reads a targets file, the scenarios and observed files it names, and resolves
 * them into the spec the workers evaluate. Every problem is a one-line input
 * error naming the file and the path inside it; nothing has run yet.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readJson } from '../../sim/scenario/safeJson';
import { parseScenarioText } from '../../sim/scenario/validate';
import { LIMITS } from '../../sim/validation/limits';
import { CALIBRATION_LIMITS } from '../../sim/calibration/limits';
import { resolveTargets, type ReadObserved, type ReadScenario } from '../../sim/calibration/resolve';
import type { Targets } from '../../sim/calibration/schema';
import type { CalibrationSpec } from '../../sim/calibration/spec';
import { parseTargetsText } from '../../sim/calibration/validate';
import { inputError } from '../cli/errors';
import { bundledScenarioNames, displayPath, isBareName, resolveScenarioPath } from '../cli/paths';
import { readTextFile } from '../cli/readText';

export interface LoadedCalibration {
  /** Absolute path of the targets file. */
  path: string;
  /** As shown to the user. */
  file: string;
  targets: Targets;
  spec: CalibrationSpec;
  /** sha256 of the targets file, its scenarios and observed files: the calibration's identity. */
  fingerprint: string;
}

/** A scenario reference: relative to the targets file's directory, else a bundled scenario name. */
function scenarioPath(dir: string, ref: string, file: string, where: string): string {
  const local = resolve(dir, ref);
  if (existsSync(local)) return local;
  const bundled = resolveScenarioPath(ref);
  if (existsSync(bundled)) return bundled;
  const names = isBareName(ref) ? ` or a bundled scenario name (${bundledScenarioNames().join(', ')})` : '';
  throw inputError(`${file}: ${where}: expected a scenario file relative to ${displayPath(dir) || '.'}${names}, got "${ref}" (no such file)`);
}

/** Command-line overrides of the file's search size. */
export interface CalibrationOverrides {
  /** Candidates of the search stages in all: half the Latin hypercube, the rest shared by the rounds. */
  budget?: number;
  /** Seeds per candidate. */
  seeds?: number;
}

export function withOverrides(t: Targets, o: CalibrationOverrides): Targets {
  const out: Targets = { ...t, search: { ...t.search, final: { ...t.search.final } } };
  if (o.seeds !== undefined) out.seeds = o.seeds;
  if (o.budget !== undefined) {
    const rounds = t.search.rounds;
    out.search.points = rounds > 0 ? Math.max(2, Math.ceil(o.budget / 2)) : Math.max(2, o.budget);
    if (rounds > 0) out.search.pointsPerRound = Math.max(1, Math.floor((o.budget - out.search.points) / rounds));
  }
  return out;
}

export function loadCalibration(arg: string, overrides: CalibrationOverrides = {}): LoadedCalibration {
  const path = resolve(arg);
  const file = displayPath(path);
  const dir = dirname(path);
  const text = readTextFile(path, 'targets file', CALIBRATION_LIMITS.fileBytes);
  const parsed = parseTargetsText(text);
  if (!parsed.ok) throw inputError(...parsed.errors.map((e) => `${file}: ${e.message.replace(/^scenario: /, '')}`));
  const targets = withOverrides(parsed.value, overrides);
  const hash = createHash('sha256').update('balloon-calibration/1\0').update(text).update('\0').update(JSON.stringify(overrides)).update('\0');

  const scenarios = new Map<string, ReadScenario>();
  const scenarioOf = (ref: string): ReadScenario => scenarios.get(ref)!;
  const refs: [string, string][] = [[targets.scenario, 'scenario'], ...targets.targets.flatMap((t, i): [string, string][] => (t.scenario ? [[t.scenario, `targets[${i}].scenario`]] : []))];
  for (const [ref, where] of refs) {
    if (scenarios.has(ref)) continue;
    const p = scenarioPath(dir, ref, file, where);
    const label = displayPath(p);
    const scenarioText = readTextFile(p, 'scenario file', LIMITS.fileBytes);
    const scenario = parseScenarioText(scenarioText);
    if (!scenario.ok) throw inputError(...scenario.errors.map((e) => `${label}: ${e.message}`));
    const raw = readJson(scenarioText, LIMITS.depth);
    if (!raw.ok) throw inputError(`${label}: cannot read the scenario`);
    scenarios.set(ref, { label, input: raw.value, scenario: scenario.value });
    hash.update(scenarioText).update('\0');
  }

  const observed = new Map<string, ReadObserved>();
  targets.targets.forEach((t, i) => {
    if (t.type !== 'series' || observed.has(t.observed)) return;
    const p = resolve(dir, t.observed);
    if (!existsSync(p)) throw inputError(`${file}: targets[${i}].observed: expected a CSV file relative to ${displayPath(dir) || '.'}, got "${t.observed}" (no such file)`);
    const observedText = readTextFile(p, 'observed data file', 64 * 1024 * 1024);
    observed.set(t.observed, { label: displayPath(p), text: observedText });
    hash.update(observedText).update('\0');
  });

  const resolved = resolveTargets(targets, scenarioOf, (ref) => observed.get(ref)!);
  if (!resolved.ok) throw inputError(...resolved.errors.map((e) => `${file}: ${e}`));
  return { path, file, targets, spec: resolved.spec, fingerprint: hash.digest('hex') };
}
