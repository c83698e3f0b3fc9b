/**
 * Sweep file validation: text → safe JSON → zod schema (defaults filled) → checks
 * the schema cannot express (min ≤ max, grid levels, run count). Never throws;
 * every problem is one line `path: expected …, got …`, as for scenarios.
 */
import { renderFound, type ParseResult, type PendingError, type ScenarioError } from '../validation/errors';
import { parseJsonFile, parseWithSchema } from '../scenario/fileValidator';
import { ALL_MEASURES } from '../results/measures';
import { SWEEP_LIMITS } from './limits';
import { isRange, sweepSchema, type Sweep } from './schema';

export type { ParseResult, ScenarioError as SweepError };

/** Points of a grid design, or NaN when a range parameter has no levels. */
export function gridSize(sweep: Sweep): number {
  let n = 1;
  for (const p of sweep.parameters) n *= isRange(p) ? (p.levels ?? NaN) : p.values.length;
  return n;
}

/** A parameter path given twice (sweeps and calibrations vary each path once). */
export function repeatedPaths(parameters: readonly { path: string }[]): PendingError[] {
  const seen = new Set<string>();
  return parameters.flatMap((p, i) => {
    const again = seen.has(p.path);
    seen.add(p.path);
    return again ? [{ segments: ['parameters', i, 'path'], expected: 'a path not used by an earlier parameter', found: renderFound(p.path) }] : [];
  });
}

function extraChecks(sweep: Sweep): PendingError[] {
  const problems: PendingError[] = repeatedPaths(sweep.parameters);
  sweep.parameters.forEach((p, i) => {
    if (!isRange(p)) return;
    if (p.min > p.max) problems.push({ segments: ['parameters', i, 'max'], expected: `a number ≥ min (${p.min})`, found: String(p.max) });
    if (p.scale === 'log' && p.min <= 0) problems.push({ segments: ['parameters', i, 'min'], expected: 'a number > 0 (the scale is "log")', found: String(p.min) });
    if (sweep.design.type === 'grid' && p.levels === undefined) {
      problems.push({ segments: ['parameters', i, 'levels'], expected: 'a whole number ≥ 2 (a grid design needs the number of levels of every range)', found: 'missing' });
    }
    if (sweep.design.type !== 'grid' && p.levels !== undefined) {
      problems.push({ segments: ['parameters', i, 'levels'], expected: 'no "levels" (only grid designs use them)', found: String(p.levels) });
    }
  });
  const known = [...new Set(ALL_MEASURES.map((m) => m.id))];
  (sweep.outputs.measures ?? []).forEach((id, i) => {
    if (known.includes(id)) return;
    const near = known.find((k) => k.toLowerCase() === id.toLowerCase()) ?? known.find((k) => k.toLowerCase().startsWith(id.slice(0, 4).toLowerCase()));
    problems.push({ segments: ['outputs', 'measures', i], expected: `a measure id${near ? ` such as "${near}"` : ` (${known.slice(0, 6).join(', ')}, …)`}`, found: renderFound(id) });
  });
  if (sweep.design.type === 'grid') {
    const points = gridSize(sweep);
    if (points > SWEEP_LIMITS.points) problems.push({ segments: ['design'], expected: `a grid of at most ${SWEEP_LIMITS.points} points`, found: `${points} points` });
  }
  const points = sweep.design.type === 'grid' ? gridSize(sweep) : sweep.design.type === 'table' ? 0 : sweep.design.points;
  if (points * sweep.seedsPerPoint > SWEEP_LIMITS.runs) {
    problems.push({ segments: ['seedsPerPoint'], expected: `at most ${SWEEP_LIMITS.runs} runs in all (points × seedsPerPoint)`, found: `${points} × ${sweep.seedsPerPoint}` });
  }
  return problems;
}

/** Validates a sweep given as data. */
export function parseSweep(input: unknown): ParseResult<Sweep> {
  return parseWithSchema(sweepSchema, input, extraChecks, 'a sweep');
}

/** Validates a sweep file's text. */
export function parseSweepText(text: string): ParseResult<Sweep> {
  return parseJsonFile(text, SWEEP_LIMITS.fileBytes, 'a sweep file', parseSweep);
}
