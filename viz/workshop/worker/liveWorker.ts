/**
 * The workshop's live-simulation worker: holds one LiveSession (a world, a seed,
 * its snapshots) and answers re-runs with a digest of the result.
 */
import * as Comlink from 'comlink';
import { parseScenarioText } from '../../../sim/scenario/validate';
import type { Policy } from '../../../sim/scenario/schema';
import { LiveSession } from '../live/session';
import { digest } from '../live/digest';
import { atFidelity, type Fidelity } from '../live/fidelity';
import type { InitReply, LiveReply, LiveWorkerApi } from './protocol';

let session: LiveSession | null = null;

const api: LiveWorkerApi = {
  init(text: string, fidelity: Fidelity, seed: number): InitReply {
    const begun = performance.now(); // host-only
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return { ok: false, message: parsed.errors[0]?.message ?? 'invalid scenario' };
    session = new LiveSession(atFidelity(parsed.value, fidelity), seed, { captureOnRerun: true });
    const baseline = digest(session.baseline, session.world, session.baseline);
    if (fidelity === 'workshop') session.warmUp();
    return { ok: true, baseline, ms: performance.now() - begun }; // host-only
  },
  rerun(policies: Policy[], cancelFlag?: Int32Array): LiveReply | null {
    if (!session) throw new Error('rerun before init');
    const begun = performance.now(); // host-only
    const run = session.run(policies, cancelFlag ? () => Atomics.load(cancelFlag, 0) !== 0 : undefined);
    if (!run) return null;
    const d = digest(run.result, session.scenarioOf(policies), session.baseline);
    return { digest: d, fromTick: run.fromTick, ticksRun: run.ticksRun, ms: performance.now() - begun }; // host-only
  },
};

Comlink.expose(api);
