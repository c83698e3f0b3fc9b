/**
 * Checks that need the whole scenario: unique ids, references that exist and
 * have the right role, dates in order and inside the horizon, size limits, and
 * markets that trafficking can reach.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/validate';
import { LIMITS } from '../../sim/validation/limits';
import { errorAt, errorsOf, fixture } from './helpers';

const policy = (p: Record<string, unknown>) => ({ budgetUsdPerYear: 1e6, start: '2001-01', ...p });

describe('ids', () => {
  it('duplicate country, region and route ids (route ids default to FROM-TO-mode)', () => {
    const s = fixture();
    s.countries.push({ ...s.countries[1] });
    s.regions.push({ ...s.regions[0] });
    s.routes.push({ ...s.routes[0], distanceKm: 900 });
    s.routes.push({ ...s.routes[1], id: 'COL-PAN-sea' });
    const r = parseScenario(s);
    expect(errorAt(r, 'countries[3].id').message).toBe('countries[3].id: expected a unique country id, got "PAN" again (also at countries[1])');
    expect(errorAt(r, 'regions[1].id').found).toBe('"COL-PUT" again (also at regions[0])');
    expect(errorAt(r, 'routes[3]').expected).toBe('a unique route id (the default id is FROM-TO-mode)');
    expect(errorAt(r, 'routes[4].id').found).toBe('"COL-PAN-sea" again (also at routes[0])');
  });

  it('a role given twice', () => {
    const s = fixture();
    s.countries[1].roles = ['transit', 'producer', 'transit'];
    expect(errorAt(parseScenario(s), 'countries[1].roles[2]').message).toBe('countries[1].roles[2]: expected each role once, got "transit" again');
  });

  it('two markets in one country', () => {
    const s = fixture();
    s.markets.push({ ...s.markets[0] });
    expect(errorAt(parseScenario(s), 'markets[1].country').expected).toBe('a unique market country (one market per country)');
  });
});

describe('references', () => {
  it('a region in a missing country or a country that is not a producer', () => {
    const s = fixture();
    s.regions.push({ ...s.regions[0], id: 'R2', country: 'BOL' }, { ...s.regions[0], id: 'R3', country: 'PAN' });
    const r = parseScenario(s);
    expect(errorAt(r, 'regions[1].country').message).toBe('regions[1].country: expected the id of a country listed in countries, got "BOL" (no such country)');
    expect(errorAt(r, 'regions[2].country').message).toBe('regions[2].country: expected a country with role "producer", got "PAN" (roles: transit)');
  });

  it('routes to missing countries, or from a country to itself', () => {
    const s = fixture();
    s.routes.push({ ...s.routes[0], to: 'MEX' }, { ...s.routes[0], to: 'COL' });
    const r = parseScenario(s);
    expect(errorAt(r, 'routes[3].to').found).toBe('"MEX" (no such country)');
    expect(errorAt(r, 'routes[4].to').message).toBe('routes[4].to: expected a country other than "from" ("COL"), got "COL"');
  });

  it('a market in a country that is not a consumer', () => {
    const s = fixture();
    s.markets[0].country = 'PAN';
    expect(errorAt(parseScenario(s), 'markets[0].country').expected).toBe('a country with role "consumer"');
  });

  it('policy targets', () => {
    const s = fixture();
    s.policies = [
      policy({ lever: 'capacityFunding', donor: 'USA', recipient: 'USA' }),
      policy({ lever: 'capacityFunding', donor: 'GBR', recipient: 'NGA' }),
      policy({ lever: 'eradication', country: 'PAN' }),
      policy({ lever: 'eradication', country: 'COL', region: 'COL-XXX' }),
      policy({ lever: 'interdiction', country: 'USA', route: 'COL-PAN-sea' }),
      policy({ lever: 'interdiction', country: 'PAN', route: 'nowhere' }),
      policy({ lever: 'intelligenceSharing', countries: ['USA', 'COL', 'USA', 'BRA'] }),
      policy({ lever: 'prevention', country: 'COL' }),
      policy({ lever: 'assetSeizure', country: 'ESP' }),
      policy({ lever: 'alternativeDevelopment', country: 'COL', region: 'COL-PUT' }),
      policy({ lever: 'interdiction', country: 'PAN', route: 'PAN-USA-sea' }),
    ];
    const r = parseScenario(s);
    expect(errorAt(r, 'policies[0].recipient').expected).toBe('a country other than the donor ("USA")');
    expect(errorAt(r, 'policies[1].donor').found).toBe('"GBR" (no such country)');
    expect(errorAt(r, 'policies[1].recipient').found).toBe('"NGA" (no such country)');
    expect(errorAt(r, 'policies[2].country').expected).toBe('a country with producer regions');
    expect(errorAt(r, 'policies[3].region').found).toBe('"COL-XXX" (no such region)');
    expect(errorAt(r, 'policies[4].route').message).toBe('policies[4].route: expected a route from or to "USA", got "COL-PAN-sea" (COL to PAN)');
    expect(errorAt(r, 'policies[5].route').found).toBe('"nowhere" (no such route)');
    expect(errorAt(r, 'policies[6].countries[2]').found).toBe('"USA" again');
    expect(errorAt(r, 'policies[6].countries[3]').found).toBe('"BRA" (no such country)');
    expect(errorAt(r, 'policies[7].country').expected).toBe('a country with a consumer market (listed in markets)');
    expect(errorAt(r, 'policies[8].country').found).toBe('"ESP" (no such country)');
    // valid policies produce no errors
    expect(errorsOf(r).filter((e) => e.path.startsWith('policies[9]') || e.path.startsWith('policies[10]'))).toEqual([]);
  });

  it('a region of another country', () => {
    const s = fixture();
    s.countries[1].roles = ['producer', 'transit'];
    s.regions.push({ ...s.regions[0], id: 'PAN-DAR', country: 'PAN' });
    s.policies = [policy({ lever: 'eradication', country: 'COL', region: 'PAN-DAR' })];
    expect(errorAt(parseScenario(s), 'policies[0].region').message).toBe(
      'policies[0].region: expected a region of "COL", got "PAN-DAR" (a region of "PAN")',
    );
  });

  it('trafficker home countries exist and shares are not all zero', () => {
    const s = fixture();
    s.traffickers.homeShares = { COL: 0, BRA: 0 };
    s.traffickers.maxCount = 3;
    const r = parseScenario(s);
    expect(errorAt(r, 'traffickers.homeShares').expected).toBe('at least one country with a share above 0');
    expect(errorAt(r, 'traffickers.homeShares.BRA').found).toBe('"BRA" (no such country)');
    expect(errorAt(r, 'traffickers.maxCount').message).toBe('traffickers.maxCount: expected an integer ≥ count (5), got 3');
  });
});

describe('time', () => {
  it('end before start', () => {
    const s = fixture();
    s.end = '1999-12';
    expect(errorAt(parseScenario(s), 'end').message).toBe('end: expected a month not before start (2000-01), got "1999-12"');
  });

  it('policy dates inside the horizon and in order', () => {
    const s = fixture();
    s.policies = [
      policy({ lever: 'prevention', country: 'USA', start: '1999-06' }),
      policy({ lever: 'prevention', country: 'USA', start: '2003-01', end: '2002-12' }),
      policy({ lever: 'prevention', country: 'USA', end: '2010-01' }),
      policy({ lever: 'prevention', country: 'USA', start: '2000-01', end: '2004-12' }),
    ];
    const r = parseScenario(s);
    expect(errorAt(r, 'policies[0].start').message).toBe('policies[0].start: expected a month from 2000-01 to 2004-12 (the horizon), got "1999-06"');
    expect(errorAt(r, 'policies[1].end').expected).toBe("a month not before the policy's start (2003-01)");
    expect(errorAt(r, 'policies[2].end').found).toBe('"2010-01"');
    expect(errorsOf(r)).toHaveLength(3);
  });

  it('too many ticks, counting the burn-in', () => {
    const s = fixture();
    s.ticksPerYear = 52;
    s.burnInYears = 50;
    // The model's rule: burn-in years × ticksPerYear, plus the ticks from the start
    // month to the first tick of the end month, plus that tick.
    s.end = '2149-12'; // 50 × 52 + floor(1799 months × 52 / 12) + 1 = 2600 + 7795 + 1
    const errors = errorsOf(parseScenario(s));
    expect(errors.map((e) => e.message)).toEqual([`end: expected a run of at most ${LIMITS.ticksTotal} ticks (burn-in plus horizon), got 10396 ticks`]);
    s.burnInYears = 0;
    s.end = '2192-04'; // floor(2307 × 52 / 12) + 1 = 9998 ticks
    expect(parseScenario(s).ok).toBe(true);
    s.end = '2192-05'; // floor(2308 × 52 / 12) + 1 = 10002 ticks
    expect(errorAt(parseScenario(s), 'end').found).toBe('10002 ticks');
  });

  it('too many growers', () => {
    const s = fixture();
    s.regions = Array.from({ length: 5 }, (_, i) => ({ ...s.regions[0], id: `R${i}`, growers: LIMITS.growersPerRegion }));
    expect(errorAt(parseScenario(s), 'regions').message).toBe(
      `regions: expected at most ${LIMITS.growersTotal} growers over all regions, got ${5 * LIMITS.growersPerRegion} growers`,
    );
  });
});

describe('reachability', () => {
  it('a market no producer can reach', () => {
    const s = fixture();
    s.routes = s.routes.filter((r: { to: string }) => r.to !== 'USA');
    expect(errorAt(parseScenario(s), 'markets[0].country').message).toBe(
      `markets[0].country: expected a market that routes connect to another country with producer regions in at most ${LIMITS.pathLegs} legs, got "USA" (unreachable)`,
    );
  });

  it(`a market exactly ${LIMITS.pathLegs} legs away is reachable, one more is not`, () => {
    const s = fixture();
    const chain = ['COL', 'PAN', 'AAA', 'BBB', 'CCC', 'USA'];
    for (const id of ['AAA', 'BBB', 'CCC']) s.countries.push({ ...s.countries[1], id });
    const leg = (from: string, to: string) => ({ ...s.routes[0], from, to });
    s.routes = chain.slice(0, -1).map((from, i) => leg(from, chain[i + 1]));
    expect(chain.length - 1).toBe(LIMITS.pathLegs + 1);
    expect(errorAt(parseScenario(s), 'markets[0].country').found).toBe('"USA" (unreachable)');
    s.routes.push(leg('PAN', 'BBB'));
    expect(parseScenario(s).ok).toBe(true);
  });

  it('a producer market needs supply from another producer', () => {
    const s = fixture();
    s.countries[0].roles = ['producer', 'consumer'];
    s.markets.push({ ...s.markets[0], country: 'COL' });
    expect(errorAt(parseScenario(s), 'markets[1].country').found).toBe('"COL" (unreachable)');
  });
});
