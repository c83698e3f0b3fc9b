/**
 * Sweep throughput with 1 and 2 workers comes from the sweep engineer's
 * `bench/sweep.ts` (it knows the pool). That file may not exist yet, so it is
 * not imported statically: when present it is bundled here with esbuild and its
 * exported measuring function is called.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type SweepFigures = { ok: true; exportName: string; figures: unknown } | { ok: false; skipped: string };

export async function measureSweep(root: string): Promise<SweepFigures> {
  const source = join(root, 'bench', 'sweep.ts');
  if (!existsSync(source)) return { ok: false, skipped: 'bench/sweep.ts does not exist' };
  const name = 'esbuild';
  const esbuild = (await import(name)) as { build(options: Record<string, unknown>): Promise<unknown> };
  // Next to the other bundles, so its packages and any worker it starts (dist/node/*.mjs) resolve as in the CLI.
  const outfile = join(root, 'dist', 'node', `bench-sweep-${process.pid}.mjs`);
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: [source],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // As scripts/build-node.mjs bundles the CLI: heavy packages stay external, CommonJS ones get a require.
      external: ['bullmq', 'ioredis'],
      banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module';\nconst require = __benchCreateRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    const mod = (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
    const fns = Object.entries(mod).filter(([, v]) => typeof v === 'function') as [string, () => unknown][];
    const pick = fns.find(([k]) => /sweep|throughput|measure|bench/i.test(k)) ?? fns[0];
    if (!pick) return { ok: false, skipped: 'bench/sweep.ts exports no function' };
    const figures = await pick[1]();
    return { ok: true, exportName: pick[0], figures };
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** Numbers found in the sweep figures whose key mentions 1 or 2 workers, for the summary line. */
export function sweepRatio(figures: unknown): number | null {
  if (!figures || typeof figures !== 'object') return null;
  const f = figures as Record<string, unknown>;
  if (typeof f.speedup === 'number') return f.speedup;
  if (typeof f.ratio === 'number') return f.ratio;
  return null;
}
