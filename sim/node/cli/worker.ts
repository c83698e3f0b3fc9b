/** Worker thread of the CLI (bundled to dist/node/cli-worker.mjs): runs jobs sent by parallel.ts. */
import { parentPort } from 'node:worker_threads';
import { executeJob, type Job } from './jobs';

parentPort!.on('message', (message: { id: number; job: Job }) => {
  try {
    parentPort!.postMessage({ id: message.id, ok: true, value: executeJob(message.job) });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
