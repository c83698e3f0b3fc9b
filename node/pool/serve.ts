/**
 * The worker side of threads.ts: keeps the init message, runs each task with
 * `execute` and replies with its value or error (one line), passing on progress.
 */
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './threads';

export function serveTasks<I, T, V>(execute: (task: T, init: I | undefined, progress: (fraction: number) => void) => V): void {
  if (!parentPort) throw new Error('a worker entry must run as a worker thread');
  const port = parentPort;
  let init: I | undefined;
  port.on('message', (message: ToWorker<I, T>) => {
    if (message.type === 'init') {
      init = message.init;
      return;
    }
    const { id } = message;
    let reply: FromWorker<V>;
    try {
      reply = { id, ok: true, value: execute(message.task, init, (progress) => port.postMessage({ id, progress } satisfies FromWorker<V>)) };
    } catch (err) {
      reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}
