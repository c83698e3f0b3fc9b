import { describe, expect, it } from 'vitest';
import { boxAround, lhsInBox, unitOf, valueOf, fullBox } from '../../sim/calibration/design';
import { eliteBox, finalLayout, stageInfos, stagePoints, topDistinct, totalRuns, type Evaluated } from '../../sim/calibration/stages';
import { parseTargets } from '../../sim/calibration/validate';
import type { Targets } from '../../sim/calibration/schema';

function targets(extra: Record<string, unknown> = {}): Targets {
  const r = parseTargets({
    name: 't',
    scenario: 's.json',
    parameters: [
      { path: 'behaviour.growers.incomeSensitivity', range: [0.1, 10], scale: 'log' },
      { path: 'behaviour.growers.choiceNoise', range: [0, 2] },
    ],
    targets: [{ type: 'fact', fact: 'peru-rises' }],
    ...extra,
  });
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.value;
}

describe('candidate designs', () => {
  it('maps unit coordinates onto ranges, log scales evenly in log, rounded to 4 digits', () => {
    const [log, lin] = targets().parameters;
    expect(valueOf(log, 0)).toBe(0.1);
    expect(valueOf(log, 1)).toBe(10);
    expect(valueOf(log, 0.5)).toBe(1);
    expect(valueOf(lin, 0.123456)).toBe(0.2469);
    expect(unitOf(log, 1)).toBeCloseTo(0.5, 12);
    expect(unitOf(lin, 3)).toBe(1);
  });

  it('a Latin hypercube puts one candidate in each stratum of every axis, the same for the same seed', () => {
    const t = targets();
    const a = lhsInBox(t.parameters, fullBox(2), 10, 7);
    expect(lhsInBox(t.parameters, fullBox(2), 10, 7)).toEqual(a);
    expect(lhsInBox(t.parameters, fullBox(2), 10, 8)).not.toEqual(a);
    for (let d = 0; d < 2; d++) {
      const strata = a.map((v) => Math.min(9, Math.floor(unitOf(t.parameters[d], v[d]) * 10))).sort((x, y) => x - y);
      expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
    const inside = lhsInBox(t.parameters, [[0.5, 0.6], [0, 0.1]], 20, 1);
    for (const v of inside) {
      expect(unitOf(t.parameters[0], v[0])).toBeGreaterThanOrEqual(0.5 - 1e-3);
      expect(unitOf(t.parameters[0], v[0])).toBeLessThanOrEqual(0.6 + 1e-3);
      expect(v[1]).toBeLessThanOrEqual(0.2);
    }
  });

  it('the box around the elite is widened by the margin (at least 2%) and clipped to the range', () => {
    expect(boxAround([[0.4, 0], [0.6, 0.01]], 0.1)).toEqual([[0.38, 0.62], [0, 0.03]]);
  });

  it('stages: LHS, rounds around the elite, then the best re-run on more seeds', () => {
    const t = targets({ seeds: 2, search: { points: 10, rounds: 1, pointsPerRound: 6, elite: 0.2, profile: 2, final: { top: 3 } } });
    const infos = stageInfos(t);
    expect(infos.map((s) => [s.kind, s.points, s.seeds])).toEqual([['lhs', 10, 2], ['round', 6, 2], ['final', 3 + 2 * 2, 4]]);
    expect(totalRuns(t)).toBe(10 * 2 + 6 * 2 + 7 * 4);
    const first = stagePoints(t, infos[0], []);
    // Loss: distance from the middle of axis 0 and the top of axis 1; the elite sits near there.
    const history: Evaluated[] = first.map((values, point) => ({ stage: 0, point, values, loss: Math.abs(unitOf(t.parameters[0], values[0]) - 0.5) + Math.abs(values[1] - 1) }));
    const box = eliteBox(t, history);
    const elite = topDistinct(history, 2);
    for (const c of elite) {
      expect(unitOf(t.parameters[0], c.values[0])).toBeGreaterThanOrEqual(box[0][0]);
      expect(unitOf(t.parameters[0], c.values[0])).toBeLessThanOrEqual(box[0][1]);
    }
    expect(box[0][1] - box[0][0]).toBeLessThan(1);
    const round = stagePoints(t, infos[1], history);
    expect(round).toHaveLength(6);
    expect(stagePoints(t, infos[1], history)).toEqual(round);
    const finals = stagePoints(t, infos[2], history);
    const top = topDistinct(history, 3).map((c) => c.values);
    expect(finals.slice(0, 3)).toEqual(top);
    expect(finals[0]).toEqual(elite[0].values);
    // Then the profile of the best: each parameter alone at both ends of its range.
    expect(finals.slice(3)).toEqual([[0.1, top[0][1]], [10, top[0][1]], [top[0][0], 0], [top[0][0], 2]]);
    expect(finalLayout(t, history).profileOf).toEqual([null, null, null, 0, 0, 1, 1]);
  });
});
