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

/** `--redis <url>`: redis:// or rediss://, a host, and a port if given (usage error otherwise, before anything connects). */
export function parseRedisUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    throw usageError(`--redis: expected a URL such as redis://127.0.0.1:6379, got "${text}"`);
  }
  return text;
}

/** `--redis-timeout <seconds>`: how long Redis may stay unreachable before the sweep gives up (1 to 86400). */
export function parseRedisTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 86_400) throw usageError(`--redis-timeout: expected whole seconds from 1 to 86400, got "${text}"`);
  return n;
}
