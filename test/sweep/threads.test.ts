/**
 * The one worker-thread pool (node/pool/threads.ts) of the CLI and the sweeps,
 * against a small worker written by hand to its message protocol: values come back
 * to the task that asked, progress reaches its task, a task's error is its own, and
 * a worker that dies fails only the tasks it held while the others go on.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadPool } from '../../node/pool/threads';

/** Squares `n` after `ms`, reporting half-way; `fail` throws; `die` exits the thread; init is added to every value. */
const WORKER = `
import { parentPort } from 'node:worker_threads';
let add = 0;
parentPort.on('message', async (m) => {
  if (m.type === 'init') { add = m.init.add; return; }
  const { id, task } = m;
  if (task.die) process.exit(3);
  parentPort.postMessage({ id, progress: 0.5 });
  await new Promise((r) => setTimeout(r, task.ms ?? 0));
  if (task.fail) parentPort.postMessage({ id, ok: false, message: 'task ' + task.n + ' failed' });
  else parentPort.postMessage({ id, ok: true, value: task.n * task.n + add });
});
`;

interface Task {
  n: number;
  ms?: number;
  fail?: boolean;
  die?: boolean;
}

function script(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'balloon-threads-')), 'worker.mjs');
  writeFileSync(file, WORKER);
  return file;
}

describe('ThreadPool', () => {
  let pool: ThreadPool<Task, number, { add: number }> | undefined;
  afterEach(async () => {
    await pool?.close();
  });

  it('gives each task its own value whatever order they finish in, with the init and progress', async () => {
    pool = new ThreadPool<Task, number, { add: number }>(script(), 3, { init: { add: 1000 }, name: 'a test worker' });
    const heard: number[] = [];
    const values = await Promise.all([5, 1, 4, 2, 3].map((n) => pool!.run({ n, ms: n * 20 }, (f) => heard.push(n + f))));
    expect(values).toEqual([1025, 1001, 1016, 1004, 1009]);
    expect(heard.sort()).toEqual([1.5, 2.5, 3.5, 4.5, 5.5]);
  });

  it("rejects a failed task with the worker's message and goes on with the others", async () => {
    pool = new ThreadPool<Task, number, { add: number }>(script(), 2, { init: { add: 0 }, name: 'a test worker' });
    const failed = pool.run({ n: 7, fail: true });
    await expect(failed).rejects.toThrow('task 7 failed');
    expect(await pool.run({ n: 3 })).toBe(9);
  });

  it('fails the tasks of a worker that dies, naming it, and runs the rest on the workers left', async () => {
    pool = new ThreadPool<Task, number, { add: number }>(script(), 2, { init: { add: 0 }, name: 'a test worker' });
    const dead = pool.run({ n: 1, die: true });
    const slow = pool.run({ n: 2, ms: 100 });
    await expect(dead).rejects.toThrow('a test worker exited with code 3');
    expect(await slow).toBe(4);
    expect(pool.size).toBe(1);
    expect(await Promise.all([pool.run({ n: 5 }), pool.run({ n: 6 })])).toEqual([25, 36]);
  });

  it('refuses work once closed', async () => {
    pool = new ThreadPool<Task, number, { add: number }>(script(), 1, { init: { add: 0 }, name: 'a test worker' });
    const queued = [pool.run({ n: 1, ms: 200 }), pool.run({ n: 2 })];
    const closing = pool.close();
    await expect(queued[1]).rejects.toThrow('the worker pool is closed');
    await closing;
    await expect(pool.run({ n: 3 })).rejects.toThrow('the worker pool is closed');
    pool = undefined;
  });
});
