/**
 * From a validated targets file and what the host read (the scenarios, the
 * observed files) to the CalibrationSpec the workers evaluate. Checks what needs
 * the scenario: parameter paths, values at both ends of each range, entities,
 * levers and policies, observed figures in the years asked. Every problem is one
 * line `path: expected …, got …` (the host prefixes the targets file).
 */
import { FACTS } from '../analysis/facts';
import { leverPlan, policyPlan } from '../analysis/effect';
import { policyLabel } from '../analysis/counterfactual';
import { ALL_MEASURES } from '../results/measures';
import { editDistance } from '../scenario/editDistance';
import { formatPath, type PathSegment } from '../validation/errors';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import { applyPoint } from '../sweep/plan';
import { ParameterPathError, resolvePath } from '../sweep/paths';
import { routeId } from '../analysis/displacement';
import { ObservedFileError, parseObserved, type ObservedRow } from './observed';
import type { Targets } from './schema';
import type { CalibrationSpec, SpecScenario, SpecTarget } from './spec';

export interface ReadScenario {
  /** As shown to people. */
  label: string;
  /** The file's JSON. */
  input: unknown;
  scenario: Scenario;
}

export interface ReadObserved {
  label: string;
  text: string;
}

export type ResolveResult = { ok: true; spec: CalibrationSpec } | { ok: false; errors: string[] };

function entityIds(s: Scenario, kind: string): string[] {
  switch (kind) {
    case 'world':
      return ['world'];
    case 'country':
      return s.countries.map((c) => c.id);
    case 'region':
      return s.regions.map((r) => r.id);
    case 'route':
      return s.routes.map(routeId);
    case 'market':
      return s.markets.map((m) => m.country);
    default:
      return [];
  }
}

/** The allowed key closest to a misspelt one (at most 3 edits), if any. */
function nearestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let distance = 4;
  for (const k of allowed) {
    const d = editDistance(key, k);
    if (d < distance) [best, distance] = [k, d];
  }
  return best;
}

function list(ids: readonly string[]): string {
  return ids.length <= 12 ? ids.join(', ') : `${ids.slice(0, 12).join(', ')}, …`;
}

/**
 * `scenarioOf(ref)` and `observedOf(ref)` give what the host read for a reference
 * in the file (the host has already reported files it could not read).
 */
