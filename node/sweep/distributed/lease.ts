/**
 * One producer per sweep and Redis server. The producer holds a lease: a key
 * `balloon:<queue>:producer` naming its host, process and output directory, set
 * only if absent and expiring LEASE_MS after its last renewal (every RENEW_MS).
 * A second producer of the same sweep is refused at once with one line naming
 * the holder. A lease left by a producer killed with -9 on this host is taken
 * over at once (its process is gone); one left on another host expires within
 * LEASE_MS.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { unavailableError } from '../../cli/errors';
import { displayPath } from '../../cli/paths';
import { processAlive } from '../../cli/processAlive';

export const LEASE_MS = 15_000;
export const RENEW_MS = 5_000;

interface Holder {
  token: string;
  host: string;
  pid: number;
  dir: string;
}

export function leaseKey(queue: string): string {
  return `balloon:${queue}:producer`;
}

/** Renews the lease if `token` still holds it: 1 renewed, 0 missing, -1 held by another. */
const RENEW = `local v = redis.call('get', KEYS[1])
if not v then return 0 end
if string.find(v, ARGV[1], 1, true) then redis.call('pexpire', KEYS[1], ARGV[2]) return 1 end
return -1`;
/** Deletes the lease if `token` holds it. */
const RELEASE = `local v = redis.call('get', KEYS[1])
if v and string.find(v, ARGV[1], 1, true) then return redis.call('del', KEYS[1]) end
return 0`;

function parseHolder(text: string | null): Holder | undefined {
  if (!text) return undefined;
  try {
    const h = JSON.parse(text) as Holder;
    return typeof h.token === 'string' && typeof h.host === 'string' && Number.isInteger(h.pid) ? h : undefined;
  } catch {
    return undefined;
  }
}

export class ProducerLease {
  private lastRenewal = 0;
  private constructor(
    private readonly client: Redis,
    private readonly key: string,
    private readonly me: Holder,
  ) {}

  /** Takes the lease of sweep queue `queue` for output directory `dir`, or throws a one-line error (exit 75). */
  static async acquire(client: Redis, queue: string, dir: string, url: string): Promise<ProducerLease> {
    const me: Holder = { token: randomBytes(12).toString('hex'), host: hostname(), pid: process.pid, dir };
    const lease = new ProducerLease(client, leaseKey(queue), me);
    const taken = await lease.take();
    if (taken !== true) {
      const h = taken;
      const where = h ? `pid ${h.pid} on ${h.host}, --out ${displayPath(h.dir)}` : 'unknown';
      const ttl = await client.pttl(lease.key);
      throw unavailableError(
        `--redis ${url}: another producer is gathering this sweep (${where}); ` +
          `help it with --role worker, or run this again once it has finished` +
          (h && h.host !== hostname() && ttl > 0 ? ` (if it is gone, its lease expires in ${Math.ceil(ttl / 1000)} s)` : ''),
      );
    }
    return lease;
  }

  /** true if taken; else the holder (undefined if unreadable). */
  private async take(): Promise<true | Holder | undefined> {
    const value = JSON.stringify(this.me);
    if ((await this.client.set(this.key, value, 'PX', LEASE_MS, 'NX')) === 'OK') return this.taken();
    const holder = parseHolder(await this.client.get(this.key));
    if (holder && holder.host === this.me.host && !processAlive(holder.pid)) {
      // left by a producer of this host that was killed: take it over
      const ok = await this.client.eval(
        `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0`,
        1,
        this.key,
        JSON.stringify(holder),
        value,
        LEASE_MS,
      );
      if (ok === 1) return this.taken();
      return this.take();
    }
    return holder;
  }

  private taken(): true {
    this.lastRenewal = Date.now(); // host-only
    return true;
  }

  /**
   * Renews the lease when due (or now with force). Returns false if the lease was
   * gone (Redis lost its data or the lease expired during an outage) and has been
   * taken again; throws if another producer holds it now.
   */
  async renew(force = false): Promise<boolean> {
    if (!force && Date.now() - this.lastRenewal < RENEW_MS) return true; // host-only
    const r = await this.client.eval(RENEW, 1, this.key, this.me.token, LEASE_MS);
    if (r === 1) return this.taken();
    const taken = await this.take();
    if (taken === true) return false;
    throw unavailableError(`another producer (pid ${taken?.pid ?? '?'} on ${taken?.host ?? '?'}) took over this sweep while Redis was unreachable; this one stops (its runs are kept in its journal)`);
  }

  async release(): Promise<void> {
    await this.client.eval(RELEASE, 1, this.key, this.me.token);
  }
}
