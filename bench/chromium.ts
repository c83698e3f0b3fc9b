/**
 * Headless Chromium for the browser figures of the bench: the built app (dist/web)
 * served on a loopback port with the same cross-origin isolation headers as
 * `vite preview`, and playwright-core loaded at run time (a dev dependency, kept out
 * of the bench bundle). Host code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
};
const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/** The parts of playwright-core the bench uses. */
export interface BenchPage {
  goto(url: string): Promise<unknown>;
  waitForFunction(fn: string | ((arg: never) => unknown), arg?: unknown, options?: { timeout: number }): Promise<unknown>;
  waitForSelector(selector: string, options?: { timeout?: number; state?: 'attached' | 'visible' }): Promise<unknown>;
  evaluate<T>(fn: string | ((arg: never) => T | Promise<T>), arg?: unknown): Promise<T>;
  addInitScript(script: string): Promise<void>;
  click(selector: string): Promise<void>;
  on(event: 'pageerror', fn: (e: Error) => void): void;
  context(): { close(): Promise<void>; newCDPSession(page: unknown): Promise<CdpSession> };
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}
export interface CdpSession {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}
export interface BenchBrowser {
  newContext(options?: Record<string, unknown>): Promise<{ newPage(): Promise<BenchPage>; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** Why Chromium cannot be used here, or null. */
export function chromiumMissing(root: string): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found (install Debian's chromium, or set CHROMIUM_PATH)`;
  if (!existsSync(join(root, 'dist', 'web', 'index.html'))) return 'dist/web/index.html not found (run `npm run build`)';
  return null;
}

export async function launch(): Promise<BenchBrowser> {
  const name = 'playwright-core';
  const playwright = (await import(name)) as { chromium: { launch(o: Record<string, unknown>): Promise<BenchBrowser> } };
  return playwright.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Serve `dir` (static files) on a free loopback port, cross-origin isolated like the preview server. */
export function serve(dir: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '') || 'index.html';
      const file = normalize(join(dir, name));
      if (!file.startsWith(normalize(dir)) || !existsSync(file) || !extname(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...ISOLATION }).end(readFileSync(file));
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

/** The p-th percentile (0-100) of a sample, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
