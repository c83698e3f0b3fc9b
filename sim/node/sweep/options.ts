/** Parsing the sweep command's options into checked values (usage errors name the option). */
import { usageError } from '../cli/errors';
import { defaultWorkerCount } from '../pool/pool';

export function parseWorkers(text: string | undefined, allowZero = false): number {
  if (text === undefined) return defaultWorkerCount();
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < (allowZero ? 0 : 1) || n > 1024) {
    throw usageError(`--workers: expected a whole number from ${allowZero ? 0 : 1} to 1024, got "${text}"`);
  }
  return n;
}

export type Role = 'producer' | 'worker' | 'both';

export function parseRole(text: string | undefined): Role {
  if (text === undefined) return 'both';
  if (text === 'producer' || text === 'worker' || text === 'both') return text;
  throw usageError(`--role: expected producer, worker or both, got "${text}"`);
}
