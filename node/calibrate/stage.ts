/**
 * One stage of a calibration as a sweep: its candidates are the design points,
 * each run `seeds` times, and the sweep engine (worker pool or Redis queue,
 * journal, resume) runs them. The workers receive the calibration spec as the
 * sweep's base (sim/calibration/spec.ts CalibrationBase), so each run evaluates
 * one candidate on one seed against the targets.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SeedSummaries } from '../../sim/calibration/loss';
import type { CalibrationBase } from '../../sim/calibration/spec';
import type { StageInfo } from '../../sim/calibration/stages';
import type { SweepPlan } from '../../sim/sweep/plan';
import type { Sweep } from '../../sim/sweep/schema';
import { readJournal } from '../sweep/journal';
import type { LoadedSweep } from '../sweep/load';
import type { LoadedCalibration } from './load';

export const STAGES_DIR = 'stages';

const KIND_WORDS = { lhs: 'Latin hypercube', round: 'refinement round', final: 'best re-run on more seeds' } as const;

export function stageWords(info: StageInfo): string {
  return info.kind === 'round' ? `${KIND_WORDS.round} ${info.index}` : KIND_WORDS[info.kind];
}

export function stageDir(dir: string, info: StageInfo): string {
  return join(dir, STAGES_DIR, `${info.index}-${info.kind}`);
}

/** The stage as a sweep the engine can run. Its fingerprint covers the calibration and the stage's candidates. */
export function stageSweep(loaded: LoadedCalibration, info: StageInfo, points: number[][]): LoadedSweep {
  const t = loaded.targets;
  const sweep: Sweep = {
    name: `${t.name}: stage ${info.index} (${stageWords(info)})`,
    description: `Calibration stage of ${loaded.file}`,
    base: t.scenario,
    parameters: t.parameters.map((p) => ({ path: p.path, min: p.range[0], max: p.range[1], scale: p.scale, integer: false })),
    design: { type: 'table', file: `(candidates of calibration stage ${info.index})` },
    seedsPerPoint: info.seeds,
    masterSeed: t.firstSeed,
    outputs: { perTick: false },
  };
  const base: CalibrationBase = { balloonCalibration: loaded.spec };
  const plan: SweepPlan = { sweep, baseInput: base, segments: loaded.spec.scenarios[0].segments, points, runCount: points.length * info.seeds };
  const fingerprint = createHash('sha256').update(loaded.fingerprint).update(`\0stage ${info.index} ${info.kind} ${info.seeds}\0`).update(JSON.stringify(points)).digest('hex');
  return {
    plan,
    path: loaded.path,
    file: loaded.file,
    baseFile: loaded.spec.scenarios[0].label,
    fingerprint,
    sweepJson: { calibration: loaded.file, stage: info.index, kind: info.kind, seeds: info.seeds },
  };
}

/** The per-seed summaries of each candidate of a finished stage directory, in point order (null = missing run). */
export function stageSummaries(dir: string, points: number, seeds: number): (SeedSummaries | null)[] {
  const records = readJournal(dir).records;
  const out: (SeedSummaries | null)[] = [];
  for (let p = 0; p < points; p++) {
    const runs: Record<string, number | null>[] = [];
    for (let r = 0; r < seeds; r++) {
      const record = records.get(p * seeds + r);
      if (!record) break;
      runs.push(record.summary as Record<string, number | null>);
    }
    out.push(runs.length === seeds ? runs : null);
  }
  return out;
}
