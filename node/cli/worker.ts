/** Worker thread of the CLI (bundled to dist/node/cli-worker.mjs): runs jobs sent by parallel.ts, reporting progress as it goes. */
import { serveTasks } from '../pool/serve';
import { executeJob, type Job, type JobValue } from './jobs';

serveTasks<undefined, Job, JobValue>((job, _init, progress) => executeJob(job, (done, total) => progress(done / total)));
