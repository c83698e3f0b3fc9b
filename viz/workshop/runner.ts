/**
 * Two live workers: one at workshop fidelity answers every lever move quickly, one
 * at full fidelity follows and replaces the answer. Each keeps only the newest
 * request waiting, so dragging a slider never queues a backlog.
 */
import * as Comlink from 'comlink';
import type { Policy } from '../../sim/scenario/schema';
import type { Fidelity } from '../../sim/workshop/fidelity';
import type { Digest } from '../../sim/workshop/digest';
import type { InitReply, LiveReply, LiveWorkerApi } from './worker/protocol';

/** Where a lane's answers go (set once the page's code has loaded: the workers start before). */
interface Handlers {
  onAnswer: (a: Answer) => void;
  onError: (message: string) => void;
  onPartial?: PartialHandler;
}

/** The `running` mark of a lane warming its engine (no plan has this key). */
const WARMING = '(warming up)';

/** The years a quick re-run has simulated so far, for plan `key`. */
export type PartialHandler = (key: string, digest: Digest) => void;

export interface Answer {
  key: string;
  fidelity: Fidelity;
  reply: LiveReply;
  /** A newer request is already waiting in this lane. */
  superseded: boolean;
}

class Lane {
  private readonly api: Comlink.Remote<LiveWorkerApi>;
  private pending: { key: string; policies: Policy[]; partials: boolean } | null = null;
  private running: string | null = null;
  /** Set to stop the run in flight (only when the page is cross-origin isolated). */
  private readonly flag = globalThis.crossOriginIsolated === true ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  private busy = false;
  private open!: (reply: InitReply) => void;
  /** Settles when init has answered; requests made before wait for it. */
  readonly ready = new Promise<InitReply>((resolve) => (this.open = resolve));

  constructor(
    readonly fidelity: Fidelity,
    private readonly handlers: Handlers,
    /** Whether this lane posts partial answers (to `handlers.onPartial`). */
    private readonly partials: boolean,
  ) {
    const worker = new Worker(new URL('./worker/liveWorker.ts', import.meta.url), { type: 'module', name: `balloon-live-${fidelity}` });
    this.api = Comlink.wrap<LiveWorkerApi>(worker);
    if (partials) void this.api.listen(Comlink.proxy((job: number, digest: Digest) => job === this.job && this.running !== null && this.handlers.onPartial?.(this.running, digest)));
  }

  /**
   * Warm the engine (see LiveWorkerApi.warm) while no plan is asked for: a request stops the
   * warm-up (when the page is cross-origin isolated, else it waits for it) and runs next.
   */
  async warm(): Promise<void> {
    const init = await this.ready;
    if (!init.ok || this.busy) return;
    this.busy = true;
    this.running = WARMING;
    if (this.flag) Atomics.store(this.flag, 0, 0);
    try {
      await this.api.warm(this.flag);
    } catch (error) {
      this.handlers.onError(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy = false;
      this.running = null;
    }
    const waiting = this.pending;
    this.pending = null;
    if (waiting) void this.submit(waiting.key, waiting.policies, waiting.partials);
  }

  /** Number of the re-run in flight (partial answers of older runs are dropped). */
  private job = 0;

  async init(text: string, seed: number): Promise<InitReply> {
    this.open(await this.api.init(text, this.fidelity, seed));
    return this.ready;
  }

  /** Drop a waiting request and stop a run in flight unless they are for plan `key` (their answers are no longer wanted first). */
  yieldTo(key: string): void {
    if (this.pending && this.pending.key !== key) this.pending = null;
    if (this.running !== null && this.running !== key && this.flag) Atomics.store(this.flag, 0, 1);
  }

  /**
   * Ask for a plan. A newer request replaces a waiting one and stops a different one in flight.
   * `partials`: post partial answers while it runs (when the lane posts them at all).
   */
  async submit(key: string, policies: Policy[], partials = true): Promise<void> {
    if (this.running === key) {
      // Keep the run in flight; if it was being stopped, ask again in case it already stopped.
      const stopping = this.flag !== undefined && Atomics.load(this.flag, 0) !== 0;
      if (this.flag) Atomics.store(this.flag, 0, 0);
      this.pending = stopping ? { key, policies, partials } : null;
      return;
    }
    this.pending = { key, policies, partials };
    if (this.busy) {
      if (this.flag) Atomics.store(this.flag, 0, 1);
      return;
    }
    this.busy = true;
    try {
      const init = await this.ready;
      if (!init.ok) return;
      while (this.pending) {
        const job = this.pending;
        this.pending = null;
        this.running = job.key;
        if (this.flag) Atomics.store(this.flag, 0, 0);
        const reply = await this.api.rerun(job.policies, this.flag, this.partials && job.partials ? ++this.job : undefined);
        this.running = null;
        if (reply) this.handlers.onAnswer({ key: job.key, fidelity: this.fidelity, reply, superseded: this.pending !== null });
      }
    } catch (error) {
      this.handlers.onError(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy = false;
      this.running = null;
    }
  }
}

export class LiveRunner {
  private readonly fast: Lane;
  private readonly full: Lane;
  private readonly handlers: Handlers = { onAnswer: () => {}, onError: () => {} };

  /** The workers start at once (the page may still be loading its code); answers go to `listen`'s handlers. */
  constructor() {
    this.fast = new Lane('workshop', this.handlers, true);
    this.full = new Lane('full', this.handlers, false);
  }

  listen(onAnswer: (a: Answer) => void, onError: (message: string) => void, onPartial?: PartialHandler): void {
    Object.assign(this.handlers, { onAnswer, onError, onPartial });
  }

  /**
   * Prepare both workers; resolves with the workshop-fidelity world (ready for moves), the
   * full one follows (`fullReady`) while the quick worker warms its engine.
   */
  async start(text: string, seed: number): Promise<{ fast: InitReply; fullReady: Promise<InitReply> }> {
    const fast = await this.fast.init(text, seed);
    // Started second so the quick world is ready first on a two-core machine.
    const fullReady = this.full.init(text, seed);
    void this.fast.warm();
    return { fast, fullReady };
  }

  /**
   * Ask the quick and/or the full-fidelity worker for a plan; `partials: false` when the page
   * needs no partial answers of the quick run (it has the plan's first years already).
   */
  request(key: string, policies: Policy[], lanes: { fast: boolean; full: boolean; partials?: boolean }): void {
    // A quick answer for a new plan first: the full-fidelity run of an older plan would share the CPU with it.
    if (lanes.fast && !lanes.full) this.full.yieldTo(key);
    if (lanes.fast) void this.fast.submit(key, policies, lanes.partials ?? true);
    if (lanes.full) void this.full.submit(key, policies);
  }
}
