/**
 * The default page's results as computed when the app was built (vite.config.ts):
 * shown at once, then checked against a live run in the worker (app.ts).
 */
import { storedApp } from 'virtual:balloon-stored-app';
import type { RunResult } from '../../sim/results/types';
import type { Scenario } from '../../sim/scenario/schema';
import { decodeResults } from './codec';

export interface StoredRuns {
  /** The scenario as validated by the build (the same file text the page would validate). */
  scenario: Scenario;
  runs: RunResult[];
  twin: RunResult[] | null;
  /** SHA-256 of the scenario file and the core's sources the results came from. */
  key: string;
}

const sameSeeds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * Whether the build stored the runs the page would make: the default scenario at the default seeds,
 * with its twin when it has policies (stored with it then) and the page wants the twin.
 */
export function hasStored(scenarioId: string, seeds: readonly number[], twinWanted: boolean): boolean {
  return scenarioId === storedApp.scenario && sameSeeds(seeds, storedApp.seeds) && (storedApp.twinHashes === null || twinWanted);
}

let loading: Promise<StoredRuns | null> | null = null;

/** Fetch and decode the stored runs (once); null if they cannot be read (the page then runs them live). */
export function loadStored(): Promise<StoredRuns | null> {
  loading ??= fetch(storedApp.url)
    .then((response) => {
      if (!response.ok) throw new Error(`${storedApp.url}: expected the stored results, found HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then((buffer) => {
      const { results: all, extra } = decodeResults(buffer);
      const n = storedApp.seeds.length;
      const runs = all.slice(0, n);
      const twin = storedApp.twinHashes ? all.slice(n, 2 * n) : null;
      const expected = [...storedApp.hashes, ...(storedApp.twinHashes ?? [])];
      const found = [...runs, ...(twin ?? [])].map((r) => r.hash);
      if (found.join() !== expected.join()) throw new Error(`stored results: expected hashes ${expected.join(', ')}, found ${found.join(', ')}`);
      return { scenario: extra as Scenario, runs, twin, key: storedApp.key };
    })
    .catch((error: unknown) => {
      console.warn(error instanceof Error ? error.message : String(error));
      return null;
    });
  return loading;
}

/** Whether live runs are bit for bit the stored ones (their content hashes agree). */
export function sameAsStored(stored: StoredRuns, runs: readonly RunResult[], twin: readonly RunResult[] | null): boolean {
  const a = [...stored.runs, ...(stored.twin ?? [])].map((r) => r.hash);
  const b = [...runs, ...(twin ?? [])].map((r) => r.hash);
  return a.join() === b.join();
}
