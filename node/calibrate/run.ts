/**
 * `balloon calibrate`: the stages one after the other, each run by the sweep
 * engine in its own directory under <out>/stages/ (resumable: a stage already in
 * its journal is not run again, and since every stage's candidates follow from
 * the losses before it, a restarted calibration recomputes the same candidates),
 * then the outputs.
 */
import { candidateLoss, fitRows } from '../../sim/calibration/loss';
import { acceptanceTolerance, acceptedSet, bestCandidate, bestDocument, candidateTable, identifiability, type Candidate } from '../../sim/calibration/summary';
import { finalLayout, stageInfos, stagePoints, totalRuns } from '../../sim/calibration/stages';
import { replicateSeed } from '../../sim/calibration/spec';
import { formatNumber } from '../../sim/io/number';
import { runLocalSweep } from '../sweep/local';
import type { Role } from '../sweep/options';
import type { LoadedCalibration } from './load';
import { manifestOf, prepareCalibrationDir, writeCalibrationOutputs, writeManifest, type CalibrationManifest } from './outputs';
import { calibrationReport } from './report';
import { stageDir, stageSummaries, stageSweep, stageWords } from './stage';

export interface CalibrateRunOptions {
  workers: number;
  quiet: boolean;
  redis?: { url: string; role: Role };
}

export async function runCalibration(loaded: LoadedCalibration, dir: string, options: CalibrateRunOptions, stdout: (text: string) => void): Promise<void> {
  const t = loaded.targets;
  const spec = loaded.spec;
  prepareCalibrationDir(dir, loaded);
  const infos = stageInfos(t);
  const candidates: Candidate[] = [];
  const plannedRuns = totalRuns(t);
  let runsBefore = 0;
  const stages: CalibrationManifest['stages'] = [];
  const say = (line: string) => {
    if (!options.quiet) stdout(`${line}\n`);
  };
  say(`calibrate "${t.name}": ${t.parameters.length} parameter${t.parameters.length === 1 ? '' : 's'}, ${spec.targets.length} target${spec.targets.length === 1 ? '' : 's'}, ${infos.length} stages`);
  for (const info of infos) {
    const history = candidates.filter((c) => c.kind !== 'final');
    const points = stagePoints(t, info, history);
    const profileOf = info.kind === 'final' ? finalLayout(t, history).profileOf : points.map(() => null);
    if (points.length === 0) continue;
    const loadedStage = stageSweep(loaded, info, points);
    const where = stageDir(dir, info);
    const banner = `stage ${info.index + 1}/${infos.length} (${stageWords(info)}): ${points.length} candidates × ${info.seeds} seed${info.seeds === 1 ? '' : 's'} = ${loadedStage.plan.runCount} runs (runs ${runsBefore + 1}-${runsBefore + loadedStage.plan.runCount} of ${plannedRuns})`;
    runsBefore += loadedStage.plan.runCount;
    if (options.redis) {
      const { runDistributed } = await import('../sweep/distributed/run');
      const { announce, connect } = await import('./worker');
      if (!options.quiet) process.stderr.write(`${banner} through ${options.redis.url}\n`);
      const client = await connect(options.redis.url);
      try {
        await announce(client, loaded, loadedStage.fingerprint);
      } finally {
        client.disconnect();
      }
      await runDistributed(loadedStage, { url: options.redis.url, role: options.redis.role, dir: where, workers: options.workers, perTick: false, quiet: options.quiet }, stdout);
    } else {
      const report = await runLocalSweep(loadedStage, where, { workers: options.workers, shard: null, perTick: false, quiet: options.quiet, banner: `${banner} on ${options.workers} worker${options.workers === 1 ? '' : 's'}` });
      if (!report.complete) throw new Error(`stage ${info.index}: ${report.line}`);
    }
    const summaries = stageSummaries(where, points.length, info.seeds);
    const mine: Candidate[] = points.map((values, point) => {
      const runs = summaries[point];
      if (!runs) throw new Error(`stage ${info.index}: candidate ${point} has missing runs in ${where}`);
      const losses = candidateLoss(spec, runs);
      return { stage: info.index, point, values, kind: info.kind, profile: profileOf[point], seeds: info.seeds, losses, loss: losses.total };
    });
    candidates.push(...mine);
    const best = [...mine].filter((c) => c.profile === null).sort((a, b) => a.loss - b.loss || a.point - b.point)[0];
    stages.push({ index: info.index, kind: info.kind, candidates: points.length, seeds: info.seeds, bestLoss: best.loss });
    writeManifest(dir, manifestOf(loaded, stages, false));
    say(`stage ${info.index + 1}/${infos.length} (${stageWords(info)}): best loss ${formatNumber(best.loss)} at ${t.parameters.map((p, d) => `${p.path.replace(/^behaviour\./, '')}=${best.values[d]}`).join(', ')}`);
  }

  if (options.redis) {
    const { announce, connect } = await import('./worker');
    const client = await connect(options.redis.url);
    try {
      await announce(client, loaded, null);
    } finally {
      client.disconnect();
    }
  }

  const best = bestCandidate(candidates)!;
  const bestStage = infos.find((s) => s.index === best.stage)!;
  const bestRuns = stageSummaries(stageDir(dir, bestStage), stages.find((s) => s.index === best.stage)!.candidates, best.seeds)[best.point]!;
  const tolerance = acceptanceTolerance(spec, bestRuns, t.seeds);
  const profileTolerance = acceptanceTolerance(spec, bestRuns, best.seeds);
  const accepted = acceptedSet(t, candidates, tolerance);
  const ids = identifiability(t, candidates, best, { search: tolerance, final: profileTolerance });
  const seeds = Array.from({ length: best.seeds }, (_, r) => replicateSeed(spec, r));
  await writeCalibrationOutputs(dir, {
    table: candidateTable(t, spec.targets.map((x) => x.id), candidates, tolerance),
    fit: fitRows(spec, bestRuns),
    identifiability: ids,
    best: bestDocument(t, best, ids, seeds, { count: accepted.length, tolerance, profileTolerance }),
    manifest: manifestOf(loaded, stages, true),
  });
  if (!options.quiet) {
    stdout(`\n${calibrationReport(dir)}`);
    stdout(`${dir}: best.json, candidates.csv, candidates.parquet, fit.csv, identifiability.csv (${candidates.length} candidates, ${accepted.length} accepted)\n`);
  }
}
