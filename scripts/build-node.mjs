#!/usr/bin/env node
/**
 * Bundles the Node hosts (CLI, worker_threads worker, benchmark) with esbuild into
 * dist/node/*.mjs. Runs on `npm install` (the `prepare` script) and `npm run build:node`.
 *
 * To add an entry point, append it to ENTRIES. Entries whose source file does not
 * exist yet are skipped with a note, so engineers can register them ahead of time.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** source (relative to the repo root) → output (relative to dist/node). */
const ENTRIES = [
  { source: 'node/main.ts', out: 'cli.mjs' },
  { source: 'node/cli/worker.ts', out: 'cli-worker.mjs' },
  { source: 'node/pool/worker.ts', out: 'worker.mjs' },
  { source: 'bench/main.ts', out: 'bench.mjs' },
];

// Bundled ESM in Node has no `require`; some CommonJS dependencies (commander,
// cli-progress) call it, so give the bundle one.
const BANNER = "import { createRequire as __balloonCreateRequire } from 'node:module';\nconst require = __balloonCreateRequire(import.meta.url);";

async function main() {
  const present = ENTRIES.filter((e) => {
    const ok = existsSync(join(ROOT, e.source));
    if (!ok) console.log(`build-node: skipping ${e.source} (not written yet)`);
    return ok;
  });
  for (const entry of present) {
    await build({
      absWorkingDir: ROOT,
      entryPoints: [entry.source],
      outfile: join('dist/node', entry.out),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: true,
      // Heavy or native packages stay external: they are installed as dependencies.
      external: ['bullmq', 'ioredis'],
      banner: { js: BANNER },
      logLevel: 'warning',
    });
    console.log(`build-node: ${entry.source} -> dist/node/${entry.out}`);
  }
}

main().catch((err) => {
  console.error(`build-node: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
