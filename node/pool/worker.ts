/**
 * Entry of a sweep worker thread (bundled to dist/node/worker.mjs): receives the
 * sweep's init message, then runs one task per message and replies with its outcome.
 */
import { executeRun } from './execute';
import type { RunDone, RunTask, SweepInit } from './protocol';
import { serveTasks } from './serve';

serveTasks<SweepInit, RunTask, RunDone>((task, init) => {
  if (!init) throw new Error('worker not initialised');
  return executeRun(init, task);
});
