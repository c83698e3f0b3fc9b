import { describe, expect, it } from 'vitest';
import { withOverrides } from '../../node/calibrate/load';
import { parseTargets } from '../../sim/calibration/validate';
import { totalRuns } from '../../sim/calibration/stages';

const t = (() => {
  const r = parseTargets({
    name: 't',
    scenario: 's',
    parameters: [{ path: 'behaviour.growers.incomeSensitivity', range: [0.2, 5] }],
    search: { points: 40, rounds: 2, pointsPerRound: 20, profile: 0, final: { top: 5 } },
    targets: [{ type: 'fact', fact: 'peru-rises' }],
  });
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.value;
})();

describe('--budget and --seeds', () => {
  it('--budget N: half the candidates in the Latin hypercube, the rest shared by the rounds', () => {
    const o = withOverrides(t, { budget: 30 });
    expect([o.search.points, o.search.rounds, o.search.pointsPerRound]).toEqual([15, 2, 7]);
    expect(withOverrides({ ...t, search: { ...t.search, rounds: 0 } }, { budget: 30 }).search.points).toBe(30);
    expect(t.search.points).toBe(40); // the file's targets are not changed
  });

  it('--seeds N: seeds per candidate, and the final re-run on twice as many unless the file says', () => {
    const o = withOverrides(t, { seeds: 5 });
    expect(o.seeds).toBe(5);
    expect(totalRuns(o)).toBe((40 + 2 * 20) * 5 + 5 * 10);
  });
});
