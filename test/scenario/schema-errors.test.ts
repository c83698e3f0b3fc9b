/**
 * Each kind of mistake in a scenario gives a clear error that names the path,
 * the expectation and what was found.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, parseScenarioText, ScenarioValidationError, MAX_ERRORS } from '../../sim/scenario/validate';
import { errorAt, errorsOf, fixture, FIXTURE_TEXT } from './helpers';
import { LEVER_KINDS } from '../../sim/scenario/schema';

describe('the small fixture', () => {
  it('is valid and gets defaults filled', () => {
    const result = parseScenarioText(FIXTURE_TEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.countries).toHaveLength(3);
    expect(result.value.countries[0].police.preventionUsdPerYear).toBe(0);
    expect(result.value.markets[0].quitRatePerYear).toBe(0.15);
    expect(result.value.behaviour.growers.seasonMonths).toBeGreaterThan(0);
  });
});

describe('schema errors', () => {
  it('wrong type: the example from the issue', () => {
    const s = fixture();
    s.countries[2].corruption = 'high';
    const e = errorAt(parseScenario(s), 'countries[2].corruption');
    expect(e).toEqual({
      path: 'countries[2].corruption',
      expected: 'a number in [0,1]',
      found: '"high"',
      message: 'countries[2].corruption: expected a number in [0,1], got "high"',
    });
  });

  it('out of range, with exclusive and one-sided bounds', () => {
    const s = fixture();
    s.routes[1].baseSeizureProbability = 0.99;
    s.countries[0].populationMillions = 0;
    s.countries[1].police.budgetUsdPerYear = -1;
    s.ticksPerYear = 12.5;
    const r = parseScenario(s);
    expect(errorAt(r, 'routes[1].baseSeizureProbability').message).toBe(
      'routes[1].baseSeizureProbability: expected a number in [0,0.95], got 0.99',
    );
    expect(errorAt(r, 'countries[0].populationMillions').expected).toBe('a number in (0,2000]');
    expect(errorAt(r, 'countries[1].police.budgetUsdPerYear').expected).toBe('a number ≥ 0');
    expect(errorAt(r, 'ticksPerYear').message).toBe('ticksPerYear: expected an integer in [1,52], got 12.5');
  });

  it('unknown key, with the allowed keys and a likely typo', () => {
    const s = fixture();
    s.countries[0].polcie = s.countries[0].police;
    const e = errorAt(parseScenario(s), 'countries[0].polcie');
    expect(e.expected).toMatch(/^no such key \(allowed: id, name, .*police\)$/);
    expect(e.found).toBe('key "polcie" (did you mean "police"?)');
  });

  it('keys named like Object.prototype members are plain unknown keys', () => {
    const s = fixture();
    s.countries[0].toString = 1;
    s.routes[0].hasOwnProperty = 'x';
    const r = parseScenario(s);
    expect(errorAt(r, 'countries[0].toString').expected).toMatch(/^no such key \(allowed: id, /);
    expect(errorAt(r, 'routes[0].hasOwnProperty').found).toBe('key "hasOwnProperty"');
    expect(errorsOf(r)).toHaveLength(2);
  });

  it('unknown key in a policy lists that lever\'s keys', () => {
    const s = fixture();
    s.policies = [{ lever: 'prevention', country: 'USA', budgetUsdPerYear: 1e6, start: '2001-01', target: 'x' }];
    const e = errorAt(parseScenario(s), 'policies[0].target');
    expect(e.expected).toBe('no such key (allowed: lever, country, budgetUsdPerYear, start, end, label)');
  });

  it('missing required field', () => {
    const s = fixture();
    delete s.regions[0].yieldKgPerHa;
    delete s.name;
    const r = parseScenario(s);
    expect(errorAt(r, 'regions[0].yieldKgPerHa').message).toBe('regions[0].yieldKgPerHa: expected a number in (0,100], got missing');
    expect(errorAt(r, 'name').message).toBe('name: expected a string of 1–120 characters, got missing');
  });

  it('bad enum value and bad lever', () => {
    const s = fixture();
    s.routes[0].mode = 'boat';
    s.countries[1].roles = ['transit', 'smuggler'];
    s.policies = [{ lever: 'napalm', country: 'COL', start: '2001-01' }];
    const r = parseScenario(s);
    expect(errorAt(r, 'routes[0].mode').message).toBe('routes[0].mode: expected one of "sea", "air", "land", got "boat"');
    expect(errorAt(r, 'countries[1].roles[1]').expected).toBe('one of "producer", "transit", "consumer"');
    const lever = errorAt(r, 'policies[0].lever');
    expect(lever.expected).toBe(`one of ${LEVER_KINDS.map((k) => `"${k}"`).join(', ')}`);
    expect(lever.expected).toMatch(/^one of "capacityFunding", .*"treatment", "precursorControl", "policeBudget"$/);
    expect(lever.found).toBe('"napalm"');
  });

  it('bad dates and bad country codes', () => {
    const s = fixture();
    s.start = '2000-13';
    s.end = '2004/12';
    s.countries[0].id = 'col';
    const r = parseScenario(s);
    expect(errorAt(r, 'start').message).toBe('start: expected a year-month such as "2000-01", got "2000-13"');
    expect(errorAt(r, 'end').found).toBe('"2004/12"');
    expect(errorAt(r, 'countries[0].id').expected).toBe('a three-letter upper-case country code such as "COL"');
  });

  it('bad record key in homeShares', () => {
    const s = fixture();
    s.traffickers.homeShares = { col: 1 };
    const e = errorAt(parseScenario(s), 'traffickers.homeShares.col');
    expect(e.expected).toBe('a key that is a three-letter upper-case country code such as "COL"');
    expect(e.found).toBe('key "col"');
  });

  it('lists too short or too long say how many items there were', () => {
    const s = fixture();
    s.countries = s.countries.slice(0, 1);
    s.regions = [];
    const r = parseScenario(s);
    expect(errorAt(r, 'countries').message).toBe('countries: expected a list of 2–250 items, got a list of 1 item');
    expect(errorAt(r, 'regions').found).toBe('a list of 0 items');
  });

  it('not an object at all', () => {
    for (const input of [null, 5, 'text', [], true]) {
      const errors = errorsOf(parseScenario(input));
      expect(errors).toHaveLength(1);
      expect(errors[0].path).toBe('');
      expect(errors[0].message).toMatch(/^scenario: expected an object, got /);
    }
  });

  it('NaN and Infinity handed over as data are rejected', () => {
    const s = fixture();
    s.regions[0].cultivableHa = Infinity;
    s.regions[0].initialCocaHa = NaN;
    const r = parseScenario(s);
    expect(errorAt(r, 'regions[0].cultivableHa').found).toBe('Infinity');
    expect(errorAt(r, 'regions[0].initialCocaHa').found).toBe('NaN');
  });

  it('reports all errors, sorted by path with indices in numeric order, capped', () => {
    const s = fixture();
    for (let i = 0; i < 12; i++) s.countries.push({ ...s.countries[1], id: `Q${String.fromCharCode(65 + i)}A`, governance: 2 });
    s.countries[0].governance = 'weak';
    s.name = '';
    const errors = errorsOf(parseScenario(s));
    expect(errors.map((e) => e.path)).toEqual([
      'countries[0].governance',
      ...Array.from({ length: 12 }, (_, i) => `countries[${i + 3}].governance`),
      'name',
    ]);
    const many = fixture();
    many.sources = Array.from({ length: 100 }, () => 7);
    expect(errorsOf(parseScenario(many))).toHaveLength(MAX_ERRORS);
  });

  it('loadScenario throws ScenarioValidationError with all errors, and returns the scenario when valid', () => {
    const s = fixture();
    s.countries[2].corruption = 'high';
    s.routes[0].mode = 'boat';
    let caught: unknown;
    try {
      loadScenario(s);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ScenarioValidationError);
    const error = caught as ScenarioValidationError;
    expect(error.errors).toHaveLength(2);
    expect(error.message).toBe('countries[2].corruption: expected a number in [0,1], got "high" (and 1 more problem)');
    expect(loadScenario(fixture()).name).toBe('Small test world');
  });
});
