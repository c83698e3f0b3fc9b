/**
 * The finished outputs of a sweep directory, regenerated from the journal:
 * runs.csv and runs.parquet (one row per run) and manifest.json. Each is
 * replaced atomically, so a crash while writing leaves the previous version.
 */
import { join } from 'node:path';
import { csvLine } from '../../sim/io/csv';
import { runsTable, type RunRecord, type RunsTable } from '../../sim/sweep/records';
import type { ParameterValue, Sweep } from '../../sim/sweep/schema';
import { writeFileAtomic } from './atomic';
import { writeRunsParquet } from './parquet';

export const MANIFEST_FILE = 'manifest.json';
export const RUNS_CSV = 'runs.csv';
export const RUNS_PARQUET = 'runs.parquet';
export const TICKS_DIR = 'ticks';
/** Every file a sweep directory holds at its top (journal.jsonl is JOURNAL_FILE in journal.ts). */
export const SWEEP_FILES = [MANIFEST_FILE, RUNS_CSV, RUNS_PARQUET, 'journal.jsonl'] as const;

export interface Shard {
  index: number;
  count: number;
}

export interface Manifest {
  format: 'balloon-sweep/1';
  balloonVersion: string;
  name: string;
  /** sha256 of the sweep file, base scenario and design table. */
  fingerprint: string;
  /** Absolute paths of the sweep file and its base scenario. */
  sweepFile: string;
  baseScenario: string;
  /** The sweep file as written. */
  sweep: unknown;
  design: { type: Sweep['design']['type']; points: number; seedsPerPoint: number; masterSeed: number; parameters: string[] };
  /** points[p] = the parameter values of design point p. */
  points: ParameterValue[][];
  /** Runs of the whole sweep. */
  runCount: number;
  /** Runs this directory is responsible for (a shard holds every N-th). */
  shard: Shard | null;
  expectedRuns: number;
  finishedRuns: number;
  complete: boolean;
  /** One entry per finished run: run, point, replicate, seed, hash. */
  runs: { run: number; point: number; replicate: number; seed: number; hash: string }[];
}

export function tableCsv(table: RunsTable): string {
  return [csvLine(table.columns), ...table.rows.map((r) => csvLine(r))].join('');
}

/** Regenerates runs.csv, runs.parquet and manifest.json (last) from the records. */
export async function writeOutputs(dir: string, manifest: Manifest, records: RunRecord[]): Promise<RunsTable> {
  const table = runsTable(manifest.design.parameters, manifest.points, records);
  writeFileAtomic(join(dir, RUNS_CSV), tableCsv(table));
  await writeRunsParquet(join(dir, RUNS_PARQUET), table);
  writeManifest(dir, manifest);
  return table;
}

export function writeManifest(dir: string, manifest: Manifest): void {
  writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
