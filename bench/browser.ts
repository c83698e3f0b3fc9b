/**
 * The baseline in a browser worker: bundle bench/browser/worker.ts with esbuild,
 * serve it with a tiny page on a loopback port, and let headless Chromium
 * (driven by playwright-core) run it. Skipped, with the reason, when Chromium
 * or the tools are missing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { spread, type Spread } from './stats';

export type BrowserFigures =
  | { ok: true; runMs: Spread; userAgent: string; hash: string }
  | { ok: false; skipped: string };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

// Loaded at run time by name, so the bench bundle does not carry them (both are dev dependencies).
async function load<T>(name: string): Promise<T> {
  return (await import(name)) as T;
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      const name = (req.url ?? '/').split('?')[0].replace(/^\/+/, '') || 'index.html';
      const file = join(dir, name);
      if (!/^[a-z.]+$/.test(name) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

export async function measureBrowser(root: string, runs: number): Promise<BrowserFigures> {
  if (!existsSync(CHROMIUM)) return { ok: false, skipped: `${CHROMIUM} not found (install Debian's chromium, or set CHROMIUM_PATH)` };
  type Esbuild = { build(options: Record<string, unknown>): Promise<unknown> };
  type Playwright = { chromium: { launch(o: Record<string, unknown>): Promise<{ newPage(): Promise<BrowserPage>; close(): Promise<void> }> } };
  type BrowserPage = {
    goto(url: string): Promise<unknown>;
    waitForFunction(fn: string, arg: unknown, options: { timeout: number }): Promise<unknown>;
    evaluate<T>(expression: string): Promise<T>;
    on(event: 'pageerror', fn: (e: Error) => void): void;
  };
  let esbuild: Esbuild;
  let playwright: Playwright;
  try {
    esbuild = await load<Esbuild>('esbuild');
    playwright = await load<Playwright>('playwright-core');
  } catch (err) {
    return { ok: false, skipped: `esbuild or playwright-core not installed (${err instanceof Error ? err.message.split('\n')[0] : String(err)})` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'balloon-bench-'));
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: [join(root, 'bench', 'browser', 'worker.ts')],
      outfile: join(dir, 'worker.js'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'warning',
    });
    copyFileSync(join(root, 'bench', 'browser', 'index.html'), join(dir, 'index.html'));
    copyFileSync(join(root, 'scenarios', 'baseline.json'), join(dir, 'baseline.json'));
    const { server, url } = await serve(dir);
    const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${url}?warmup=2&runs=${runs}`);
      await page.waitForFunction('window.__benchResult !== undefined', null, { timeout: 600_000 });
      const result = await page.evaluate<{ ok: boolean; times?: number[]; hash?: string; userAgent?: string; message?: string }>('window.__benchResult');
      if (!result.ok || !result.times) return { ok: false, skipped: `the worker failed: ${result.message ?? errors.join('; ')}` };
      return { ok: true, runMs: spread(result.times), userAgent: result.userAgent ?? '', hash: result.hash ?? '' };
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
