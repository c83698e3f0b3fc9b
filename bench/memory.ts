/**
 * Memory figures, each measured in a fresh child process (this same script with
 * `--child <mode>`), so one measurement's garbage never inflates another's:
 * the peak resident set of one baseline run, and the resident set over a long
 * loop of runs (a sweep in one process must not grow).
 */
import { spawnSync } from 'node:child_process';
import { runScenario } from '../sim/run';
import type { Scenario } from '../sim/scenario/schema';

const MB = 1024 * 1024;

export interface OneRunMemory {
  /** Peak resident set of the whole process (Node itself included), MB. */
  peakRssMb: number;
  /** Resident set before the run (Node, the bundle and the scenario loaded), MB. */
  startRssMb: number;
}

export interface LoopMemory {
  runs: number;
  /** Resident set and live heap after a full GC, at run 10, 100 and the last. */
  samples: { run: number; rssMb: number; heapMb: number }[];
  /** rss(last) - rss(100), MB; heap(last) - heap(100), MB. */
  rssGrowthMb: number;
  heapGrowthMb: number;
}

/** In the child: one baseline run. */
export function childOneRun(scenario: Scenario): OneRunMemory {
  const startRssMb = process.memoryUsage().rss / MB;
  runScenario(scenario, { seed: scenario.seed });
  return { peakRssMb: process.resourceUsage().maxRSS / 1024, startRssMb };
}

/** In the child (started with --expose-gc): `runs` baseline runs, seeds 1.., results dropped as a sweep would after writing them. */
export function childLoop(scenario: Scenario, runs: number): LoopMemory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench: the memory loop needs node --expose-gc');
  const samples: LoopMemory['samples'] = [];
  const sampleAt = new Set([10, 100, runs]);
  let keep = 0;
  for (let run = 1; run <= runs; run++) {
    const result = runScenario(scenario, { seed: run });
    keep ^= result.hash.length;
    if (sampleAt.has(run)) {
      gc();
      const m = process.memoryUsage();
      samples.push({ run, rssMb: m.rss / MB, heapMb: m.heapUsed / MB });
    }
  }
  const at = (run: number) => samples.find((s) => s.run === run) ?? samples[0];
  const last = samples[samples.length - 1];
  return {
    runs: runs + (keep & 0), // (keep is only there so the results are used)
    samples,
    rssGrowthMb: last.rssMb - at(100).rssMb,
    heapGrowthMb: last.heapMb - at(100).heapMb,
  };
}

/** Run this script again as a child in `mode`; it prints one JSON line. */
export function inChild<T>(mode: string, args: string[] = [], nodeFlags: string[] = []): T {
  const script = process.argv[1];
  const out = spawnSync(process.execPath, [...nodeFlags, ...process.execArgv, script, '--child', mode, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
    env: process.env,
  });
  if (out.status !== 0) throw new Error(`bench: child "${mode}" failed (${out.status ?? out.signal}): ${out.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const line = out.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}
