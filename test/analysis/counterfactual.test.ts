import { describe, expect, it } from 'vitest';
import { withoutLever, withoutPolicy } from '../../sim/analysis/counterfactual';
import { combinedTarget, displacementTarget } from '../../sim/analysis/displacement';
import { tickOf } from '../../sim/analysis/time';
import { fixture } from './fixture';

describe('counterfactual scenarios', () => {
  it('removes exactly one policy and leaves the original untouched', () => {
    const s = fixture();
    const w = withoutPolicy(s, 0);
    expect(w.policies.map((p) => p.lever)).toEqual(['prevention']);
    expect(s.policies).toHaveLength(2);
    expect(w.countries).toBe(s.countries);
    expect(w.name).toContain('without eradication COL');
  });

  it('removes every policy of a lever kind', () => {
    const s = fixture();
    s.policies.push({ lever: 'eradication', country: 'PER', budgetUsdPerYear: 1e8, start: '2001-01', label: 'eradication PER' });
    expect(withoutLever(s, 'eradication').policies.map((p) => p.lever)).toEqual(['prevention']);
  });

  it('refuses what is not there, saying what was expected', () => {
    expect(() => withoutPolicy(fixture(), 2)).toThrow('policies[2]: expected an index in [0, 1], got 2');
    expect(() => withoutLever(fixture(), 'treatment')).toThrow('expected at least one "treatment" lever');
  });
});

describe('displacement targets', () => {
  it('counts months from the scenario start in ticks', () => {
    expect(tickOf('2002-01', '2000-01', 12)).toBe(24);
    expect(tickOf('2002-07', '2000-01', 4)).toBe(10);
    expect(tickOf('1999-12', '2000-01', 12)).toBe(-1);
  });

  it('targets the eradicated country against the other producers from the lever start', () => {
    const t = displacementTarget(fixture(), 0)!;
    expect(t).toMatchObject({ measure: 'cultivationHa', kind: 'country', target: ['COL'], elsewhere: ['PER'], fromTick: 24 });
  });

  it('targets a region, a route and a transit country', () => {
    const s = fixture();
    s.policies = [
      { lever: 'eradication', country: 'COL', region: 'COL-south', budgetUsdPerYear: 1e8, start: '2001-01' },
      { lever: 'interdiction', country: 'COL', route: 'COL-MEX-sea', budgetUsdPerYear: 1e8, start: '2001-01' },
      { lever: 'interdiction', country: 'DOM', budgetUsdPerYear: 1e8, start: '2001-01' },
      { lever: 'capacityFunding', donor: 'USA', recipient: 'PER', budgetUsdPerYear: 1e8, start: '2001-01' },
      { lever: 'prevention', country: 'USA', budgetUsdPerYear: 1e8, start: '2001-01' },
    ];
    expect(displacementTarget(s, 0)).toMatchObject({ kind: 'region', target: ['COL-south'], elsewhere: ['COL-north', 'PER-valleys'] });
    expect(displacementTarget(s, 1)).toMatchObject({ kind: 'route', target: ['COL-MEX-sea'], elsewhere: ['COL-DOM-air', 'COL-ESP-sea'] });
    // flow into DOM vs into the other transit countries, leaving out legs that start in DOM
    expect(displacementTarget(s, 2)).toMatchObject({ kind: 'route', target: ['COL-DOM-air'], elsewhere: ['PER-COL-land', 'COL-MEX-sea', 'PER-MEX-sea', 'COL-ESP-sea'] });
    expect(displacementTarget(s, 3)).toMatchObject({ measure: 'cultivationHa', target: ['PER'], elsewhere: ['COL'] });
    expect(displacementTarget(s, 4)).toBeNull();
    expect(combinedTarget(s, [1, 2])).toMatchObject({ target: ['COL-MEX-sea', 'COL-DOM-air'] });
    expect(combinedTarget(s, [0, 1])).toBeNull();
    // a regional push inside a national campaign: compared as countries
    s.policies.push({ lever: 'eradication', country: 'COL', budgetUsdPerYear: 1e8, start: '2000-06' });
    expect(combinedTarget(s, [0, 5])).toMatchObject({ measure: 'cultivationHa', kind: 'country', target: ['COL'], elsewhere: ['PER'], fromTick: 5 });
  });
});
