/**
 * Live re-runs resume from snapshots taken under other plans; the answer must be
 * the same bytes as running the plan from scratch, and empty slots must not change
 * the world.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run';
import { LiveSession } from '../../sim/workshop/session';
import { atFidelity } from '../../sim/workshop/fidelity';
import { digest } from '../../sim/workshop/digest';
import { partialResult } from '../../sim/workshop/partial';
import { everyLever } from '../../viz/workshop/data/warmup';
import { planPolicies, SLOTS, type LeverRow } from '../../sim/workshop/plan';
import { fixture } from './helpers';

const M = 1e6;

describe('LiveSession', () => {
  const world = fixture('small-scenario');

  it('gives the hash of a run from scratch after each lever change, resuming after the earliest changed start', () => {
    for (const capture of [false, true]) {
      const session = new LiveSession(world, 7, { captureOnRerun: capture });
      const plans: LeverRow[][] = [
        [{ slot: 2, kind: 'eradication', country: 'COL', budgetUsdPerYear: 40 * M, start: '2002-01' }],
        [{ slot: 2, kind: 'eradication', country: 'COL', budgetUsdPerYear: 90 * M, start: '2002-01' }],
        [
          { slot: 2, kind: 'eradication', country: 'COL', budgetUsdPerYear: 90 * M, start: '2002-01' },
          { slot: 5, kind: 'prevention', country: 'USA', budgetUsdPerYear: 300 * M, start: '2003-07' },
        ],
        [{ slot: 5, kind: 'interdiction', country: 'PAN', budgetUsdPerYear: 20 * M, start: '2000-01' }],
        [],
      ];
      const resumedFrom: number[] = [];
      for (const rows of plans) {
        const policies = planPolicies(world, rows);
        const live = session.run(policies)!;
        const fresh = runScenario(session.scenarioOf(policies), { seed: 7 });
        expect(live.result.hash, JSON.stringify(rows)).toBe(fresh.hash);
        resumedFrom.push(live.fromTick);
      }
      // 2002 lever: from 2002; same start: from 2002; a 2003-07 lever added: from 2003 (or 2002 without captures);
      // a lever moved to 2000: from the start; back to no levers: from the start.
      expect(resumedFrom).toEqual([24, 24, capture ? 36 : 24, 0, 0]);
      expect(session.run(planPolicies(world, []))?.ticksRun).toBe(0);
      expect(session.run(planPolicies(world, []))?.result.hash).toBe(session.baseline.hash);
    }
  });

  it('drops a cancelled run (and a warm-up): the next answer is still the bytes of a run from scratch', () => {
    const session = new LiveSession(world, 5, { captureOnRerun: true });
    const first = planPolicies(world, [{ slot: 0, kind: 'prevention', country: 'USA', budgetUsdPerYear: 200 * M, start: '2001-01' }]);
    const stopped = planPolicies(world, [{ slot: 0, kind: 'prevention', country: 'USA', budgetUsdPerYear: 900 * M, start: '2001-01' }]);
    expect(session.run(first)?.result.hash).toBe(runScenario(session.scenarioOf(first), { seed: 5 }).hash);
    let polls = 0;
    expect(session.run(stopped, () => ++polls > 20)).toBeNull();
    expect(polls).toBe(21);
    // Unchanged plan: answered from memory, not from the cancelled run.
    expect(session.run(first)?.ticksRun).toBe(0);
    // Warming up with every lever on keeps nothing.
    session.warmUp(2, 2, planPolicies(world, everyLever(world, '2003-01')));
    expect(session.run(first)?.ticksRun).toBe(0);
    const later = planPolicies(world, [{ slot: 0, kind: 'prevention', country: 'USA', budgetUsdPerYear: 200 * M, start: '2003-01' }]);
    const live = session.run(later)!;
    expect(live.fromTick).toBe(12);
    expect(live.result.hash).toBe(runScenario(session.scenarioOf(later), { seed: 5 }).hash);
  });

  it('keeps empty slots inert: the world evolves exactly as with no policy at all', () => {
    const bare = runScenario({ ...world, policies: [] }, { seed: 3 });
    const slots = runScenario({ ...world, policies: planPolicies(world, []) }, { seed: 3 });
    expect(planPolicies(world, [])).toHaveLength(SLOTS);
    const keys = Object.keys(bare.summary);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) expect(slots.summary[key], key).toBe(bare.summary[key]);
  });

  it('workshop fidelity divides growers and keeps the land', () => {
    const quick = atFidelity(world, 'workshop');
    expect(quick.regions[0].growers).toBe(Math.ceil(world.regions[0].growers / 4));
    expect(quick.regions[0].cultivableHa).toBe(world.regions[0].cultivableHa);
    expect(atFidelity(world, 'full')).toBe(world);
  });
});

describe('digest', () => {
  const world = fixture('two-producers');
  const session = new LiveSession(atFidelity(world, 'workshop'), 1);

  it('measures displacement against the run without levers when a lever cuts cultivation', () => {
    const rows: LeverRow[] = [{ slot: 0, kind: 'eradication', country: 'COL', budgetUsdPerYear: 400 * M, start: '2004-01' }];
    const policies = planPolicies(world, rows);
    const live = session.run(policies)!;
    const d = digest(live.result, session.scenarioOf(policies), session.baseline);
    const none = digest(session.baseline, session.world, session.baseline);
    expect(d.years).toBe(16);
    expect(Object.keys(d.cultivationKha).sort()).toEqual(['COL', 'PER']);
    // Eradication cuts Colombian coca against the run without levers.
    expect(d.outcomes.cultivationKha).toBeLessThan(none.outcomes.cultivationKha);
    expect(d.outcomes.displacementIndex).not.toBeNull();
    expect(d.displacementNote).toContain('COL');
    // Cost: $400M a year over 2004-2015.
    expect(d.outcomes.costUsdBn).toBeCloseTo(0.4 * 12, 6);
    expect(none.outcomes.costUsdBn).toBe(0);
    expect(none.outcomes.displacementIndex).toBeNull();
    // The years before the lever are the same as without levers.
    expect(d.northConsumptionT.slice(0, 4)).toEqual(none.northConsumptionT.slice(0, 4));
    expect(d.northConsumptionT.slice(5)).not.toEqual(none.northConsumptionT.slice(5));
  });
});

describe('partial answers', () => {
  it('digest the years run so far exactly as the finished run has them', () => {
    const world = fixture('small-scenario');
    const session = new LiveSession(world, 2);
    const policies = planPolicies(world, [{ slot: 1, kind: 'prevention', country: 'USA', budgetUsdPerYear: 400 * M, start: '2001-01' }]);
    const partials: ReturnType<typeof digest>[] = [];
    const live = session.run(policies, undefined, (sim) => partials.push(digest(partialResult(sim, session.baseline), session.scenarioOf(policies), session.baseline)))!;
    const full = digest(live.result, session.scenarioOf(policies), session.baseline);
    // Resumed at the start of 2001: called at the starts of 2002, 2003 and 2004.
    expect(partials.map((p) => p.years)).toEqual([2, 3, 4]);
    for (const p of partials) {
      expect(p.northConsumptionT).toEqual(full.northConsumptionT.slice(0, p.years));
      expect(p.cultivationKha.COL).toEqual(full.cultivationKha.COL.slice(0, p.years));
    }
  });
});
