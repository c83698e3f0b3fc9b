/** Spawning the built CLI the way a user runs it: `node bin/balloon.mjs ...`. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'balloon.mjs');
export const FIXTURE = join(ROOT, 'test', 'cli', 'fixtures', 'small-scenario.json');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Newest modification time of the .ts files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Build dist/node/cli.mjs if it is missing (`npm test` builds it first anyway), and
 * warn when the bundle is older than the sources it was built from.
 */
export function ensureBuilt(): void {
  const cli = join(ROOT, 'dist', 'node', 'cli.mjs');
  if (!existsSync(cli)) {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-node.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    return;
  }
  // A warning, not a failure: in a shared working tree sources change while a long suite runs.
  if (newestSource(join(ROOT, 'sim')) > statSync(cli).mtimeMs) {
    console.warn('CLI tests: dist/node/cli.mjs is older than the sources in sim/; run `npm run build:node` (npm test does) to test the current code');
  }
}

export function balloon(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, BALLOON_DEBUG: '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'balloon-cli-'));
}

/** The stderr lines, without empty ones. */
export function errorLines(r: CliResult): string[] {
  return r.stderr.split('\n').filter((l) => l.trim() !== '');
}

/** True if the text looks like a JavaScript stack trace. */
export function hasStack(text: string): boolean {
  return /^\s+at .+[(:]\d+/m.test(text);
}
