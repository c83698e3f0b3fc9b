/**
 * The simulation worker: validates scenario files and runs them with the same
 * core as the CLI, off the page's thread. Exposed through comlink (see protocol.ts).
 */
import * as Comlink from 'comlink';
import { parseScenario, parseScenarioText } from '../../sim/scenario/validate';
import { runScenario, RunCancelledError } from '../../sim/run';
import type { RunResult } from '../../sim/results/types';
import { validationReport, type ProgressCallback, type RunOutcome, type SimWorkerApi } from './protocol';

/** The buffers of a result's typed columns, handed over to the page without a copy. */
function buffersOf(results: RunResult[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const r of results) {
    const s = r.series;
    for (const column of [s.tick, s.entity, s.measure, s.value]) out.push(column.buffer as ArrayBuffer);
  }
  return out;
}

/** The last file texts validated, with their outcome: the seeds of one scenario arrive as separate tasks. */
const parsedTexts = new Map<string, ReturnType<typeof parseScenarioText>>();

function parseText(text: string): ReturnType<typeof parseScenarioText> {
  let parsed = parsedTexts.get(text);
  if (!parsed) {
    parsed = parseScenarioText(text);
    if (parsedTexts.size >= 4) parsedTexts.delete(parsedTexts.keys().next().value!);
    parsedTexts.set(text, parsed);
  }
  return parsed;
}

async function run(scenario: string | object, seeds: number[], onProgress?: ProgressCallback, cancelFlag?: Int32Array): Promise<RunOutcome> {
  // (A validated scenario is not changed by a run, so one parse serves every seed.)
  const parsed = typeof scenario === 'string' ? parseText(scenario) : parseScenario(scenario);
  if (!parsed.ok) return { ok: false, cancelled: false, errors: parsed.errors, message: parsed.errors[0]?.message ?? 'invalid scenario' };
  const isCancelled = cancelFlag ? () => Atomics.load(cancelFlag, 0) !== 0 : undefined;
  const results: RunResult[] = [];
  try {
    for (let i = 0; i < seeds.length; i++) {
      if (isCancelled?.()) throw new RunCancelledError();
      // The comlink callback is fire-and-forget: the run does not wait for the page.
      // At most every tenth of the run: each call is a message the page answers, while the other workers run too.
      let reported = -1;
      const progress = onProgress
        ? (done: number, total: number) => {
            const tenth = Math.floor((10 * done) / total);
            if (tenth === reported) return;
            reported = tenth;
            void onProgress(i, done, total);
          }
        : undefined;
      results.push(runScenario(parsed.value, { seed: seeds[i], onProgress: progress, isCancelled }));
    }
  } catch (error) {
    if (error instanceof RunCancelledError) return { ok: false, cancelled: true, errors: [], message: 'run cancelled' };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, cancelled: false, errors: [], message: `the simulation stopped: ${message}` };
  }
  return Comlink.transfer({ ok: true, results }, buffersOf(results));
}

/** One policy of each lever and shape (the fields it gives) among `policies`. */
function oneOfEach<T extends { lever: string }>(policies: readonly T[]): T[] {
  const seen = new Set<string>();
  return policies.filter((p) => {
    const shape = `${p.lever}:${Object.keys(p).sort().join()}`;
    if (seen.has(shape)) return false;
    seen.add(shape);
    return true;
  });
}

/**
 * Run the first scenario with one policy of each lever and shape found in all of them (file texts),
 * result included, and hand the result's columns over as a batch's results are (the page drops
 * them): the engine then has compiled, with the type feedback of every lever the texts use, the
 * code a batch runs (a cold worker runs its first tasks several times slower). Call it twice: the
 * first buffer a worker hands over makes V8 drop every optimised function that assumed no buffer
 * would ever be detached (its ArrayBufferDetaching protector), so only the second run's code lasts.
 */
function warm(texts: string[]): ArrayBuffer[] {
  const parsed = texts.map(parseText);
  const first = parsed[0];
  if (!first?.ok) return [];
  const all = parseScenario({ ...first.value, policies: oneOfEach(parsed.flatMap((p) => (p.ok ? p.value.policies : []))) });
  const scenario = all.ok ? all.value : first.value;
  const buffers = buffersOf([runScenario(scenario, { seed: scenario.seed })]);
  return Comlink.transfer(buffers, buffers);
}

const api: SimWorkerApi = { validate: validationReport, run, warm };
Comlink.expose(api);
