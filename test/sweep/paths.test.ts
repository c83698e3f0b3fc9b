import { describe, expect, it } from 'vitest';
import { getAt, ParameterPathError, resolvePath, setAt } from '../../sim/sweep/paths';
import { baseInput } from './helpers';

describe('parameter paths', () => {
  const base = baseInput();

  it('resolves countries, routes and markets by id, and lists by index', () => {
    expect(resolvePath(base, 'countries.USA.police.budgetUsdPerYear')).toEqual(['countries', 2, 'police', 'budgetUsdPerYear']);
    expect(resolvePath(base, 'countries[1].governance')).toEqual(['countries', 1, 'governance']);
    expect(resolvePath(base, 'routes.COL-PAN-sea.baseSeizureProbability')).toEqual(['routes', 0, 'baseSeizureProbability']);
    expect(resolvePath(base, 'routes["COL-PAN-sea"].distanceKm')).toEqual(['routes', 0, 'distanceKm']);
    expect(resolvePath(base, 'markets.USA.elasticity')).toEqual(['markets', 0, 'elasticity']);
    expect(resolvePath(base, 'regions.COL-PUT.growers')).toEqual(['regions', 0, 'growers']);
    // An object the scenario leaves out is created when set.
    expect(resolvePath(base, 'behaviour.anything')).toEqual(['behaviour', 'anything']);
  });

  it('names what is wrong with a path', () => {
    const reason = (path: string) => {
      try {
        resolvePath(base, path);
      } catch (e) {
        expect(e).toBeInstanceOf(ParameterPathError);
        return (e as ParameterPathError).reason;
      }
      return 'no error';
    };
    expect(reason('countries.PER.governance')).toMatch(/no element of countries has the id "PER" \(ids: COL, PAN, USA\)/);
    expect(reason('countries[7].governance')).toMatch(/countries has 3 elements, no index 7/);
    expect(reason('countries.COL.governance.x')).toMatch(/countries\[0\]\.governance is a value, not an object/);
    expect(reason('name[0]')).toMatch(/not a list/);
    expect(reason('countries..x')).toMatch(/expected a name/);
    expect(reason('countries[x]')).toMatch(/expected a list index/);
    expect(reason('countries.COL.__proto__.x')).toMatch(/not a scenario key/);
  });

  it('sets values on a copy without touching the rest', () => {
    const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    const at = resolvePath(copy, 'countries.PAN.police.allocation.interdiction');
    setAt(copy, at, 0.9);
    expect(getAt(copy, at)).toBe(0.9);
    expect(getAt(copy, ['countries', 1, 'police', 'allocation', 'investigation'])).toBe(0.3);
    setAt(copy, ['behaviour', 'x'], 1);
    expect(copy.behaviour).toEqual({ x: 1 });
    expect(base.behaviour).toBeUndefined();
  });
});
