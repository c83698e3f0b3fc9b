/**
 * A sweep output directory: which sweep it belongs to (manifest.json, written
 * before the first run) and which runs it holds (journal.jsonl). Restarting
 * the same command in the same directory resumes; another sweep is refused.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunRecord } from '../../sim/sweep/records';
import { inputError, usageError } from '../cli/errors';
import { displayPath, packageVersion } from '../cli/paths';
import { JOURNAL_FILE } from './journal';
import type { LoadedSweep } from './load';
import { MANIFEST_FILE, writeManifest, type Manifest, type Shard } from './outputs';

/** Run indices this directory is responsible for. */
export function runIndices(runCount: number, shard: Shard | null): number[] {
  const out: number[] = [];
  for (let r = shard ? shard.index : 0; r < runCount; r += shard ? shard.count : 1) out.push(r);
  return out;
}

export function parseShard(text: string | undefined): Shard | null {
  if (text === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) throw usageError(`--shard: expected i/N with 0 ≤ i < N (e.g. 0/4), got "${text}"`);
  return { index, count };
}

export function shardText(shard: Shard | null): string {
  return shard ? `${shard.index}/${shard.count}` : 'all';
}

export function readManifest(dir: string): Manifest | undefined {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    if (m.format !== 'balloon-sweep/1') throw new Error('not a sweep manifest');
    return m;
  } catch (err) {
    throw inputError(`${displayPath(path)}: expected a Balloon sweep manifest, got an unreadable file (${err instanceof Error ? err.message : String(err)})`);
  }
}

export function buildManifest(loaded: LoadedSweep, shard: Shard | null, records: Iterable<RunRecord>): Manifest {
  const { plan } = loaded;
  const expected = runIndices(plan.runCount, shard).length;
  const runs = [...records].sort((a, b) => a.run - b.run).map(({ run, point, replicate, seed, hash }) => ({ run, point, replicate, seed, hash }));
  return {
    format: 'balloon-sweep/1',
    balloonVersion: packageVersion(),
    name: plan.sweep.name,
    fingerprint: loaded.fingerprint,
    // absolute: the manifest means the same from any working directory
    sweepFile: loaded.path,
    baseScenario: resolve(loaded.baseFile),
    sweep: loaded.sweepJson,
    design: {
      type: plan.sweep.design.type,
      points: plan.points.length,
      seedsPerPoint: plan.sweep.seedsPerPoint,
      masterSeed: plan.sweep.masterSeed,
      parameters: plan.sweep.parameters.map((p) => p.path),
    },
    points: plan.points,
    runCount: plan.runCount,
    shard,
    expectedRuns: expected,
    finishedRuns: runs.length,
    complete: runs.length === expected,
    runs,
  };
}

/** Creates the directory or checks that it holds this very sweep (and shard). */
export function prepareDirectory(dir: string, loaded: LoadedSweep, shard: Shard | null): void {
  mkdirSync(dir, { recursive: true });
  const existing = readManifest(dir);
  const shown = displayPath(dir);
  if (existing) {
    if (existing.fingerprint !== loaded.fingerprint) {
      throw inputError(`${shown}: holds the outputs of another sweep ("${existing.name}", or the sweep file, base scenario or design table changed); use another --out directory`);
    }
    if (shardText(existing.shard) !== shardText(shard)) {
      throw inputError(`${shown}: holds shard ${shardText(existing.shard)} of this sweep, not ${shardText(shard)}; use another --out directory`);
    }
    return;
  }
  if (existsSync(join(dir, JOURNAL_FILE))) throw inputError(`${shown}: has a run journal but no manifest.json; use another --out directory`);
  writeManifest(dir, buildManifest(loaded, shard, []));
}
