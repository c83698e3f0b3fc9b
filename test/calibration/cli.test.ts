/**
 * balloon calibrate as a user runs it: outputs byte-identical whatever the number
 * of workers and after a SIGKILL and a resume; --report; bad targets files get one
 * line per problem naming the file, the path inside it, what was expected and found.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, balloon, ensureBuilt, tempDir } from '../cli/helpers';
import { SMALL, syntheticObserved, writeJson } from './helpers';

const OUTPUTS = ['best.json', 'candidates.csv', 'candidates.parquet', 'fit.csv', 'identifiability.csv', 'calibration.json'];

beforeAll(() => ensureBuilt());

function setup(): { dir: string; targets: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'observed.csv'), syntheticObserved({ growers: { incomeSensitivity: 1.2, plantRatePerSeason: 0.2 } }, 2));
  const targets = writeJson(join(dir, 'small.targets.json'), {
    $schema: '../../calibrate.schema.json',
    name: 'determinism',
    scenario: SMALL,
    parameters: [
      { path: 'behaviour.growers.incomeSensitivity', range: [0.2, 8], scale: 'log' },
      { path: 'behaviour.growers.plantRatePerSeason', range: [0.05, 0.5] },
    ],
    seeds: 2,
    search: { points: 10, rounds: 1, pointsPerRound: 6, accept: 4, profile: 2, final: { top: 2 } },
    targets: [
      { type: 'series', measure: 'cultivationHa', entity: 'COL', years: [2000, 2004], observed: 'observed.csv' },
      { type: 'series', id: 'col-shape', measure: 'cultivationHa', entity: 'COL', years: [2000, 2004], observed: 'observed.csv', loss: 'relative', weight: 0.5 },
    ],
  });
  return { dir, targets };
}

const bytes = (dir: string) => Object.fromEntries(OUTPUTS.map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
const journalLines = (dir: string) => (existsSync(join(dir, 'journal.jsonl')) ? readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').filter((l) => l.endsWith('}')) : []);

describe('balloon calibrate', () => {
  it('gives byte-identical outputs on 1 and 2 workers, and after a SIGKILL and a resume', async () => {
    const { dir, targets } = setup();
    const one = join(dir, 'one');
    const r1 = balloon(['calibrate', targets, '--out', one, '--workers', '1', '-q']);
    expect(r1.stderr).toBe('');
    expect(r1.code).toBe(0);
    const two = join(dir, 'two');
    expect(balloon(['calibrate', targets, '--out', two, '--workers', '2', '-q']).code).toBe(0);
    expect(bytes(two)).toEqual(bytes(one));

    // Kill it in the middle of the first refinement round, then resume with another worker count.
    const killed = join(dir, 'killed');
    const child = spawn(process.execPath, [BIN, 'calibrate', targets, '--out', killed, '--workers', '1', '-q'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const round = join(killed, 'stages', '1-round');
    const deadline = Date.now() + 60_000;
    while (journalLines(round).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(journalLines(round).length).toBeLessThan(12);
    expect(existsSync(join(killed, 'best.json'))).toBe(false);
    const resumed = balloon(['calibrate', targets, '--out', killed, '--workers', '2', '-q']);
    expect(resumed.code).toBe(0);
    expect(bytes(killed)).toEqual(bytes(one));

    // The report prints the fit table from the files.
    const report = balloon(['calibrate', '--report', one]);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^Fit of "determinism"/);
    expect(report.stdout).toMatch(/col-shape +2004 +\S+ +\S+ +\[/);
    expect(report.stdout).toMatch(/behaviour\.growers\.plantRatePerSeason/);
    expect(report.stdout).toMatch(/"behaviour": \{\n\s+"growers": \{\n\s+"incomeSensitivity": /);
    const stages = readdirSync(join(one, 'stages')).sort();
    expect(stages).toEqual(['0-lhs', '1-round', '2-final']);
    // Another calibration is refused in the same directory.
    const other = writeJson(join(dir, 'other.targets.json'), { ...JSON.parse(readFileSync(targets, 'utf8')), seeds: 3 });
    const refused = balloon(['calibrate', other, '--out', one]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds the outputs of another calibration/);
  }, 300_000);

  it('reports every problem of a bad targets file on its own line: file, path, expected, found', () => {
    const { dir } = setup();
    const bad = writeJson(join(dir, 'bad.targets.json'), {
      name: 'bad',
      scenario: SMALL,
      parameters: [
        { path: 'behaviour.growers.incomeSensitivity', range: [0.2, 80] },
        { path: 'countries.PER.governance', range: [0, 1] },
      ],
      targets: [
        { type: 'series', measure: 'cultivationHa', entity: 'PER', years: [2000, 2004], observed: 'observed.csv' },
        { type: 'series', measure: 'cultivationHa', entity: 'COL', years: [1990, 1995], observed: 'observed.csv' },
        { type: 'effect', lever: 'eradication', statistic: 'displacementIndex', band: [0.2, 0.6] },
        { type: 'fact', fact: 'peru-rises' },
      ],
    });
    const r = balloon(['calibrate', bad, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    const file = 'balloon: ' + bad;
    const small = 'test/fixtures/small-scenario.json'; // as shown: relative to the working directory
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: parameters\\[1\\]\\.path: no element of countries has the id "PER"`)),
      `${file}: parameters[0].range[1]: expected a value ${small} accepts at behaviour.growers.incomeSensitivity (a number in [0,20]), got 80`,
      `${file}: targets[0].entity: expected a country id of ${small} (COL, PAN, USA), got "PER"`,
      `${file}: targets[1].observed: expected rows of measure "cultivationHa" for country "COL" in 1990–1995 in ${join(dir, 'observed.csv')}, got none`,
      `${file}: targets[2].lever: expected a lever ${small} schedules (it has no policies), got "eradication"`,
      `${file}: targets[3].scenario: expected a scenario with policies (facts compare it with the same world without any), got ${small} with none`,
    ]);
    expect(existsSync(join(dir, 'out'))).toBe(false);

    const schemaProblem = writeJson(join(dir, 'schema.targets.json'), { name: 'x', scenario: SMALL, parameters: [], targets: [{ type: 'series' }] });
    const s = balloon(['calibrate', schemaProblem, '--out', join(dir, 'out')]);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/schema\.targets\.json: parameters: expected a list of 1–32 items, got a list of 0 items\n/);
    expect(s.stderr).toMatch(/schema\.targets\.json: targets\[0\]\.measure: expected .*got missing\n/);

    const missing = balloon(['calibrate', join(dir, 'nope.json'), '--out', join(dir, 'out')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: cannot read the targets file \(no such file or directory\)/);
    expect(balloon(['calibrate', bad]).stderr).toMatch(/calibrate: expected --out <dir>/);
    expect(balloon(['calibrate', bad, '--out', 'x', '--budget', '0']).stderr).toMatch(/--budget: expected a whole number from 1/);
  });
});
