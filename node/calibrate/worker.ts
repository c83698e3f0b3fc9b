/**
 * Distributed calibrations. The producer (`balloon calibrate T --redis URL --out DIR`)
 * runs each stage as a distributed sweep (its own BullMQ queue) and announces the
 * stage's queue under a key named after the calibration; workers on other hosts
 * (`balloon calibrate T --redis URL --role worker`, same targets file, scenarios,
 * observed data and --budget/--seeds) follow the announcements, pulling each
 * stage's runs onto their worker threads until the producer says "done".
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { inputError } from '../cli/errors';
import { WorkerPool } from '../pool/pool';
import { openRedis, openWorker, queueName } from '../sweep/distributed/queue';
import { initFor } from '../sweep/local';
import { stageInfos } from '../../sim/calibration/stages';
import type { LoadedCalibration } from './load';
import { stageSweep } from './stage';

export const DONE = 'done';

export function stageKey(fingerprint: string): string {
  return `balloon:calibrate:${fingerprint.slice(0, 20)}:stage`;
}

export async function connect(url: string): Promise<Redis> {
  try {
    return await openRedis(url);
  } catch (err) {
    throw inputError(`--redis ${url}: cannot reach Redis (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
}

/** Producer side: tell workers which queue holds the current stage (or that the calibration is done). */
export async function announce(client: Redis, loaded: LoadedCalibration, stageFingerprint: string | null): Promise<void> {
  if (stageFingerprint === null) await client.set(stageKey(loaded.fingerprint), DONE, 'EX', 600);
  else await client.set(stageKey(loaded.fingerprint), queueName(stageFingerprint));
}

export async function runCalibrationWorker(
  loaded: LoadedCalibration,
  options: { url: string; workers: number; quiet: boolean; pollMs?: number },
  stdout: (text: string) => void,
): Promise<void> {
  const client = await connect(options.url);
  // Every stage's workers get the same init (the calibration spec); only the jobs' values differ.
  const pool = new WorkerPool(Math.max(1, options.workers), initFor(stageSweep(loaded, stageInfos(loaded.targets)[0], []), false));
  let current: string | null = null;
  let worker: Awaited<ReturnType<typeof openWorker>> | undefined;
  const say = (line: string) => {
    if (!options.quiet) stdout(`${line}\n`);
  };
  try {
    say(`worker: waiting for the stages of "${loaded.targets.name}" on ${options.url} with ${pool.size} thread${pool.size === 1 ? '' : 's'}`);
    for (;;) {
      const name = await client.get(stageKey(loaded.fingerprint));
      if (name === DONE) break;
      if (name !== null && name !== current) {
        await worker?.close();
        worker = await openWorker(name, options.url, pool.size, (task) => pool.run(task));
        current = name;
        say(`worker: pulling runs from ${name}`);
      }
      await sleep(options.pollMs ?? 500);
    }
    say('worker: the calibration is finished');
  } finally {
    await worker?.close();
    await pool.close();
    client.disconnect();
  }
}
