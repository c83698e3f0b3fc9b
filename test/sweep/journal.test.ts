import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE, readJournal } from '../../node/sweep/journal';
import type { RunRecord } from '../../sim/sweep/records';

const rec = (run: number, hash = `h${run}`): RunRecord => ({ run, point: run, replicate: 0, seed: 100 + run, hash, summary: { 'x.world.final': run } });

describe('run journal', () => {
  it('appends, reads back, and keeps each run once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balloon-journal-'));
    const j = Journal.open(dir);
    expect(j.append(rec(0))).toBe(true);
    expect(j.append(rec(1))).toBe(true);
    expect(j.append(rec(1))).toBe(false);
    j.close();
    const read = readJournal(dir);
    expect([...read.records.keys()]).toEqual([0, 1]);
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('ignores a torn last line and cuts it off when reopened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balloon-journal-'));
    writeFileSync(join(dir, JOURNAL_FILE), `${JSON.stringify(rec(0))}\n${JSON.stringify(rec(1)).slice(0, 25)}`);
    expect([...readJournal(dir).records.keys()]).toEqual([0]);
    expect(readJournal(dir).skipped).toBe(1);
    const j = Journal.open(dir);
    j.append(rec(1));
    j.close();
    const lines = readFileSync(join(dir, JOURNAL_FILE), 'utf8').split('\n');
    expect(lines).toEqual([JSON.stringify(rec(0)), JSON.stringify(rec(1)), '']);
  });

  it('refuses one run with two different results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balloon-journal-'));
    writeFileSync(join(dir, JOURNAL_FILE), `${JSON.stringify(rec(0))}\n`);
    appendFileSync(join(dir, JOURNAL_FILE), `${JSON.stringify(rec(0, 'other'))}\n`);
    expect(() => readJournal(dir)).toThrow(/run 0 appears twice with different results/);
  });
});
