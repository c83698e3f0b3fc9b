/**
 * docs/specification.md §7 on the bundled Colombia case: the directions of the stylised facts,
 * over several seeds with 90% intervals, from agents' decisions (colombia-2000s is
 * the baseline world plus Plan Colombia's levers; nothing in it names an outcome).
 * The full report with effect sizes is `npm run facts` (20 seeds).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { annualDigest, type AnnualDigest } from '../../sim/analysis/annual';
import { evaluateFacts, withoutPolicies, type FactResult } from '../../sim/analysis/facts';
import { runPaired, seedsFrom, type Pair } from '../../sim/analysis/paired';
import { loadScenario } from '../../sim/scenario/validate';
import { readJson } from './helpers';

const HOLDING = [
  'colombia-falls',
  'peru-rises',
  'bolivia-rises',
  'displacement-index',
  'us-consumption-falls',
  'europe-consumption-rises',
  'europe-rivals-us',
  'markup',
  'partial-displacement',
  'west-africa-route',
];


describe('stylised facts of the Colombia case (colombia-2000s, 12 seeds)', () => {
  let facts: Map<string, FactResult>;
  beforeAll(() => {
    const scenario = loadScenario(readJson('scenarios/colombia-2000s.json'));
    const pairs: Pair<AnnualDigest>[] = runPaired(scenario, withoutPolicies(scenario), seedsFrom(1, 12), annualDigest);
    facts = new Map(evaluateFacts(scenario, pairs).map((f) => [f.id, f]));
  }, 600_000);

  const check = (id: string) => {
    const fact = facts.get(id);
    expect(fact, `fact ${id} is measured`).toBeDefined();
    expect(fact!.holds, `${fact!.statement}: ${fact!.estimate.mean} [${fact!.estimate.lo}, ${fact!.estimate.hi}]`).toBe(true);
  };
  it.each(HOLDING)('%s holds', check);
});
