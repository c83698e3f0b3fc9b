/** A scenario, sweep, targets or observed data file that is not UTF-8 is refused in one line naming the byte offset, instead of flowing on as U+FFFD. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balloon, ensureBuilt, errorLines, FIXTURE, tempDir } from './helpers';
import { SWEEP_FIXTURE } from '../sweep/helpers';
import { SMALL } from '../calibration/helpers';

beforeAll(() => ensureBuilt());

/** The text with the Latin-1 byte 0xC9 ("É") written after `after`. */
function withLatin1(text: string, after: string): { bytes: Buffer; offset: number } {
  const bytes = Buffer.from(text, 'utf8');
  const offset = bytes.indexOf(after) + Buffer.byteLength(after);
  return { bytes: Buffer.concat([bytes.subarray(0, offset), Buffer.from([0xc9]), bytes.subarray(offset)]), offset };
}

describe('invalid UTF-8', () => {
  it('validate and run refuse a scenario with a Latin-1 byte, naming its offset and line', () => {
    const dir = tempDir();
    const file = join(dir, 'latin1.json');
    const text = readFileSync(FIXTURE, 'utf8').replace('"CLI test world"', '"Small test world CAF"');
    const { bytes, offset } = withLatin1(text, '"Small test world CAF');
    writeFileSync(file, bytes);
    const line = `balloon: ${file}: expected UTF-8 text, found byte 0xC9 at byte offset ${offset} (line 2) that is not valid UTF-8; save the file as UTF-8`;
    for (const args of [['validate', file], ['run', file, '--out', join(dir, 'o.csv')]]) {
      const r = balloon(args);
      expect(r.code).toBe(1);
      expect(errorLines(r)).toEqual([line]);
      expect(r.stdout).toBe('');
    }
  });

  it('sweep refuses a sweep file with a byte that is not UTF-8', () => {
    const dir = tempDir();
    const sweep = JSON.parse(readFileSync(SWEEP_FIXTURE, 'utf8'));
    const file = join(dir, 'sweep.json');
    const { bytes, offset } = withLatin1(JSON.stringify({ ...sweep, base: join(SWEEP_FIXTURE, '..', sweep.base), name: 'caf' }), '"name":"caf');
    writeFileSync(file, bytes);
    const r = balloon(['sweep', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(errorLines(r)).toEqual([`balloon: ${file}: expected UTF-8 text, found byte 0xC9 at byte offset ${offset} (line 1) that is not valid UTF-8; save the file as UTF-8`]);
  });

  it('calibrate refuses a targets file or an observed data file with a byte that is not UTF-8', () => {
    const dir = tempDir();
    const observed = join(dir, 'observed.csv');
    writeFileSync(observed, 'year,entity,measure,value\n2000,COL,cultivationHa,100\n');
    const targets = {
      name: 'caf',
      scenario: SMALL,
      parameters: [{ path: 'behaviour.growers.incomeSensitivity', range: [0.2, 8] }],
      targets: [{ type: 'series', measure: 'cultivationHa', entity: 'COL', years: [2000, 2001], observed: 'observed.csv' }],
    };
    const file = join(dir, 'caf.targets.json');
    const latin1 = withLatin1(JSON.stringify(targets), '"name":"caf');
    writeFileSync(file, latin1.bytes);
    const r = balloon(['calibrate', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(errorLines(r)).toEqual([`balloon: ${file}: expected UTF-8 text, found byte 0xC9 at byte offset ${latin1.offset} (line 1) that is not valid UTF-8; save the file as UTF-8`]);

    writeFileSync(file, JSON.stringify(targets));
    const csv = withLatin1(readFileSync(observed, 'utf8'), '2000,COL');
    writeFileSync(observed, csv.bytes);
    const o = balloon(['calibrate', file, '--out', join(dir, 'out')]);
    expect(o.code).toBe(1);
    expect(errorLines(o)).toEqual([`balloon: ${observed}: expected UTF-8 text, found byte 0xC9 at byte offset ${csv.offset} (line 2) that is not valid UTF-8; save the file as UTF-8`]);
  });
});
