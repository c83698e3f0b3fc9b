/**
 * The workshop's live-simulation worker: holds one LiveSession (a world, a seed,
 * its snapshots) and answers re-runs with a digest of the result.
 */
import * as Comlink from 'comlink';
import { parseScenarioText } from '../../../sim/scenario/validate';
import type { Policy } from '../../../sim/scenario/schema';
import { LiveSession } from '../../../sim/workshop/session';
import type { Simulation } from '../../../sim/simulation';
import { digest } from '../../../sim/workshop/digest';
import { partialResult } from '../../../sim/workshop/partial';
import { planPolicies } from '../../../sim/workshop/plan';
import { everyLever } from '../data/warmup';
import { atFidelity, type Fidelity } from '../../../sim/workshop/fidelity';
import type { InitReply, LiveReply, LiveWorkerApi, PartialListener } from './protocol';

let session: LiveSession | null = null;
let listener: PartialListener | null = null;
/** Years between partial answers (the first comes after one year). */
const PARTIAL_YEARS = 3;

const api: LiveWorkerApi = {
  listen(l: PartialListener): void {
    listener = l;
  },
  init(text: string, fidelity: Fidelity, seed: number): InitReply {
    const begun = performance.now(); // host-only
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return { ok: false, message: parsed.errors[0]?.message ?? 'invalid scenario' };
    session = new LiveSession(atFidelity(parsed.value, fidelity), seed, { captureOnRerun: true });
    const baseline = digest(session.baseline, session.world, session.baseline);
    return { ok: true, baseline, ms: performance.now() - begun }; // host-only
  },
  warm(cancelFlag?: Int32Array): void {
    if (!session) throw new Error('warm before init');
    const world = session.world;
    const years = Number(world.end.slice(0, 4)) - Number(world.start.slice(0, 4)) + 1;
    const from = `${Number(world.start.slice(0, 4)) + Math.max(0, years - 6)}-01`;
    session.warmUp(6, 3, planPolicies(world, everyLever(world, from)), cancelFlag ? () => Atomics.load(cancelFlag, 0) !== 0 : undefined);
  },
  rerun(policies: Policy[], cancelFlag?: Int32Array, job?: number): LiveReply | null {
    if (!session) throw new Error('rerun before init');
    const live = session;
    const begun = performance.now(); // host-only
    const scenario = live.scenarioOf(policies);
    let years = 0;
    // The years done so far, posted without waiting for the page: the charts grow while the run goes on.
    const partial =
      job !== undefined && listener
        ? (sim: Simulation) => {
            if (++years % PARTIAL_YEARS === 1 && sim.tick < sim.totalTicks) void listener!(job, digest(partialResult(sim, live.baseline), scenario, live.baseline));
          }
        : undefined;
    const run = live.run(policies, cancelFlag ? () => Atomics.load(cancelFlag, 0) !== 0 : undefined, partial);
    if (!run) return null;
    const d = digest(run.result, scenario, live.baseline);
    return { digest: d, fromTick: run.fromTick, ticksRun: run.ticksRun, ms: performance.now() - begun }; // host-only
  },
};

Comlink.expose(api);
