/**
 * The precursorControl lever end to end: the scenario accepts it on a producer country only,
 * the lever phase turns its budget into a rise of the production cost per kg in that country's
 * regions (and books its spending), and its words reach the entity ids, the effect tables and the
 * displacement analysis.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/validate';
import { buildWorld } from '../../sim/model/world';
import { createState } from '../../sim/model/init';
import { applyLevers, createLeverInputs } from '../../sim/model/levers';
import { costRise, HALF_RISE_BUDGET_USD, MAX_COST_RISE } from '../../sim/levers/precursorControl';
import { policyLabel } from '../../sim/analysis/counterfactual';
import { displacementTarget } from '../../sim/analysis/displacement';
import { policyTarget } from '../../sim/levers/words';
import { runScenario } from '../../sim/run';
import { pickSeries } from '../../sim/results/rows';
import { errorAt } from '../scenario/helpers';
import { readJson, twoProducers } from '../model/helpers';

const precursor = (p: Record<string, unknown> = {}) => ({ lever: 'precursorControl', country: 'COL', budgetUsdPerYear: HALF_RISE_BUDGET_USD, start: '2005-01', ...p });

describe('precursorControl in a scenario', () => {
  it('is accepted on a country with producer regions', () => {
    const input = readJson('test/fixtures/two-producers.json') as { policies?: unknown[] };
    input.policies = [precursor()];
    expect(parseScenario(input).ok).toBe(true);
  });

  it('is refused on a country without producer regions, and with a region (it acts on the whole country)', () => {
    const input = readJson('test/fixtures/two-producers.json') as { policies?: unknown[] };
    input.policies = [precursor({ country: 'MEX' })];
    expect(errorAt(parseScenario(input), 'policies[0].country').message).toBe('policies[0].country: expected a country with producer regions, got "MEX"');
    input.policies = [precursor({ region: 'COL-PUT' })];
    expect(errorAt(parseScenario(input), 'policies[0].region').expected).toContain('no such key');
  });
});

describe('precursorControl in the model', () => {
  it('raises the production cost per kg in the country\'s regions while funded, and books its spending', () => {
    const scenario = twoProducers([precursor({ end: '2005-12' }), precursor({ budgetUsdPerYear: 3 * HALF_RISE_BUDGET_USD, start: '2005-07', end: '2005-12' })]);
    const world = buildWorld(scenario);
    const state = createState(world, 1);
    const inputs = createLeverInputs(world);
    const col = world.regions.id.indexOf('COL-PUT');
    const per = world.regions.id.indexOf('PER-HUA');

    state.tick = world.policies[0].startTick - 1;
    applyLevers(world, state, inputs);
    expect(inputs.productionCostRise[col]).toBe(0);
    expect(state.accounts.spendUsd).toBe(0);

    state.tick = world.policies[0].startTick;
    applyLevers(world, state, inputs);
    expect(inputs.productionCostRise[col]).toBeCloseTo(MAX_COST_RISE / 2, 12);
    expect(inputs.productionCostRise[per]).toBe(0);
    expect(state.policySpendUsd[0]).toBeCloseTo(HALF_RISE_BUDGET_USD / world.ticksPerYear, 6);
    expect(state.countrySpendUsd[world.countries.id.indexOf('COL')]).toBeCloseTo(HALF_RISE_BUDGET_USD / world.ticksPerYear, 6);

    // Two policies on one country add their budgets before the rise saturates: 4 x half -> 4/5 of the largest.
    state.tick = world.policies[1].startTick;
    applyLevers(world, state, inputs);
    expect(inputs.productionCostRise[col]).toBeCloseTo(costRise(4 * HALF_RISE_BUDGET_USD), 12);
    expect(costRise(4 * HALF_RISE_BUDGET_USD)).toBeCloseTo(0.8 * MAX_COST_RISE, 12);

    state.tick = world.policies[0].endTick + 1;
    applyLevers(world, state, inputs);
    expect(inputs.productionCostRise[col]).toBe(0);
  });

  it('shows in the run as the spending of its policy entity, under its id', () => {
    const scenario = twoProducers([precursor()], (s) => (s.end = '2006-12'));
    const result = runScenario(scenario, { seed: 1 });
    const spend = pickSeries(result, 'spendUsd', '0:precursorControl:COL', 'policy');
    const perYear = spend.value.slice(-12).reduce((a, b) => a + b, 0);
    expect(perYear).toBeCloseTo(HALF_RISE_BUDGET_USD, 0);
    expect(spend.value[0]).toBe(0); // 2000-01: not yet funded
  });
});

describe('precursorControl in words', () => {
  it('has a label, a target and a displacement target: cultivation in the country vs the other producers', () => {
    const scenario = twoProducers([precursor()]);
    const p = scenario.policies[0];
    expect(policyLabel(p, 0)).toBe('#0 precursorControl COL');
    expect(policyTarget(p)).toBe('COL');
    const t = displacementTarget(scenario, 0);
    expect(t).toMatchObject({ measure: 'cultivationHa', kind: 'country', target: ['COL'], elsewhere: ['PER'] });
  });
});

describe('precursorControl in the growers\' decision', () => {
  it('lowers coca cultivation in the funded country against the same world without it (paired seeds)', () => {
    const without = twoProducers([], (s) => (s.end = '2009-12'));
    const funded = twoProducers([precursor({ budgetUsdPerYear: 4 * HALF_RISE_BUDGET_USD, start: '2002-01' })], (s) => (s.end = '2009-12'));
    for (const seed of [1, 2]) {
      const lastYear = (run: ReturnType<typeof runScenario>) => pickSeries(run, 'cultivationHa', 'COL', 'country').value.slice(-12).reduce((a, b) => a + b, 0) / 12;
      expect(lastYear(runScenario(funded, { seed }))).toBeLessThan(0.95 * lastYear(runScenario(without, { seed })));
    }
  });
});
