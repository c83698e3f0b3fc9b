import { describe, expect, it } from 'vitest';
import { parseTargets, parseTargetsText } from '../../sim/calibration/validate';

const ok = {
  name: 't',
  scenario: 'colombia-2000s',
  parameters: [{ path: 'behaviour.growers.incomeSensitivity', range: [0.2, 3], scale: 'log' }],
  targets: [{ type: 'series', measure: 'cultivationHa', entity: 'COL', years: [2000, 2015], observed: 'obs.csv' }],
};

const messages = (input: unknown) => {
  const r = parseTargets(input);
  return r.ok ? [] : r.errors.map((e) => e.message);
};

describe('targets file validation', () => {
  it('accepts a good file and fills defaults', () => {
    const r = parseTargets(ok);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.seeds).toBe(3);
    expect(r.value.search).toMatchObject({ points: 40, rounds: 2, pointsPerRound: 20, accept: 10, final: { top: 5 } });
    expect(r.value.targets[0]).toMatchObject({ kind: 'country', loss: 'msle', weight: 1 });
  });

  it('refuses a parameter path given twice, at the second', () => {
    const twice = { ...ok, parameters: [ok.parameters[0], { ...ok.parameters[0], range: [1, 2] }] };
    expect(messages(twice)).toEqual(['parameters[1].path: expected a path not used by an earlier parameter, got "behaviour.growers.incomeSensitivity"']);
  });

  it('gives one line per problem: path, expected, found', () => {
    const bad = {
      ...ok,
      parameters: [
        { path: 'behaviour.growers.incomeSensitivity', range: [3, 0.2] },
        { path: 'behaviour.growers.choiceNoise', range: [0, 2], scale: 'log' },
      ],
      targets: [
        { type: 'series', measure: 'cultivationHA', entity: 'COL', years: [2015, 2000], observed: 'obs.csv' },
        { type: 'effect', statistic: 'displacementIndex', band: [0.6, 0.2] },
        { type: 'effect', lever: 'spraying', statistic: 'relativeChange', band: [null, null] },
        { type: 'fact', fact: 'peru-rise' },
      ],
    };
    expect(messages(bad)).toEqual([
      'parameters[0].range: expected a range [lo, hi] with lo < hi, got [3,0.2]',
      'parameters[1].range[0]: expected a number > 0 (the scale is "log"), got 0',
      expect.stringMatching(/^targets\[0\]\.measure: expected a country measure: one of .*\(did you mean "cultivationHa"\?\), got "cultivationHA"$/),
      'targets[0].years: expected years [first, last] with first ≤ last, got [2015,2000]',
      'targets[1].band: expected a band [lo, hi] with lo < hi, got [0.6,0.2]',
      'targets[1].lever: expected exactly one of "lever" and "policy", got neither',
      'targets[2].band: expected a band with at least one end, got [null, null]',
      'targets[2].entity: expected a value for "entity" (the statistic is "relativeChange"), got missing',
      'targets[2].kind: expected a value for "kind" (the statistic is "relativeChange"), got missing',
      expect.stringMatching(/^targets\[2\]\.lever: expected a lever kind: one of "capacityFunding", .*, got "spraying"$/),
      'targets[2].measure: expected a value for "measure" (the statistic is "relativeChange"), got missing',
      expect.stringMatching(/^targets\[3\]\.fact: expected a fact id: one of .*\(did you mean "peru-rises"\?\), got "peru-rise"$/),
    ]);
  });

  it('reports schema problems (wrong types, unknown keys) the scenario way', () => {
    expect(messages({ ...ok, seeds: 0 })[0]).toMatch(/^seeds: expected an integer in \[1,1000\], got 0$/);
    expect(messages({ ...ok, extra: 1 })[0]).toMatch(/extra/);
    expect(messages({ ...ok, targets: [{ type: 'curve' }] })[0]).toMatch(/^targets\[0\]\.type: expected/);
    expect(messages({ ...ok, targets: [{ ...ok.targets[0], years: [2000] }] })[0]).toBe('targets[0].years: expected a list of 2–2 items, got a list of 1 item');
  });

  it('reads text safely: bad JSON gets a line and column', () => {
    const r = parseTargetsText('{"name": "t",,}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/line 1, column/);
  });
});

describe('targets checked against the scenario', () => {
  it('a misspelt behaviour key is named once, with the nearest allowed key', async () => {
    const { readFileSync } = await import('node:fs');
    const { resolveTargets } = await import('../../sim/calibration/resolve');
    const { parseScenario } = await import('../../sim/scenario/validate');
    const { SMALL } = await import('./helpers');
    const input = JSON.parse(readFileSync(SMALL, 'utf8')) as unknown;
    const scenario = parseScenario(input);
    if (!scenario.ok) throw new Error('fixture');
    const t = parseTargets({ ...ok, parameters: [{ path: 'behaviour.growers.incomeSensitivty', range: [0.2, 3] }] });
    if (!t.ok) throw new Error(t.errors[0].message);
    const observed = 'year,entity,measure,value\n2000,COL,cultivationHa,1\n';
    const r = resolveTargets(t.value, () => ({ label: 'small.json', input, scenario: scenario.value }), () => ({ label: 'obs.csv', text: observed }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([expect.stringMatching(/^parameters\[0\]\.path: expected a key small\.json accepts at behaviour\.growers \(did you mean "incomeSensitivity"\? allowed: seasonMonths, incomeSensitivity, .*\), got "incomeSensitivty"$/)]);
  });
});
