/** Durably keeps one finished run: its per-tick table first (atomic file), then its journal line. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine } from '../../sim/io/csv';
import type { PlannedRun } from '../../sim/sweep/plan';
import type { RunRecord } from '../../sim/sweep/records';
import { PER_TICK_COLUMNS } from '../pool/execute';
import type { RunDone } from '../pool/protocol';
import { writeFileAtomic } from './atomic';
import type { Journal } from './journal';
import { TICKS_DIR } from './outputs';

export function perTickFile(dir: string, run: number): string {
  return join(dir, TICKS_DIR, `run-${String(run).padStart(6, '0')}.csv`);
}

/** Whether a run still needs doing: not journaled, or its per-tick table is wanted and missing. */
export function runNeeded(dir: string, journal: Journal, run: number, perTick: boolean): boolean {
  return !journal.has(run) || (perTick && !existsSync(perTickFile(dir, run)));
}

/** Returns false when the run was already journaled (then at most its per-tick table is written). */
export function keepRun(dir: string, journal: Journal, planned: PlannedRun, done: RunDone): boolean {
  if (done.perTickCsv !== undefined) {
    mkdirSync(join(dir, TICKS_DIR), { recursive: true });
    writeFileAtomic(perTickFile(dir, planned.run), csvLine(PER_TICK_COLUMNS) + done.perTickCsv);
  }
  const record: RunRecord = { run: planned.run, point: planned.point, replicate: planned.replicate, seed: planned.seed, hash: done.hash, summary: done.summary };
  return journal.append(record);
}
