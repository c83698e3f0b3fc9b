/**
 * One run of the CLI's multi-seed commands and what it sends back: the same code
 * runs in a worker thread (worker.ts) or in the main thread, so results do not
 * depend on where a run happened.
 */
import { annualDigest, type AnnualDigest } from '../../sim/analysis/annual';
import { planOutcomes, type EffectPlan, type Outcomes } from '../../sim/analysis/effect';
import { measureFilter, tidyText, type TableFormat } from '../../sim/io/tidy';
import { possibleSummary } from '../../sim/results/possible';
import { toRows } from '../../sim/results/rows';
import { runScenario } from '../../sim/run';
import type { Scenario } from '../../sim/scenario/schema';

export type Job =
  /** `balloon run`: the digest for the report, the summary, and optionally the tidy rows as text. */
  | { kind: 'report'; scenario: Scenario; seed: number; rows?: TableFormat; measures?: string[] }
  /** `balloon compare`: the named outcomes. */
  | { kind: 'summary'; scenario: Scenario; seed: number }
  /** `balloon facts`: yearly values. */
  | { kind: 'digest'; scenario: Scenario; seed: number }
  /** `balloon effect`: one side of a paired effect estimate. */
  | { kind: 'outcomes'; plan: EffectPlan; which: 'a' | 'b'; seed: number };

export interface ReportValue {
  seed: number;
  scenario: string;
  hash: string;
  ticks: number;
  summary: Record<string, number>;
  digest: AnnualDigest;
  rows?: { text: string; count: number };
}

export type JobValue = ReportValue | Record<string, number> | AnnualDigest | Outcomes;

/** `onProgress(done, total)`: ticks of the run done so far, about 50 times a run. */
export function executeJob(job: Job, onProgress?: (done: number, total: number) => void): JobValue {
  const options = (seed: number) => ({ seed, onProgress });
  switch (job.kind) {
    case 'report': {
      const result = runScenario(job.scenario, options(job.seed));
      const value: ReportValue = {
        seed: result.seed,
        scenario: result.scenario,
        hash: result.hash,
        ticks: result.ticks,
        // For --summary-out: without the outcomes zero by construction (as a sweep's runs.csv).
        summary: possibleSummary(result.summary, result.series.entities),
        digest: annualDigest(result),
      };
      if (job.rows) {
        const rows = toRows(result).filter(measureFilter(job.measures));
        value.rows = { text: tidyText(rows, job.seed, job.rows), count: rows.length };
      }
      return value;
    }
    case 'summary':
      return runScenario(job.scenario, options(job.seed)).summary;
    case 'digest':
      return annualDigest(runScenario(job.scenario, options(job.seed)));
    case 'outcomes': {
      const scenario = job.which === 'a' ? job.plan.withIt : job.plan.withoutIt;
      return planOutcomes(job.plan, runScenario(scenario, options(job.seed)), job.which);
    }
  }
}
