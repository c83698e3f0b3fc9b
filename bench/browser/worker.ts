/**
 * Benchmark worker for headless Chromium: validates the scenario it is sent and
 * runs it a few times, timing each run with the worker's clock. Bundled by
 * bench/browser.ts with esbuild; not part of the app.
 */
import { loadScenario } from '../../sim/scenario/validate';
import { runScenario } from '../../sim/run';

interface Request {
  scenario: unknown;
  warmup: number;
  runs: number;
}

const scope = globalThis as unknown as {
  onmessage: ((event: { data: Request }) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  try {
    const { scenario: input, warmup, runs } = event.data;
    const scenario = loadScenario(input);
    let hash = '';
    for (let i = 0; i < warmup; i++) runScenario(scenario, { seed: scenario.seed });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now(); // host-only
      hash = runScenario(scenario, { seed: scenario.seed }).hash;
      times.push(performance.now() - t0); // host-only
    }
    scope.postMessage({ ok: true, times, hash, userAgent: (globalThis as unknown as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? '' });
  } catch (err) {
    scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