export function resolveTargets(
  t: Targets,
  scenarioOf: (ref: string) => ReadScenario,
  observedOf: (ref: string) => ReadObserved,
): ResolveResult {
  const errors: string[] = [];
  const refs = [t.scenario, ...t.targets.map((x) => x.scenario).filter((r): r is string => r !== undefined)];
  const order = [...new Set(refs)];
  const scenarios: SpecScenario[] = [];
  for (const ref of order) {
    const read = scenarioOf(ref);
    const segments: PathSegment[][] = [];
    t.parameters.forEach((p, d) => {
      try {
        segments[d] = resolvePath(read.input, p.path);
      } catch (err) {
        if (!(err instanceof ParameterPathError)) throw err;
        errors.push(`parameters[${d}].path: ${err.reason} (in ${read.label})`);
      }
    });
    {
      // Each end of each range must give a valid scenario.
      t.parameters.forEach((p, d) => {
        if (!segments[d]) return;
        let unknownKey = false;
        p.range.forEach((x, end) => {
          if (unknownKey) return;
          const parsed = parseScenario(applyPoint(read.input, [segments[d]], [x]));
          if (!parsed.ok) {
            const first = parsed.errors[0];
            const own = first.path === formatPath(segments[d]);
            if (own && first.expected.startsWith('no such key')) {
              unknownKey = true;
              const key = String(segments[d][segments[d].length - 1]);
              const allowed = first.expected.replace(/^no such key \((.*)\)$/, '$1');
              const near = nearestKey(key, allowed.replace(/^allowed: /, '').split(', '));
              errors.push(`parameters[${d}].path: expected a key ${read.label} accepts at ${formatPath(segments[d].slice(0, -1))} (${near ? `did you mean "${near}"? ` : ''}${allowed}), got "${key}"`);
              return;
            }
            errors.push(`parameters[${d}].range[${end}]: expected a value ${read.label} accepts at ${formatPath(segments[d])}${own ? ` (${first.expected})` : ''}, got ${x}${own ? '' : ` (${first.message})`}`);
          }
        });
      });
    }
    scenarios.push({ label: read.label, input: read.input, segments });
  }

  const targets: SpecTarget[] = [];
  const observedCache = new Map<string, ObservedRow[] | null>();
  t.targets.forEach((x, i) => {
    const at = `targets[${i}]`;
    const s = order.indexOf(x.scenario ?? t.scenario);
    const read = scenarioOf(x.scenario ?? t.scenario);
    const sc = read.scenario;
    const base = { scenario: s, weight: x.weight };
    if (x.type === 'series') {
      const ids = entityIds(sc, x.kind);
      if (!ids.includes(x.entity)) {
        errors.push(`${at}.entity: expected a ${x.kind} id of ${read.label} (${list(ids)}), got "${x.entity}"`);
        return;
      }
      let rows = observedCache.get(x.observed);
      const file = observedOf(x.observed);
      if (rows === undefined) {
        try {
          rows = parseObserved(file.text);
        } catch (err) {
          if (!(err instanceof ObservedFileError)) throw err;
          errors.push(`${at}.observed: ${file.label}: ${err.message}`);
          rows = null;
        }
        observedCache.set(x.observed, rows);
      }
      if (rows === null) return;
      const unit = ALL_MEASURES.find((m) => m.kind === x.kind && m.id === x.measure)!.unit;
      const mine = rows
        .filter((r) => r.measure === x.measure && r.entity === x.entity && (r.kind === undefined || r.kind === x.kind))
        .filter((r) => r.year >= x.years[0] && r.year <= x.years[1])
        .sort((a, b) => a.year - b.year);
      if (mine.length === 0) {
        errors.push(`${at}.observed: expected rows of measure "${x.measure}" for ${x.kind} "${x.entity}" in ${x.years[0]}–${x.years[1]} in ${file.label}, got none`);
        return;
      }
      const wrongUnit = mine.find((r) => r.unit !== undefined && r.unit !== '' && r.unit !== unit);
      if (wrongUnit) {
        errors.push(`${at}.observed: expected figures in ${unit} (the model's unit of ${x.measure}) in ${file.label}, got "${wrongUnit.unit}" in ${wrongUnit.year}`);
        return;
      }
      const dup = mine.find((r, k) => k > 0 && mine[k - 1].year === r.year);
      if (dup) {
        errors.push(`${at}.observed: expected one figure per year in ${file.label}, got two for ${dup.year}`);
        return;
      }
      const first = Number(sc.start.slice(0, 4));
      const last = Number(sc.end.slice(0, 4));
      const outside = mine.find((r) => r.year < first || r.year > last);
      if (outside) {
        errors.push(`${at}.years: expected years within the run of ${read.label} (${first}–${last}), got ${outside.year}`);
        return;
      }
      targets.push({
        ...base,
        type: 'series',
        id: x.id ?? `${x.measure}.${x.entity}`,
        measure: x.measure,
        kind: x.kind,
        entity: x.entity,
        unit,
        loss: x.loss,
        seeds: x.seeds,
        years: mine.map((r) => r.year),
        observed: mine.map((r) => r.value),
        source: file.label,
      });
      return;
    }
    if (x.type === 'effect') {
      let switchOff: { lever: never } | { policy: number };
      let intervention: string;
      if (x.lever !== undefined) {
        const levers = [...new Set(sc.policies.map((p) => p.lever))];
        if (!levers.includes(x.lever as never)) {
          errors.push(`${at}.lever: expected a lever ${read.label} schedules (${levers.join(', ') || 'it has no policies'}), got "${x.lever}"`);
          return;
        }
        switchOff = { lever: x.lever as never };
        intervention = `all ${x.lever} levers`;
      } else {
        const p = x.policy!;
        const index = typeof p === 'number' ? p : sc.policies.findIndex((q, k) => policyLabel(q, k) === p);
        if (index < 0 || index >= sc.policies.length) {
          errors.push(`${at}.policy: expected an index in [0, ${sc.policies.length - 1}] or a label of ${read.label}'s policies, got ${JSON.stringify(p)}`);
          return;
        }
        switchOff = { policy: index };
        intervention = policyLabel(sc.policies[index], index);
      }
      const plan = 'lever' in switchOff ? leverPlan(sc, switchOff.lever) : policyPlan(sc, switchOff.policy);
      if (x.statistic === 'displacementIndex' && plan.target === null) {
        errors.push(`${at}.statistic: expected a statistic the intervention has (${intervention} has no displacement target: demand-side and organisation levers), got "displacementIndex"`);
        return;
      }
      if (x.statistic === 'relativeChange' || x.statistic === 'changePerChange') {
        const ids = entityIds(sc, x.kind!);
        if (!ids.includes(x.entity!)) {
          errors.push(`${at}.entity: expected a ${x.kind} id of ${read.label} (${list(ids)}), got "${x.entity}"`);
          return;
        }
      }
      targets.push({
        ...base,
        type: 'effect',
        id: x.id ?? `${x.statistic}.${'lever' in switchOff ? switchOff.lever : `policy${switchOff.policy}`}`,
        switchOff,
        intervention,
        statistic: x.statistic,
        per: x.per,
        ...(x.measure !== undefined ? { measure: x.measure, kind: x.kind, entity: x.entity } : {}),
        ...(x.perMeasure !== undefined ? { perMeasure: x.perMeasure } : {}),
        band: [x.band[0], x.band[1]],
      });
      return;
    }
    const fact = FACTS.find((f) => f.id === x.fact)!;
    if (sc.policies.length === 0) {
      errors.push(`${at}.scenario: expected a scenario with policies (facts compare it with the same world without any), got ${read.label} with none`);
      return;
    }
    targets.push({ ...base, type: 'fact', id: x.id ?? x.fact, fact: x.fact, statement: fact.statement, expectation: fact.expectation });
  });
  const seenIds = new Set<string>();
  targets.forEach((x) => {
    if (seenIds.has(x.id)) errors.push(`targets: expected a distinct "id" for each target, got "${x.id}" twice (name them with "id")`);
    seenIds.add(x.id);
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, spec: { scenarios, targets, firstSeed: t.firstSeed } };
}
