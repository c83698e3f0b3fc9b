/**
 * The run journal (`journal.jsonl`): one JSON line per finished run, appended
 * as it finishes and fsync'd in groups (one fdatasync in flight at a time, off
 * the main thread, covering every line written before it), so short runs are not
 * held up by the disk. It is the only thing a sweep needs
 * to resume: a crash can at worst tear the last line, which reading ignores and
 * reopening cuts off. A run index seen twice (e.g. a merge of overlapping
 * shards) is kept once; different hashes for one run are an error.
 */
import { closeSync, existsSync, fdatasync, fdatasyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from '../../sim/sweep/records';
import { displayPath } from '../cli/paths';

export const JOURNAL_FILE = 'journal.jsonl';

export interface JournalContents {
  records: Map<number, RunRecord>;
  /** Length in bytes of the complete lines. */
  validBytes: number;
  /** A torn or unreadable line was skipped. */
  skipped: number;
  /** 1-based numbers of complete lines that could not be read (garbled). */
  garbled: number[];
  /** The last line had no newline (a write cut short by a crash): it was ignored. */
  torn: boolean;
}

/** What was skipped, in words (undefined if nothing): "skipped unreadable line 17 (its run is done again)". */
export function describeSkipped(contents: Pick<JournalContents, 'garbled' | 'torn'>): string | undefined {
  const parts: string[] = [];
  if (contents.garbled.length > 0) {
    const shown = contents.garbled.slice(0, 5).join(', ') + (contents.garbled.length > 5 ? `, … (${contents.garbled.length} in all)` : '');
    parts.push(`skipped unreadable line${contents.garbled.length === 1 ? '' : 's'} ${shown}`);
  }
  if (contents.torn) parts.push('cut off a last line left unfinished by an interrupted write');
  return parts.length > 0 ? `${parts.join('; ')} (those runs are done again)` : undefined;
}

function isRecord(v: unknown): v is RunRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    Number.isInteger(r.run) && Number.isInteger(r.point) && Number.isInteger(r.replicate) && Number.isInteger(r.seed) &&
    typeof r.hash === 'string' && typeof r.summary === 'object' && r.summary !== null
  );
}

export class JournalConflictError extends Error {}

/** Adds a record unless its run is already there; throws on a conflicting hash. */
export function addRecord(records: Map<number, RunRecord>, r: RunRecord, where: string): boolean {
  const old = records.get(r.run);
  if (!old) {
    records.set(r.run, r);
    return true;
  }
  if (old.hash !== r.hash || old.seed !== r.seed) {
    throw new JournalConflictError(`${where}: run ${r.run} appears twice with different results (hash ${old.hash} and ${r.hash}): the inputs are not the same sweep`);
  }
  return false;
}

export function readJournal(dir: string): JournalContents {
  const path = join(dir, JOURNAL_FILE);
  const records = new Map<number, RunRecord>();
  if (!existsSync(path)) return { records, validBytes: 0, skipped: 0, garbled: [], torn: false };
  const bytes = readFileSync(path);
  let validBytes = 0;
  let skipped = 0;
  let start = 0;
  let lineNumber = 0;
  const garbled: number[] = [];
  let torn = false;
  while (start < bytes.length) {
    const nl = bytes.indexOf(0x0a, start);
    lineNumber++;
    if (nl < 0) {
      skipped++; // torn last line: never acknowledged, the run will be redone
      torn = true;
      break;
    }
    const line = bytes.subarray(start, nl).toString('utf8');
    start = nl + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (isRecord(value)) addRecord(records, value, join(dir, JOURNAL_FILE));
    else if (line.trim() !== '') {
      skipped++;
      garbled.push(lineNumber);
    }
    validBytes = start;
  }
  return { records, validBytes, skipped, garbled, torn };
}

/** An open journal for appending. Keeps only run → (seed, hash) in memory, so a long sweep does not grow. */
export class Journal {
  private fd: number;
  private readonly done: Map<number, { seed: number; hash: string }>;
  readonly dir: string;
  /** Lines written since the last fdatasync started. */
  private dirty = false;
  private syncing: Promise<void> | null = null;
  private syncError: Error | null = null;

  private constructor(dir: string, fd: number, records: Map<number, RunRecord>) {
    this.dir = dir;
    this.fd = fd;
    this.done = new Map([...records].map(([run, r]) => [run, { seed: r.seed, hash: r.hash }]));
  }

  /** Opens (creating) the journal of `dir`, cutting off a torn last line; `warn` hears what was skipped, in words. */
  static open(dir: string, warn?: (line: string) => void): Journal {
    const contents = readJournal(dir);
    const skipped = describeSkipped(contents);
    if (skipped && warn) warn(`${displayPath(join(dir, JOURNAL_FILE))}: ${skipped}`);
    const fd = openSync(join(dir, JOURNAL_FILE), 'a+');
    ftruncateSync(fd, contents.validBytes);
    return new Journal(dir, fd, contents.records);
  }

  has(run: number): boolean {
    return this.done.has(run);
  }

  /** Runs journaled. */
  get size(): number {
    return this.done.size;
  }

  /** Every record, read back from the file. */
  records(): RunRecord[] {
    return [...readJournal(this.dir).records.values()];
  }

  /** Appends the record (durable at the next group fsync); a run already journaled is not written again. */
  append(record: RunRecord): boolean {
    if (this.syncError) throw this.syncError;
    const old = this.done.get(record.run);
    if (old) {
      if (old.hash !== record.hash || old.seed !== record.seed) {
        throw new JournalConflictError(`${JOURNAL_FILE}: run ${record.run} finished twice with different results (hash ${old.hash} and ${record.hash})`);
      }
      return false;
    }
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    this.done.set(record.run, { seed: record.seed, hash: record.hash });
    this.dirty = true;
    if (!this.syncing) this.syncing = this.syncLoop();
    return true;
  }

  private async syncLoop(): Promise<void> {
    while (this.dirty && this.fd >= 0) {
      this.dirty = false;
      await new Promise<void>((resolve) =>
        fdatasync(this.fd, (err) => {
          if (err) this.syncError = err;
          resolve();
        }),
      );
    }
    this.syncing = null;
  }

  /** Resolves once every line written so far is on disk. */
  async flush(): Promise<void> {
    while (this.syncing) await this.syncing;
    if (this.syncError) throw this.syncError;
  }

  close(): void {
    if (this.fd >= 0) {
      if (this.dirty || this.syncing) fdatasyncSync(this.fd);
      closeSync(this.fd);
    }
    this.fd = -1;
  }
}
