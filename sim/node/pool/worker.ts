/**
 * Entry of a sweep worker thread (bundled to dist/node/worker.mjs): receives an
 * init message, then runs one task per message and replies with its outcome.
 */
import { parentPort } from 'node:worker_threads';
import { executeRun } from './execute';
import type { InitMessage, RunMessage, WorkerReply } from './protocol';

if (!parentPort) throw new Error('worker.mjs must run as a worker thread');
const port = parentPort;
let init: InitMessage | undefined;

port.on('message', (message: InitMessage | RunMessage) => {
  if (message.type === 'init') {
    init = message;
    return;
  }
  let reply: WorkerReply;
  try {
    if (!init) throw new Error('worker not initialised');
    reply = executeRun(init, message);
  } catch (err) {
    reply = { type: 'failed', run: message.run, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
