/**
 * Watches the Redis server of a distributed sweep, so that an outage is bounded
 * and said in words instead of hanging with stack traces. Redis counts as down
 * when the connection is not ready, or a PING has gone unanswered for 5 s. While
 * down it prints one line every 5 s ("Redis at … unreachable (…), retrying… 12 s
 * of 60 s") and keeps reconnecting; once down for the timeout (--redis-timeout,
 * 60 s by default) `lost` rejects with RedisLostError and the command ends with
 * exit code 75. When Redis answers again it says so once, and the caller asks
 * `recovered()` to re-queue what the server may have lost.
 */
import type { Redis } from 'ioredis';

export const DEFAULT_REDIS_TIMEOUT_S = 60;
/** A PING unanswered this long means Redis is down even if the socket looks open. */
const PING_SILENCE_MS = 5000;
const CHECK_MS = 250;

export class RedisLostError extends Error {
  constructor(
    readonly seconds: number,
    readonly reason: string,
  ) {
    super(`Redis unreachable for ${seconds} s (${reason})`);
    this.name = 'RedisLostError';
  }
}

/** A URL without its password, for messages and logs. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** The first line of an error, without the stack (e.g. "connect ECONNREFUSED 127.0.0.1:6392"). */
export function reasonOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0].trim() || 'unknown error';
}

export interface WatchOptions {
  url: string;
  timeoutMs: number;
  /** Where the lines go (stderr). */
  write: (line: string) => void;
  quiet: boolean;
  /** Milliseconds between progress lines while down (5000). */
  lineEveryMs?: number;
}

export class RedisWatch {
  /** Rejects with RedisLostError once Redis has been down for the timeout; never resolves. */
  readonly lost: Promise<never>;
  private rejectLost!: (err: Error) => void;
  private lastOk = Date.now(); // host-only
  private downSince: number | undefined;
  private reason = 'connection closed';
  private recoveredAfter: number | undefined;
  private pinging = false;
  private lastLine = 0;
  private failed = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly client: Redis,
    private readonly options: WatchOptions,
  ) {
    this.lost = new Promise<never>((_, reject) => (this.rejectLost = reject));
    this.lost.catch(() => {}); // observed through guard(); never an unhandled rejection
    client.on('error', (err: unknown) => this.note(err));
    client.on('close', () => this.markDown());
    client.on('ready', () => this.markUp());
    this.timer = setInterval(() => this.check(), CHECK_MS);
    this.timer.unref();
  }

  /** Records why Redis failed (from any of the sweep's connections); printed in the lines. */
  note(err: unknown): void {
    const reason = reasonOf(err);
    if (!/^Connection is closed/.test(reason)) this.reason = reason;
  }

  /** Seconds Redis has been down, or undefined when up. */
  get downSeconds(): number | undefined {
    return this.downSince === undefined ? undefined : (Date.now() - this.downSince) / 1000; // host-only
  }

  /** `operation`, unless Redis is lost first (then rejects with RedisLostError). */
  guard<T>(operation: Promise<T>): Promise<T> {
    operation.catch(() => {}); // if `lost` wins, a later rejection of the operation is expected
    return Promise.race([operation, this.lost]);
  }

  /** Milliseconds of the outage Redis came back from since the last call, if any. */
  recovered(): number | undefined {
    const ms = this.recoveredAfter;
    this.recoveredAfter = undefined;
    return ms;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private write(line: string): void {
    if (!this.options.quiet) this.options.write(`balloon: ${line}\n`);
  }

  private markDown(at = Date.now()): void { // host-only
    if (this.downSince !== undefined || this.failed) return;
    this.downSince = at;
    this.lastLine = 0;
  }

  private markUp(): void {
    if (this.downSince === undefined || this.failed) {
      this.lastOk = Date.now(); // host-only
      return;
    }
    const ms = Date.now() - this.downSince; // host-only
    this.downSince = undefined;
    this.lastOk = Date.now(); // host-only
    this.recoveredAfter = (this.recoveredAfter ?? 0) + ms;
    if (this.lastLine > 0) this.write(`Redis at ${displayUrl(this.options.url)} is back after ${Math.round(ms / 1000)} s`);
  }

  private check(): void {
    if (this.failed) return;
    const now = Date.now(); // host-only
    if (this.client.status === 'ready' && !this.pinging) {
      this.pinging = true;
      this.client.ping().then(
        () => {
          this.pinging = false;
          this.markUp();
        },
        (err: unknown) => {
          this.pinging = false;
          this.note(err);
        },
      );
    }
    if (this.downSince === undefined && (this.client.status !== 'ready' || now - this.lastOk > PING_SILENCE_MS)) {
      this.markDown(this.client.status === 'ready' ? this.lastOk : now);
    }
    if (this.downSince === undefined) return;
    const down = now - this.downSince;
    if (down >= this.options.timeoutMs) {
      this.failed = true;
      this.rejectLost(new RedisLostError(Math.round(this.options.timeoutMs / 1000), this.reason));
      return;
    }
    const every = this.options.lineEveryMs ?? 5000;
    if (down >= 1000 && now - this.lastLine >= every) {
      this.lastLine = now;
      this.write(`Redis at ${displayUrl(this.options.url)} unreachable (${this.reason}), retrying… ${Math.floor(down / 1000)} s of ${Math.round(this.options.timeoutMs / 1000)} s`);
    }
  }
}
