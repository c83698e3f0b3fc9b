/**
 * The run line's timings of a re-run, measured from the release of a control: when
 * the first years were on screen, when the quick answer was drawn (and how long the
 * worker simulated), and when full fidelity followed. Tests and the bench read the
 * figures from the spans' data attributes.
 */
import type { Fidelity } from '../../sim/workshop/fidelity';
import type { LiveReply } from './worker/protocol';

export interface TimingSpans {
  rerunTime: HTMLElement;
  fullTime: HTMLElement;
  partialTime: HTMLElement;
}

export class RerunTiming {
  private timing: { key: string; begun: number; answered: boolean; firstMs?: number } | null = null;
  /** Re-runs measured so far (tests wait for the count to change). */
  private measured = 0;

  constructor(private readonly spans: TimingSpans) {}

  /** A plan was applied: time its answer if `measure`. */
  begin(key: string, measure: boolean): void {
    this.timing = measure ? { key, begun: performance.now(), answered: false } : null; // host-only
    this.spans.partialTime.textContent = '';
    delete this.spans.partialTime.dataset.ms;
  }

  /** The first years of `key` were drawn. */
  firstYearsShown(key: string): void {
    const partialTime = this.spans.partialTime;
    if (this.timing && this.timing.key === key && this.timing.firstMs === undefined) {
      const { begun } = this.timing;
      const t = this.timing;
      requestAnimationFrame(() => {
        t.firstMs = performance.now() - begun; // host-only
        partialTime.textContent = `first years on screen after ${Math.round(t.firstMs)} ms`;
        partialTime.dataset.ms = String(t.firstMs);
      });
    }
  }

  /** `key`'s answer at `fidelity` was drawn. */
  answered(key: string, fidelity: Fidelity, reply: LiveReply, ticksPerYear: number): void {
    const timing = this.timing;
    if (!timing || timing.key !== key) return;
    const { rerunTime, fullTime } = this.spans;
    const { begun } = timing;
    if (!timing.answered) {
      timing.answered = true;
      const from = reply.digest.firstYear + Math.floor(reply.fromTick / ticksPerYear);
      const last = reply.digest.firstYear + reply.digest.years - 1;
      const what = reply.ticksRun === 0 ? 'answered from memory' : `re-ran ${from}–${last}`;
      requestAnimationFrame(() => {
        const ms = performance.now() - begun; // host-only
        rerunTime.textContent = `${what} in ${Math.round(ms)} ms (${fidelity} fidelity; simulation ${Math.round(reply.ms)} ms)`;
        Object.assign(rerunTime.dataset, { ms: String(ms), workerMs: String(reply.ms), fidelity, run: String(++this.measured) });
        fullTime.textContent = '';
      });
    } else if (fidelity === 'full') {
      const ms = performance.now() - begun; // host-only
      fullTime.textContent = `· full fidelity after ${(ms / 1000).toFixed(1)} s`;
      fullTime.dataset.ms = String(ms);
    }
    if (fidelity === 'full') this.timing = null;
  }
}
