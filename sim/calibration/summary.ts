/**
 * What a finished calibration reports: every candidate with its losses, the
 * accepted set (the best `accept` candidates of the search stages), how well
 * each parameter is pinned down by it, and the best set as a scenario
 * `behaviour` block ready to paste.
 */
import { quantileSorted } from '../analysis/stats';
import { createStream } from '../model/rng';
import { unitOf } from './design';
import { candidateLoss, type CandidateLoss, type SeedSummaries } from './loss';
import type { CalibrationSpec } from './spec';
import type { FitParameter, Targets } from './schema';
import { byLoss, topDistinct, type Evaluated, type StageKind } from './stages';

export interface Candidate extends Evaluated {
  kind: StageKind;
  /** Final stage: the parameter a profile point moves (null for the best candidates re-run). */
  profile: number | null;
  seeds: number;
  losses: CandidateLoss;
}

export interface CandidateTable {
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

/**
 * The loss below which a search candidate is as good as the best, given seed noise:
 * the 90th percentile of the best candidate's loss when it is evaluated on `seeds`
 * seeds drawn (with replacement, seeded) from the seeds of its final re-run. A
 * candidate that is really as good as the best scores below it 9 times in 10.
 */
export function acceptanceTolerance(spec: CalibrationSpec, bestRuns: SeedSummaries, seeds: number, resamples = 200): number {
  const rng = createStream(spec.firstSeed, 'calibration:tolerance');
  const losses: number[] = [];
  for (let k = 0; k < resamples; k++) {
    const runs = Array.from({ length: seeds }, () => bestRuns[Math.floor(rng() * bestRuns.length)]);
    losses.push(candidateLoss(spec, runs).total);
  }
  losses.sort((a, b) => a - b);
  return quantileSorted(losses, 0.9);
}

/**
 * The accepted set: the distinct search candidates (not the final re-runs) whose
 * loss is within the tolerance, and at least the best `search.accept` of them.
 */
export function acceptedSet(t: Targets, candidates: readonly Candidate[], tolerance: number): Candidate[] {
  const search = topDistinct(candidates.filter((c) => c.kind !== 'final'), Infinity) as Candidate[];
  return search.filter((c, k) => k < t.search.accept || c.loss <= tolerance);
}

/** The fit: the best of the candidates re-run in the final stage (more seeds), else of all. */
export function bestCandidate(candidates: readonly Candidate[]): Candidate | undefined {
  const finals = candidates.filter((c) => c.kind === 'final' && c.profile === null);
  return [...(finals.length > 0 ? finals : candidates)].sort(byLoss)[0];
}

export function candidateTable(t: Targets, targetIds: readonly string[], candidates: readonly Candidate[], tolerance: number): CandidateTable {
  const accepted = new Set(acceptedSet(t, candidates, tolerance).map((c) => `${c.stage}/${c.point}`));
  const search = candidates.filter((c) => c.kind !== 'final').sort(byLoss);
  const rank = new Map(search.map((c, k) => [`${c.stage}/${c.point}`, k + 1]));
  const columns = ['candidate', 'stage', 'kind', 'profile', 'point', ...t.parameters.map((p) => p.path), 'seeds', 'loss', ...targetIds.map((id) => `loss:${id}`), 'rank', 'accepted'];
  const rows = candidates.map((c, k) => [
    k,
    c.stage,
    c.kind,
    c.profile === null ? '' : t.parameters[c.profile].path,
    c.point,
    ...c.values,
    c.seeds,
    c.losses.total,
    ...c.losses.targets,
    rank.get(`${c.stage}/${c.point}`) ?? null,
    accepted.has(`${c.stage}/${c.point}`),
  ]);
  return { columns, rows };
}

export interface Identifiability {
  parameter: string;
  scale: FitParameter['scale'];
  priorLo: number;
  priorHi: number;
  best: number;
  acceptedLo: number;
  acceptedHi: number;
  /** Width of the accepted range as a share of the prior range (on the search axis: log for log scales). */
  acceptedShare: number;
  /** Profile: the range of this parameter's values, the others held at the best search candidate, whose loss is within the final stage's tolerance. */
  profileLo: number | null;
  profileHi: number | null;
  profileShare: number | null;
  /** The larger of the two shares. */
  share: number;
  verdict: 'pinned down' | 'not pinned down';
  /** "best at the lower end of the range…" / "…upper end…" when the best sits within 5% of a bound (on the search scale). */
  note: string;
}

export function identifiability(t: Targets, candidates: readonly Candidate[], best: Candidate, tolerance: { search: number; final: number }): Identifiability[] {
  const accepted = acceptedSet(t, candidates, tolerance.search);
  const centre = candidates.find((c) => c.kind === 'final' && c.point === 0);
  return t.parameters.map((p, d) => {
    const xs = accepted.map((c) => c.values[d]);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const acceptedShare = unitOf(p, hi) - unitOf(p, lo);
    const along = candidates.filter((c) => c.kind === 'final' && c.profile === d);
    const within = [...(centre ? [centre] : []), ...along].filter((c) => c.loss <= tolerance.final).map((c) => c.values[d]);
    const hasProfile = along.length > 0 && within.length > 0;
    const profileLo = hasProfile ? Math.min(...within) : null;
    const profileHi = hasProfile ? Math.max(...within) : null;
    const profileShare = hasProfile ? unitOf(p, profileHi!) - unitOf(p, profileLo!) : null;
    const share = Math.max(acceptedShare, profileShare ?? 0);
    const u = unitOf(p, best.values[d]);
    const note = u <= 0.05 ? 'best at the lower end of the range: widen it' : u >= 0.95 ? 'best at the upper end of the range: widen it' : '';
    return {
      parameter: p.path,
      scale: p.scale,
      priorLo: p.range[0],
      priorHi: p.range[1],
      best: best.values[d],
      acceptedLo: lo,
      acceptedHi: hi,
      acceptedShare,
      profileLo,
      profileHi,
      profileShare,
      share,
      verdict: share > t.identifiability.threshold ? 'not pinned down' : 'pinned down',
      note,
    };
  });
}

/** Sets `value` at a dotted path in a nested object. */
function setDotted(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((k) => {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = {};
    node = node[k] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]] = value;
}

/** best.json: the best values, the `behaviour` block to paste, other overrides by path. */
export function bestDocument(
  t: Targets,
  best: Candidate,
  ids: readonly Identifiability[],
  seeds: readonly number[],
  accepted: { count: number; tolerance: number; profileTolerance: number },
): Record<string, unknown> {
  const parameters: Record<string, number> = {};
  const behaviour: Record<string, unknown> = {};
  const overrides: Record<string, number> = {};
  t.parameters.forEach((p, d) => {
    parameters[p.path] = best.values[d];
    if (/^behaviour\.[A-Za-z]+\.[A-Za-z]+$/.test(p.path)) setDotted(behaviour, p.path.slice('behaviour.'.length), best.values[d]);
    else overrides[p.path] = best.values[d];
  });
  return {
    name: t.name,
    scenario: t.scenario,
    loss: best.losses.total,
    seeds,
    accepted,
    parameters,
    ...(Object.keys(behaviour).length > 0 ? { behaviour } : {}),
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
    notPinnedDown: ids.filter((i) => i.verdict === 'not pinned down').map((i) => i.parameter),
  };
}
