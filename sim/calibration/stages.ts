/**
 * The stages of a calibration: a Latin hypercube over the whole prior box, then
 * `rounds` refinement rounds (each a Latin hypercube in the box around the elite
 * of every candidate so far), then the `final.top` best candidates re-run on more
 * seeds. Each stage's candidates follow from the losses of the stages before, so
 * the whole calibration is a deterministic function of the targets file.
 */
import { runSeed } from '../sweep/seeds';
import { boxAround, fullBox, lhsInBox, unitOf, valueOf, type Box } from './design';
import type { Targets } from './schema';

export type StageKind = 'lhs' | 'round' | 'final';

export interface StageInfo {
  index: number;
  kind: StageKind;
  /** Candidates planned (the final stage may have fewer when fewer exist). */
  points: number;
  seeds: number;
}

export function finalSeeds(t: Targets): number {
  return t.search.final.seeds ?? 2 * t.seeds;
}

export function stageInfos(t: Targets): StageInfo[] {
  const out: StageInfo[] = [{ index: 0, kind: 'lhs', points: t.search.points, seeds: t.seeds }];
  for (let r = 1; r <= t.search.rounds; r++) out.push({ index: r, kind: 'round', points: t.search.pointsPerRound, seeds: t.seeds });
  out.push({ index: t.search.rounds + 1, kind: 'final', points: t.search.final.top + t.search.profile * t.parameters.length, seeds: finalSeeds(t) });
  return out;
}

/** Runs of the whole calibration (an upper bound: the final stage may be smaller). */
export function totalRuns(t: Targets): number {
  return stageInfos(t).reduce((sum, s) => sum + s.points * s.seeds, 0);
}

/** A candidate already evaluated. */
export interface Evaluated {
  stage: number;
  point: number;
  values: number[];
  loss: number;
}

/** Best first: lower loss (NaN last), then earlier stage, then earlier point. */
export function byLoss(a: Evaluated, b: Evaluated): number {
  const la = Number.isFinite(a.loss) ? a.loss : Infinity;
  const lb = Number.isFinite(b.loss) ? b.loss : Infinity;
  return la - lb || a.stage - b.stage || a.point - b.point;
}

/** The distinct best candidates of the search stages, at most `k`. */
export function topDistinct(history: readonly Evaluated[], k: number): Evaluated[] {
  const sorted = [...history].sort(byLoss);
  const seen = new Set<string>();
  const out: Evaluated[] = [];
  for (const c of sorted) {
    const key = JSON.stringify(c.values);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
    if (out.length >= k) break;
  }
  return out;
}

/** The box a refinement round searches: around the elite of `history`. */
export function eliteBox(t: Targets, history: readonly Evaluated[]): Box {
  const k = Math.max(2, Math.ceil(t.search.elite * history.length));
  const elite = topDistinct(history, k);
  if (elite.length === 0) return fullBox(t.parameters.length);
  return boxAround(elite.map((c) => c.values.map((x, d) => unitOf(t.parameters[d], x))), t.search.margin);
}

/** Unit positions of the profile points along each parameter's axis: `n` evenly spaced, both ends included. */
export function profilePositions(n: number): number[] {
  return n === 1 ? [0.5] : Array.from({ length: n }, (_, k) => k / (n - 1));
}

/**
 * The final stage: the `final.top` best distinct search candidates, then the
 * profile of the best one: for each parameter d in turn, the best set with only
 * parameter d moved to each profile position. `profileOf[k]` is d for a profile
 * point, null for a top candidate.
 */
export function finalLayout(t: Targets, history: readonly Evaluated[]): { points: number[][]; profileOf: (number | null)[] } {
  const top = topDistinct(history, t.search.final.top).map((c) => c.values);
  const points = [...top];
  const profileOf: (number | null)[] = top.map(() => null);
  if (top.length > 0) {
    t.parameters.forEach((p, d) => {
      for (const u of profilePositions(t.search.profile)) {
        const values = [...top[0]];
        values[d] = valueOf(p, u);
        points.push(values);
        profileOf.push(d);
      }
    });
  }
  return { points, profileOf };
}

/** The candidates (parameter values) of stage `info`, given every search-stage candidate before it. */
export function stagePoints(t: Targets, info: StageInfo, history: readonly Evaluated[]): number[][] {
  const seed = runSeed(t.search.seed, info.index);
  if (info.kind === 'lhs') return lhsInBox(t.parameters, fullBox(t.parameters.length), info.points, seed);
  if (info.kind === 'round') return lhsInBox(t.parameters, eliteBox(t, history), info.points, seed);
  return finalLayout(t, history).points;
}
