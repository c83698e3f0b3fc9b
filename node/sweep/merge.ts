/**
 * `balloon merge <dir...> --out <dir>`: joins the output directories of shards
 * (or of copies of one sweep) into one, each run exactly once. Directories must
 * hold the same sweep (same fingerprint); a run present in several with
 * different hashes is an error. Per-tick files are copied along. Safe to repeat.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunRecord } from '../../sim/sweep/records';
import { incompleteError, inputError, usageError } from '../cli/errors';
import { checkOutputDirectory } from '../cli/outputs';
import { writeFileAtomic } from './atomic';
import { addRecord, describeSkipped, JOURNAL_FILE, JournalConflictError, readJournal } from './journal';
import { SWEEP_FILES, TICKS_DIR, writeOutputs, type Manifest } from './outputs';
import { lockDirectory } from './lock';
import { perTickFile } from './record';
import { readManifest } from './state';
import { displayPath } from '../cli/paths';

export interface MergeOptions {
  out: string;
  quiet?: boolean;
}

export async function mergeCommand(dirArgs: string[], options: MergeOptions, stdout: (text: string) => void): Promise<void> {
  if (dirArgs.length === 0) throw usageError('merge: expected at least one sweep directory');
  const out = resolve(options.out);
  checkOutputDirectory(out, SWEEP_FILES);
  const sources = dirArgs.map((d) => resolve(d));
  if (existsSync(join(out, 'manifest.json')) && !sources.includes(out)) sources.push(out);
  let template: Manifest | undefined;
  const records = new Map<number, RunRecord>();
  const origin = new Map<number, string>();
  for (const dir of sources) {
    const manifest = readManifest(dir);
    if (!manifest) throw inputError(`${displayPath(dir)}: expected a sweep output directory (no manifest.json)`);
    if (template && manifest.fingerprint !== template.fingerprint) {
      throw inputError(`${displayPath(dir)}: holds another sweep ("${manifest.name}") than ${displayPath(sources[0])} ("${template.name}"), or its files changed`);
    }
    template ??= manifest;
    try {
      const journal = readJournal(dir);
      const skipped = describeSkipped(journal);
      if (skipped) process.stderr.write(`balloon: ${displayPath(join(dir, JOURNAL_FILE))}: ${skipped.replace('(those runs are done again)', '(those runs are missing from the merge)')}\n`);
      for (const r of journal.records.values()) if (addRecord(records, r, displayPath(dir))) origin.set(r.run, dir);
    } catch (err) {
      if (err instanceof JournalConflictError) throw inputError(err.message);
      throw err;
    }
  }
  const base = template!;
  mkdirSync(out, { recursive: true });
  const unlock = lockDirectory(out, 'merge');
  try {
    return await writeMerged(out, base, records, origin, dirArgs.length, options, stdout);
  } finally {
    unlock();
  }
}

async function writeMerged(
  out: string,
  base: Manifest,
  records: Map<number, RunRecord>,
  origin: Map<number, string>,
  sourceCount: number,
  options: MergeOptions,
  stdout: (text: string) => void,
): Promise<void> {
  for (const [run, dir] of origin) {
    if (dir === out) continue;
    const from = perTickFile(dir, run);
    if (!existsSync(from)) continue;
    mkdirSync(join(out, TICKS_DIR), { recursive: true });
    copyFileSync(from, perTickFile(out, run));
  }
  const sorted = [...records.values()].sort((a, b) => a.run - b.run);
  writeFileAtomic(join(out, JOURNAL_FILE), sorted.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const manifest: Manifest = {
    ...base,
    shard: null,
    expectedRuns: base.runCount,
    finishedRuns: sorted.length,
    complete: sorted.length === base.runCount,
    runs: sorted.map(({ run, point, replicate, seed, hash }) => ({ run, point, replicate, seed, hash })),
  };
  await writeOutputs(out, manifest, sorted);
  const missing = base.runCount - sorted.length;
  const line = `${displayPath(out)}: ${sorted.length} of ${base.runCount} runs from ${sourceCount} director${sourceCount === 1 ? 'y' : 'ies'}${missing > 0 ? ` (${missing} missing: run the missing shards, then merge again)` : ''}`;
  if (!options.quiet) stdout(`${line}\n`);
  // Written, but not the whole sweep: exit 3 (the line goes to stderr when -q keeps stdout quiet).
  if (missing > 0) throw incompleteError(...(options.quiet ? [line] : []));
}
