/**
 * Targets file validation: text → safe JSON → zod schema (defaults filled) →
 * checks the schema cannot express (lo < hi, log ranges above 0, one of lever or
 * policy, the fields each statistic needs, known measures and facts, run count).
 * Never throws; every problem is one line `path: expected …, got …`, as for
 * scenarios and sweeps. What needs the scenario (entities, levers, paths) is
 * checked by the host once it has read it (crossCheck.ts).
 */
import { renderFound, type ParseResult, type PendingError, type ScenarioError } from '../validation/errors';
import { parseJsonFile, parseWithSchema } from '../scenario/fileValidator';
import { repeatedPaths } from '../sweep/validate';
import { LEVER_KINDS } from '../scenario/schema';
import { ALL_MEASURES } from '../results/measures';
import { FACTS } from '../analysis/facts';
import { CALIBRATION_LIMITS } from './limits';
import { targetsSchema, type Targets } from './schema';
import { finalSeeds, totalRuns } from './stages';

export type { ParseResult, ScenarioError as TargetsError };

function nearest(known: readonly string[], id: string): string | undefined {
  const lower = id.toLowerCase();
  return known.find((k) => k.toLowerCase() === lower) ?? known.find((k) => k.toLowerCase().startsWith(lower.slice(0, 4)));
}

function oneOf(known: readonly string[], id: string): string {
  const near = nearest(known, id);
  return near ? `one of ${known.length <= 8 ? known.map((k) => `"${k}"`).join(', ') : `${known.slice(0, 6).map((k) => `"${k}"`).join(', ')}, …`} (did you mean "${near}"?)` : `one of ${known.map((k) => `"${k}"`).join(', ')}`;
}

function measureProblem(measure: string, kind: string): string | undefined {
  const ofKind = ALL_MEASURES.filter((m) => m.kind === kind).map((m) => m.id);
  if (ofKind.includes(measure)) return undefined;
  return `a ${kind} measure: ${oneOf(ofKind, measure)}`;
}

function extraChecks(t: Targets): PendingError[] {
  const problems: PendingError[] = repeatedPaths(t.parameters);
  t.parameters.forEach((p, i) => {
    const [lo, hi] = p.range;
    if (!(lo < hi)) problems.push({ segments: ['parameters', i, 'range'], expected: 'a range [lo, hi] with lo < hi', found: renderFound(p.range) });
    else if (p.scale === 'log' && lo <= 0) problems.push({ segments: ['parameters', i, 'range', 0], expected: 'a number > 0 (the scale is "log")', found: String(lo) });
  });
  const ids = new Set<string>();
  t.targets.forEach((target, i) => {
    const at = (...s: (string | number)[]) => ['targets', i, ...s];
    if (target.id !== undefined) {
      if (ids.has(target.id)) problems.push({ segments: at('id'), expected: 'an id not used by an earlier target', found: renderFound(target.id) });
      ids.add(target.id);
    }
    if (target.type === 'series') {
      const m = measureProblem(target.measure, target.kind);
      if (m) problems.push({ segments: at('measure'), expected: m, found: renderFound(target.measure) });
      if (target.years[0] > target.years[1]) problems.push({ segments: at('years'), expected: 'years [first, last] with first ≤ last', found: renderFound(target.years) });
    } else if (target.type === 'effect') {
      if ((target.lever === undefined) === (target.policy === undefined)) {
        problems.push({ segments: at(target.lever === undefined ? 'lever' : 'policy'), expected: 'exactly one of "lever" and "policy"', found: target.lever === undefined ? 'neither' : 'both' });
      }
      if (target.lever !== undefined && !(LEVER_KINDS as string[]).includes(target.lever)) {
        problems.push({ segments: at('lever'), expected: `a lever kind: ${oneOf(LEVER_KINDS, target.lever)}`, found: renderFound(target.lever) });
      }
      const relative = target.statistic === 'relativeChange' || target.statistic === 'changePerChange';
      for (const key of ['measure', 'kind', 'entity'] as const) {
        const has = target[key] !== undefined;
        if (relative && !has) problems.push({ segments: at(key), expected: `a value for "${key}" (the statistic is "${target.statistic}")`, found: 'missing' });
        if (!relative && has) problems.push({ segments: at(key), expected: `no "${key}" (only "relativeChange" and "changePerChange" use it)`, found: renderFound(target[key]) });
      }
      const perChange = target.statistic === 'changePerChange';
      if (perChange && target.perMeasure === undefined) problems.push({ segments: at('perMeasure'), expected: 'a value for "perMeasure" (the statistic is "changePerChange")', found: 'missing' });
      if (!perChange && target.perMeasure !== undefined) problems.push({ segments: at('perMeasure'), expected: 'no "perMeasure" (only "changePerChange" uses it)', found: renderFound(target.perMeasure) });
      for (const key of ['measure', 'perMeasure'] as const) {
        const value = target[key];
        if (relative && value !== undefined && target.kind !== undefined) {
          const m = measureProblem(value, target.kind);
          if (m) problems.push({ segments: at(key), expected: m, found: renderFound(value) });
        }
      }
      const [lo, hi] = target.band as [number | null, number | null];
      if (lo === null && hi === null) problems.push({ segments: at('band'), expected: 'a band with at least one end', found: '[null, null]' });
      if (lo !== null && hi !== null && !(lo < hi)) problems.push({ segments: at('band'), expected: 'a band [lo, hi] with lo < hi', found: renderFound(target.band) });
    } else {
      const known = FACTS.map((f) => f.id);
      if (!known.includes(target.fact)) problems.push({ segments: at('fact'), expected: `a fact id: ${oneOf(known, target.fact)}`, found: renderFound(target.fact) });
    }
  });
  const runs = totalRuns(t);
  if (runs > CALIBRATION_LIMITS.runs) {
    problems.push({ segments: ['search'], expected: `at most ${CALIBRATION_LIMITS.runs} runs in all (candidates × seeds)`, found: `${runs} runs` });
  }
  if (finalSeeds(t) < 1) problems.push({ segments: ['search', 'final', 'seeds'], expected: 'a whole number ≥ 1', found: String(finalSeeds(t)) });
  return problems;
}

/** Validates a targets file given as data. */
export function parseTargets(input: unknown): ParseResult<Targets> {
  return parseWithSchema(targetsSchema, input, extraChecks, 'a targets file');
}

/** Validates a targets file's text. */
export function parseTargetsText(text: string): ParseResult<Targets> {
  return parseJsonFile(text, CALIBRATION_LIMITS.fileBytes, 'a targets file', parseTargets);
}
