/**
 * One sweep run, exactly as the browser runs a scenario: apply the point to the
 * base scenario, validate, runScenario. Used by the worker threads and by
 * in-process execution (distributed workers with --workers 0 and tests).
 */
import { parseScenario } from '../../sim/scenario/validate';
import { runScenario } from '../../sim/run';
import { possibleSummary } from '../../sim/results/possible';
import { toRows } from '../../sim/results/rows';
import { tidyText } from '../../sim/io/tidy';
import { applyPoint } from '../../sim/sweep/plan';
import { filterSummary } from '../../sim/sweep/records';
import { evaluateCandidate } from '../../sim/calibration/evaluate';
import { calibrationOf } from '../../sim/calibration/spec';
import type { RunDone, RunTask, SweepInit } from './protocol';

export const PER_TICK_COLUMNS = ['run', 'seed', 'tick', 'date', 'year', 'kind', 'entity', 'measure', 'unit', 'value'] as const;

export function executeRun(init: SweepInit, task: RunTask): RunDone {
  // A calibration stage (balloon calibrate): the run is one candidate on one seed, evaluated against the targets.
  const calibration = calibrationOf(init.baseInput);
  if (calibration) return { type: 'done', run: task.run, ...evaluateCandidate(calibration, task.values, task.replicate) };
  const parsed = parseScenario(applyPoint(init.baseInput, init.segments, task.values));
  if (!parsed.ok) throw new Error(`run ${task.run}: ${parsed.errors[0].message}`);
  const result = runScenario(parsed.value, { seed: task.seed });
  const measures = init.measures ?? undefined;
  const done: RunDone = { type: 'done', run: task.run, hash: result.hash, summary: possibleSummary(filterSummary(result.summary, measures), result.series.entities) };
  if (task.perTick ?? init.perTick) {
    const keep = measures ? new Set(measures) : null;
    const rows = toRows(result).filter((r) => !keep || keep.has(r.measure));
    const text = tidyText(rows, task.seed, 'csv');
    done.perTickCsv = text.replace(/^(?=.)/gm, `${task.run},`);
  }
  return done;
}
