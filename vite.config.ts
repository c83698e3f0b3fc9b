/**
 * The browser app: index.html at the root, built to dist/web. The simulation runs
 * in an ES-module Web Worker. Cross-origin isolation headers let the page share a
 * cancel flag with the worker (SharedArrayBuffer); without them the page cancels
 * by terminating the worker.
 *
 * The build also computes the results a new visitor sees first, with the same core
 * in Node (scripts/stored-results.ts, loaded through Vite's module runner), and ships
 * them, so the first charts need no simulation:
 * - `virtual:balloon-stored-app`: the default scenario at the default seeds (and its
 *   no-policy twin when it has policies), one binary asset (viz/stored/codec.ts)
 *   that index.html preloads;
 * - `virtual:balloon-stored-workshop`: the workshop world's digest without levers at
 *   workshop and full fidelity (what its live workers answer first).
 * Each carries `key` (SHA-256 of the scenario file and the core's sources) and the
 * result hashes. Nothing is committed: every build computes them again, and the page
 * checks them against a live run in its worker.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, runnerImport, type Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

type Compute = typeof import('./scripts/stored-results');

const APP = 'virtual:balloon-stored-app';
const WORKSHOP = 'virtual:balloon-stored-workshop';

export function storedResults(root: string): Plugin {
  const cache = join(root, 'node_modules', '.cache', 'balloon-stored');
  let compute: Promise<Compute> | null = null;
  // Loaded without a config file: the module runner must not load this plugin again.
  const core = () => (compute ??= runnerImport<Compute>(join(root, 'scripts', 'stored-results.ts'), { configFile: false, logLevel: 'warn', root }).then((r) => r.module));
  return {
    name: 'balloon-stored-results',
    resolveId(id) {
      return id === APP || id === WORKSHOP ? `\0${id}` : null;
    },
    async load(id) {
      if (id === `\0${APP}`) {
        const { computeAppResults, encodeResults } = await core();
        const begun = performance.now(); // host-only
        const app = computeAppResults(root);
        // With the validated scenario, so the page draws them before it has validated the file itself.
        const bytes = encodeResults([...app.runs, ...(app.twin ?? [])], app.parsed);
        mkdirSync(cache, { recursive: true });
        const name = `${app.scenario}-${app.key.slice(0, 16)}.bin`;
        // Earlier builds' files (other sources) are of no use any more.
        for (const old of readdirSync(cache)) if (old.endsWith('.bin') && old !== name) rmSync(join(cache, old));
        writeFileSync(join(cache, name), bytes);
        this.info?.(`stored results: ${app.scenario} seeds ${app.seeds.join(',')} in ${Math.round(performance.now() - begun)} ms, ${bytes.length} bytes`); // host-only
        const meta = { key: app.key, scenario: app.scenario, seeds: app.seeds, hashes: app.runs.map((r) => r.hash), twinHashes: app.twin?.map((r) => r.hash) ?? null, bytes: bytes.length };
        return `import url from ${JSON.stringify(`${join(cache, name)}?url`)};\nexport const storedApp = { ...${JSON.stringify(meta)}, url };\n`;
      }
      if (id === `\0${WORKSHOP}`) {
        const { computeWorkshopDigests } = await core();
        return `export const storedWorkshop = ${JSON.stringify(computeWorkshopDigests(root))};\n`;
      }
      return null;
    },
    // The app's page asks for the stored results while its scripts load.
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('index.html')) return html;
        const asset = Object.keys(ctx.bundle).find((name) => /\.bin$/.test(name));
        if (!asset) return html;
        return html.replace('</head>', `    <link rel="preload" href="./${asset}" as="fetch" type="application/octet-stream" crossorigin>\n  </head>`);
      },
    },
  };
}

export default defineConfig({
  root: '.',
  base: './',
  publicDir: false,
  plugins: [storedResults(ROOT)],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Two pages: the scenario app and workshop mode (viz/workshop).
    rolldownOptions: { input: { main: 'index.html', workshop: 'workshop.html' } },
  },
  worker: { format: 'es' },
  server: { headers: isolation },
  preview: { headers: isolation },
});
