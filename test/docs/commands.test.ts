/**
 * Every command the documentation shows is run (issue 20): each shell block of README.md,
 * scenarios/README.md and docs/*.md, line by line and in order, in a scratch copy of the
 * project root (so `examples/...` and `scenarios/...` resolve as for a reader at the root and
 * the outputs land in the scratch directory). A command passes when it exits 0 and what it
 * prints and writes has the shape the README describes (expectations.ts). The commands not
 * run, and how long ones are shortened, are listed in commandPlan.ts and named in each test.
 * Python and R snippets run when their interpreter and libraries are installed; JSON blocks
 * must be files that ship in examples/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, ROOT } from '../cli/helpers';
import { planCommand, SKIPPED } from './commandPlan';
import { expectationsFor } from './expectations';
import { RedisServer, hasRedis } from '../sweep/redisServer';
import { blocksOf, documentedFiles, shellCommands, type DocBlock, type DocCommand } from './shellBlocks';

/** What a scratch root holds: linked (read-only use) or copied (commands may write next to them). */
const LINKED = ['package.json', 'bin', 'dist', 'node_modules', 'docs', 'test', 'data', 'scenario.schema.json', 'sweep.schema.json', 'calibrate.schema.json'];
const COPIED = ['scenarios', 'examples', 'calibration'];

function scratchRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'balloon-docs-'));
  for (const name of LINKED) if (existsSync(join(ROOT, name))) symlinkSync(join(ROOT, name), join(dir, name));
  for (const name of COPIED) if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  return dir;
}

const python = spawnSync('python3', ['-c', 'import pandas, pyarrow'], { encoding: 'utf8' }).status === 0;
const rscript = spawnSync('Rscript', ['--version']).status === 0;

/** The input files that ship (examples/: sweeps; calibration/: targets files), parsed. */
const SHIPPED = ['examples', 'calibration'];
function shippedFiles(): unknown[] {
  return SHIPPED.filter((d) => existsSync(join(ROOT, d))).flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(ROOT, d, f), 'utf8')) as unknown),
  );
}

/** The environment of a reader's shell: without the npm_* variables of the npm or npx that runs the suite (npx in npx misreads them). */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, BALLOON_DEBUG: '', ...extra };
}

function bash(command: string, cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', ['-c', command], {
    cwd,
    encoding: 'utf8',
    timeout: 600_000,
    env: shellEnv(env),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const allCommands = documentedFiles(ROOT).flatMap((doc) => blocksOf(ROOT, doc).flatMap(shellCommands));

describe('the documented commands', () => {
  it('are found, and every skipped one is still documented', () => {
    expect(allCommands.filter((c) => c.command.startsWith('npx balloon')).length).toBeGreaterThan(15);
    const documented = new Set(allCommands.map((c) => c.command));
    for (const skipped of Object.keys(SKIPPED)) expect(documented.has(skipped), `SKIPPED lists "${skipped}", which no document shows`).toBe(true);
    const notRun = allCommands.filter((c) => SKIPPED[c.command]);
    console.info(`documented commands: ${allCommands.length}, not run: ${notRun.length}\n${notRun.map((c) => `  ${c.doc}:${c.line} ${c.command} — ${SKIPPED[c.command]}`).join('\n')}`);
  });

  // Checked statically: run in a scratch copy, npx would first install the package into its cache,
  // running its `prepare` script, which rebuilds dist/node/ under the other test files.
  it('`npx balloon` from the project root runs bin/balloon.mjs, which the commands below run as node bin/balloon.mjs', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string> };
    expect(manifest.name).toBe('balloon');
    expect(manifest.bin).toEqual({ balloon: 'bin/balloon.mjs' });
    expect(join(ROOT, manifest.bin.balloon)).toBe(BIN);
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });
});

/** One scratch root for every document, in order: a command may use what an earlier one wrote. */
let dir = '';
let redis: RedisServer | undefined;
let redisUrl = 'redis://127.0.0.1:0';
const docs = documentedFiles(ROOT).map((doc) => ({ doc, blocks: blocksOf(ROOT, doc) })).filter((d) => d.blocks.length > 0);
const needsRedis = docs.some((d) => d.blocks.flatMap(shellCommands).some((c) => planCommand(c, BIN, '').needsRedis && !SKIPPED[c.command]));

describe('in a scratch copy of the project root', () => {
  beforeAll(async () => {
    ensureBuilt();
    dir = scratchRoot();
    if (needsRedis && hasRedis) {
      redis = await RedisServer.start();
      redisUrl = redis.url;
    }
  });
  afterAll(async () => {
    await redis?.kill();
    // The links are removed, not followed. BALLOON_KEEP_DOCS_DIR=1 keeps the outputs to look at.
    if (dir && !process.env.BALLOON_KEEP_DOCS_DIR) rmSync(dir, { recursive: true, force: true });
  });

  for (const { doc, blocks } of docs) {
    describe(doc, () => {
      for (const block of blocks) {
        for (const c of shellCommands(block)) defineCommand(c);
        defineOtherBlock(block);
      }
    });
  }
});

function defineCommand(c: DocCommand): void {
  const where = `${c.doc}:${c.line}`;
  const skip = SKIPPED[c.command];
  if (skip) {
    it.skip(`${where} ${c.command} — not run: ${skip}`, () => {});
    return;
  }
  const note = planCommand(c, BIN, redisUrl).note;
  const redisMissing = planCommand(c, BIN, '').needsRedis && !hasRedis;
  if (redisMissing && process.env.CI) throw new Error(`${where}: redis-server is required on CI to run ${c.command}`);
  it.skipIf(redisMissing)(`${where} ${c.command}${note}`, () => {
    const planned = planCommand(c, BIN, redisUrl);
    const r = bash(planned.run, dir, planned.env);
    expect(r.code, `${where}: ${planned.run}\nexit ${r.code} ${r.signal ?? ''}\n${r.stderr}`).toBe(planned.exitCode);
    for (const e of expectationsFor(c.command)) {
      try {
        e.check({ command: c.command, stdout: r.stdout, stderr: r.stderr, dir, env: planned.env });
      } catch (err) {
        throw new Error(`${where}: expected ${e.what}\n${err instanceof Error ? err.message : String(err)}\n--- stdout:\n${r.stdout.slice(0, 3000)}`);
      }
    }
  }, 600_000);
}

function defineOtherBlock(block: DocBlock): void {
  const where = `${block.doc}:${block.line}`;
  if (block.lang === 'json') {
    if (block.text.includes('...')) return; // a fragment (e.g. the first line of a scenario file), not a file
    it(`${where} the JSON block ships as a file in ${SHIPPED.join('/ or ')}/`, () => {
      expect(shippedFiles()).toContainEqual(JSON.parse(block.text));
    });
  } else if (block.lang === 'python') {
    it.skipIf(!python)(`${where} the Python snippet${python ? '' : ' — not run: python3 with pandas and pyarrow is not installed'}`, () => {
      const r = spawnSync('python3', ['-c', block.text], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
    });
  } else if (block.lang === 'r') {
    it.skipIf(!rscript)(`${where} the R snippet${rscript ? '' : ' — not run: Rscript is not installed'}`, () => {
      const r = spawnSync('Rscript', ['-e', block.text], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
    });
  }
}
