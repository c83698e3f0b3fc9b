/**
 * Targets of a package of supply-side levers (sim/analysis/supplyEffects): producer
 * levers are grouped under coca, route and transit levers under routes, and levers
 * without a target stay out of both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addedPolicies, intervalCaveat, SUPPLY_LEVERS, supplyTargets } from '../../sim/analysis/supplyEffects';
import type { Scenario } from '../../sim/scenario/schema';
import { parseScenarioText } from '../../sim/scenario/validate';

function load(name: string): Scenario {
  const parsed = parseScenarioText(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors[0].message);
  return parsed.value;
}

describe('supply-side targets of a package of levers', () => {
  const baseline = load('baseline');

  it('splits Plan Colombia into coca (Colombia vs the other producers) and routes (flow into Colombia)', () => {
    const colombia = load('colombia-2000s');
    const added = addedPolicies(colombia, baseline);
    expect(added).toEqual(colombia.policies.map((_, i) => i));
    const targets = supplyTargets(colombia, added);
    expect(targets.map((t) => t.group)).toEqual(['coca', 'routes']);
    const coca = targets[0].target;
    // The regional push counts as Colombia, next to the national campaign.
    expect(coca.kind).toBe('country');
    expect(coca.target).toEqual(['COL']);
    expect([...coca.elsewhere].sort()).toEqual(['BOL', 'PER']);
    expect(targets[1].policies.map((i) => colombia.policies[i].lever)).toEqual(['interdiction']);
  });

  it('gives intelligence sharing the routes between partners, and organisation levers nothing', () => {
    const sharing = load('intelligence-sharing');
    const [routes] = supplyTargets(sharing, addedPolicies(sharing, baseline));
    expect(routes.group).toBe('routes');
    const partners = new Set(sharing.policies[0].lever === 'intelligenceSharing' ? sharing.policies[0].countries : []);
    for (const id of routes.target.target) {
      const r = sharing.routes.find((x) => (x.id ?? `${x.from}-${x.to}-${x.mode}`) === id)!;
      expect(partners.has(r.from) && partners.has(r.to)).toBe(true);
    }
    expect(routes.target.elsewhere.some((id) => routes.target.target.includes(id))).toBe(false);
    const assets = load('asset-seizure');
    expect(supplyTargets(assets, addedPolicies(assets, baseline))).toEqual([]);
    // Against itself nothing is added.
    expect(addedPolicies(assets, assets)).toEqual([]);
  });

  it('gives every bundled scenario that adds supply-side levers a displacement target (issue 16: Compare showed "–" for 7 of 8)', () => {
    const dir = join(import.meta.dirname, '..', '..', 'scenarios');
    const ids = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    const withSupply = ids.filter((id) => load(id).policies.some((p) => SUPPLY_LEVERS.has(p.lever)));
    // The bundled library has supply-side scenarios (this test would pass on an empty list otherwise).
    expect(withSupply.length).toBeGreaterThanOrEqual(5);
    for (const id of withSupply) {
      const s = load(id);
      const added = addedPolicies(s, baseline);
      const targets = supplyTargets(s, added);
      expect(targets.length, `${id}: no displacement target for its levers ${[...new Set(s.policies.map((p) => p.lever))].join(', ')}`).toBeGreaterThan(0);
      for (const t of targets) expect(t.target.target.length, `${id} ${t.group}: nothing targeted`).toBeGreaterThan(0);
      // At least one index is measurable; a group with nowhere to displace to targets every producer (the table says so in words).
      expect(targets.some((t) => t.target.elsewhere.length > 0), `${id}: no group has anywhere for the cut to go`).toBe(true);
      const producers = new Set(s.regions.map((r) => r.country));
      for (const t of targets.filter((x) => x.target.elsewhere.length === 0)) expect([t.group, [...producers].every((c) => t.target.target.includes(c))], id).toEqual(['coca', true]);
    }
  });

  it('says when an interval cannot tell the sign', () => {
    expect(intervalCaveat({ mean: 0.3, lo: -0.1, hi: 0.7, n: 3, level: 0.9 })).toMatch(/3 seeds: the interval spans zero/);
    expect(intervalCaveat({ mean: 0.3, lo: 0.1, hi: 0.7, n: 3, level: 0.9 })).toBeNull();
    expect(intervalCaveat({ mean: 0.3, lo: -0.1, hi: 0.7, n: 20, level: 0.9 })).toBeNull();
    expect(intervalCaveat({ mean: 0.3, lo: NaN, hi: NaN, n: 1, level: 0.9 })).toMatch(/one seed/);
  });
});
