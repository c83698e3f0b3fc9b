/** Worker thread of the CLI (bundled to dist/node/cli-worker.mjs): runs jobs sent by parallel.ts, reporting progress as it goes. */
import { parentPort } from 'node:worker_threads';
import { executeJob, type Job } from './jobs';

parentPort!.on('message', (message: { id: number; job: Job }) => {
  const progress = (done: number, total: number) => parentPort!.postMessage({ id: message.id, progress: done / total });
  try {
    parentPort!.postMessage({ id: message.id, ok: true, value: executeJob(message.job, progress) });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
