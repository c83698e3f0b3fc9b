/**
 * The contract between the page and the simulation worker (comlink). Shared by
 * both sides; holds no DOM or worker-only types.
 */
import type { RunResult } from '../../sim/results/types';
import { parseScenarioText, type ScenarioError } from '../../sim/scenario/validate';

/** What validation tells the page: errors in the CLI's words, or a short description. */
export type ValidationReport =
  | { ok: true; name: string; description: string; start: string; end: string; countries: number; routes: number; policies: number }
  | { ok: false; errors: ScenarioError[] };

/** Progress of one call: the seed being run (index into the call's seeds), ticks done and total. */
export type ProgressCallback = (seedIndex: number, done: number, total: number) => void;

/** Validate file text as the CLI does and describe the scenario (host-free: used by the worker, and by the page when the workers are busy). */
export function validationReport(text: string): ValidationReport {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const s = parsed.value;
  return { ok: true, name: s.name, description: s.description, start: s.start, end: s.end, countries: s.countries.length, routes: s.routes.length, policies: s.policies.length };
}

export interface SimWorkerApi {
  /** Validate scenario file text exactly as the CLI does. */
  validate(text: string): ValidationReport;
  /**
   * Validate `scenario` (file text or a parsed object) and run it once per seed.
   * `cancelFlag` (an Int32Array over a SharedArrayBuffer, when the page is
   * cross-origin isolated) stops the run when its element 0 becomes non-zero.
   */
  run(scenario: string | object, seeds: number[], onProgress?: ProgressCallback, cancelFlag?: Int32Array): Promise<RunOutcome>;
  /** Run the first scenario (file texts) with a policy of each lever the texts use and hand over its columns (to drop): warms a fresh worker's engine. */
  warm(scenarioTexts: string[]): ArrayBuffer[];
}

export type RunOutcome =
  | { ok: true; results: RunResult[] }
  | { ok: false; cancelled: boolean; errors: ScenarioError[]; message: string };
