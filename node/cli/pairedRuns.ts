/**
 * The loop shared by `balloon compare`, `effect` and `facts`: two runs per seed (side a, then side b)
 * on worker threads, with a progress bar, their values paired by seed in seed order.
 */
import type { Pair } from '../../sim/analysis/paired';
import type { Job, JobValue } from './jobs';
import { runJobs } from './parallel';
import { startProgress } from './progress';

export interface PairedRunsOptions {
  /** The progress bar's label (the command's name). */
  label: string;
  quiet: boolean;
  workers: number;
}

/**
 * Run `jobOf(seed, 'a')` and `jobOf(seed, 'b')` for every seed; the caller names the value type the
 * jobs it builds send back (see jobs.ts executeJob).
 */
export async function runPairedJobs<T extends JobValue>(
  seeds: readonly number[],
  jobOf: (seed: number, which: 'a' | 'b') => Job,
  options: PairedRunsOptions,
): Promise<Pair<T>[]> {
  const progress = startProgress(seeds.length * 2, options.label, options.quiet);
  const jobs = seeds.flatMap((seed) => [jobOf(seed, 'a'), jobOf(seed, 'b')]);
  const pairs: Pair<T>[] = seeds.map((seed) => ({ seed, a: undefined!, b: undefined! }));
  try {
    await runJobs(jobs, options.workers, (i, value) => {
      pairs[i >> 1][i % 2 === 0 ? 'a' : 'b'] = value as T;
    }, { onProgress: progress.update });
  } finally {
    progress.stop();
  }
  return pairs;
}
