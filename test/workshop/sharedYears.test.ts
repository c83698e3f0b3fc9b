/**
 * At a lever release the workshop draws at once the years before the first lever the
 * change touches, from the answer on screen (app.ts showSharedYears, sim/workshop/partial.ts
 * digestPrefix). That is only honest if those years of the new plan's answer are the
 * same bits as the old plan's: checked here against the new plan run from scratch.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run';
import { digest } from '../../sim/workshop/digest';
import { digestPrefix } from '../../sim/workshop/partial';
import { firstAffectedTick, planPolicies, type LeverRow } from '../../sim/workshop/plan';
import { fixture } from './helpers';

const M = 1e6;

describe('years a plan shares with the plan before it', () => {
  const world = fixture('small-scenario');
  const none = runScenario({ ...world, policies: planPolicies(world, []) }, { seed: 3 });
  const answer = (rows: LeverRow[]) => {
    const scenario = { ...world, policies: planPolicies(world, rows) };
    return { policies: scenario.policies, digest: digest(runScenario(scenario, { seed: 3 }), scenario, none) };
  };

  it('are the new plan answer bit for bit, up to the first changed lever start', () => {
    const before = answer([{ slot: 2, kind: 'eradication', country: 'COL', budgetUsdPerYear: 40 * M, start: '2001-01' }]);
    const after = answer([
      { slot: 2, kind: 'eradication', country: 'COL', budgetUsdPerYear: 40 * M, start: '2001-01' },
      { slot: 5, kind: 'interdiction', country: 'PAN', budgetUsdPerYear: 300 * M, start: '2003-01' },
    ]);
    const years = Math.floor(firstAffectedTick(world, before.policies, after.policies) / world.ticksPerYear);
    expect(years).toBe(3);
    const shared = digestPrefix(before.digest, years);
    const truth = digestPrefix(after.digest, years);
    expect(shared.years).toBe(3);
    expect(shared.northConsumptionT).toEqual(truth.northConsumptionT);
    expect(shared.southViolence).toEqual(truth.southViolence);
    expect(shared.cultivationKha).toEqual(truth.cultivationKha);
    expect(shared.spendUsdM).toEqual(truth.spendUsdM);
    expect(shared.flowT).toEqual(truth.flowT);
    // ... and only those: the year the new lever starts differs.
    expect(after.digest.spendUsdM[years]).not.toBe(before.digest.spendUsdM[years]);
  });

  it('cuts every series to the years asked for', () => {
    const d = answer([]).digest;
    const cut = digestPrefix(d, 2);
    expect(cut.years).toBe(2);
    expect(cut.hash).toBe('');
    for (const series of [cut.northConsumptionT, cut.southViolence, cut.spendUsdM, ...Object.values(cut.cultivationKha), ...Object.values(cut.flowT)]) expect(series).toHaveLength(2);
  });
});
