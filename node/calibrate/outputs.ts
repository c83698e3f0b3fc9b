/**
 * The outputs of a calibration directory, written atomically once every stage is
 * done: best.json (the behaviour block to paste), candidates.csv and .parquet
 * (every candidate with its losses; the accepted set flagged), fit.csv (per
 * target: observed, fitted mean, 90% band), identifiability.csv, and
 * calibration.json (what ran). Only inputs and results go in: the same targets
 * give the same bytes whatever the workers, machines or interruptions.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine } from '../../sim/io/csv';
import type { FitRow } from '../../sim/calibration/loss';
import type { Candidate, CandidateTable, Identifiability } from '../../sim/calibration/summary';
import type { StageInfo } from '../../sim/calibration/stages';
import { writeFileAtomic } from '../sweep/atomic';
import { writeRunsParquet } from '../sweep/parquet';
import { inputError } from '../cli/errors';
import type { LoadedCalibration } from './load';
import { displayPath } from '../cli/paths';

export const FILES = {
  manifest: 'calibration.json',
  best: 'best.json',
  candidatesCsv: 'candidates.csv',
  candidatesParquet: 'candidates.parquet',
  fit: 'fit.csv',
  identifiability: 'identifiability.csv',
} as const;

export const FIT_COLUMNS = ['target', 'type', 'what', 'year', 'observed', 'observedLo', 'observedHi', 'claim', 'fitted', 'fittedLo', 'fittedHi', 'loss', 'weight'] as const;
export const IDENTIFIABILITY_COLUMNS = ['parameter', 'scale', 'priorLo', 'priorHi', 'best', 'acceptedLo', 'acceptedHi', 'acceptedShare', 'profileLo', 'profileHi', 'profileShare', 'share', 'verdict', 'note'] as const;

export interface CalibrationManifest {
  format: 'balloon-calibration/1';
  name: string;
  fingerprint: string;
  targetsFile: string;
  scenarios: string[];
  parameters: string[];
  targets: string[];
  stages: { index: number; kind: StageInfo['kind']; candidates: number; seeds: number; bestLoss: number | null }[];
  complete: boolean;
}

/** Creates the directory or checks that it holds this very calibration. */
export function prepareCalibrationDir(dir: string, loaded: LoadedCalibration): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, FILES.manifest);
  const shown = displayPath(dir);
  if (existsSync(path)) {
    let old: CalibrationManifest;
    try {
      old = JSON.parse(readFileSync(path, 'utf8')) as CalibrationManifest;
    } catch (err) {
      throw inputError(`${displayPath(path)}: expected a Balloon calibration manifest, got an unreadable file (${err instanceof Error ? err.message : String(err)})`);
    }
    if (old.fingerprint !== loaded.fingerprint) {
      throw inputError(`${shown}: holds the outputs of another calibration ("${old.name}", or its targets file, scenarios, observed data or --budget/--seeds changed); use another --out directory`);
    }
    return;
  }
  if (existsSync(join(dir, 'stages'))) throw inputError(`${shown}: has calibration stages but no ${FILES.manifest}; use another --out directory`);
  writeManifest(dir, manifestOf(loaded, [], false));
}

export function manifestOf(loaded: LoadedCalibration, stages: CalibrationManifest['stages'], complete: boolean): CalibrationManifest {
  return {
    format: 'balloon-calibration/1',
    name: loaded.targets.name,
    fingerprint: loaded.fingerprint,
    targetsFile: loaded.file,
    scenarios: loaded.spec.scenarios.map((s) => s.label),
    parameters: loaded.targets.parameters.map((p) => p.path),
    targets: loaded.spec.targets.map((t) => t.id),
    stages,
    complete,
  };
}

export function writeManifest(dir: string, manifest: CalibrationManifest): void {
  writeFileAtomic(join(dir, FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function fitCsv(rows: readonly FitRow[]): string {
  return csvLine([...FIT_COLUMNS]) + rows.map((r) => csvLine(FIT_COLUMNS.map((c) => r[c]))).join('');
}

export function identifiabilityCsv(rows: readonly Identifiability[]): string {
  return csvLine([...IDENTIFIABILITY_COLUMNS]) + rows.map((r) => csvLine(IDENTIFIABILITY_COLUMNS.map((c) => r[c]))).join('');
}

export async function writeCalibrationOutputs(
  dir: string,
  parts: { table: CandidateTable; fit: FitRow[]; identifiability: Identifiability[]; best: Record<string, unknown>; manifest: CalibrationManifest },
): Promise<void> {
  writeFileAtomic(join(dir, FILES.candidatesCsv), csvLine(parts.table.columns) + parts.table.rows.map((r) => csvLine(r)).join(''));
  await writeRunsParquet(join(dir, FILES.candidatesParquet), { columns: parts.table.columns, rows: parts.table.rows, parameterColumns: [], outcomeColumns: [] });
  writeFileAtomic(join(dir, FILES.fit), fitCsv(parts.fit));
  writeFileAtomic(join(dir, FILES.identifiability), identifiabilityCsv(parts.identifiability));
  writeFileAtomic(join(dir, FILES.best), `${JSON.stringify(parts.best, null, 2)}\n`);
  writeManifest(dir, parts.manifest);
}

export type { Candidate };
