/**
 * The browser app: index.html at the root, built to dist/web. The simulation runs
 * in an ES-module Web Worker. Cross-origin isolation headers let the page share a
 * cancel flag with the worker (SharedArrayBuffer); without them the page cancels
 * by terminating the worker.
 */
import { defineConfig } from 'vite';

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: '.',
  base: './',
  publicDir: false,
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
