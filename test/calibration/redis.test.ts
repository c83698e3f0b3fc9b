/**
 * A calibration through Redis: the producer (--role producer, no threads of its
 * own) queues each stage; a worker process (--role worker) follows the stages and
 * runs them. The outputs are the bytes of the same calibration run locally.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balloon, tempDir } from '../cli/helpers';
import { SMALL, syntheticObserved, writeJson } from './helpers';
import { hasRedis, redisAndCli, sleep } from '../sweep/redisServer';

if (!hasRedis) console.warn('skipping the Redis calibration test: redis-server is not installed (apt-get install -y redis-server)');

const OUTPUTS = ['best.json', 'candidates.csv', 'fit.csv', 'identifiability.csv', 'calibration.json'];




function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe.skipIf(!hasRedis)('balloon calibrate --redis', () => {
  const cluster = redisAndCli(150_000); // never hang the test run
  const start = cluster.start;

  it('a producer and a worker on another "host" give the local outputs, stage after stage', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'observed.csv'), syntheticObserved({ growers: { incomeSensitivity: 1.2 } }, 2));
    const targets = writeJson(join(dir, 't.targets.json'), {
      name: 'redis',
      scenario: SMALL,
      parameters: [{ path: 'behaviour.growers.incomeSensitivity', range: [0.2, 8], scale: 'log' }],
      seeds: 2,
      search: { points: 6, rounds: 1, pointsPerRound: 4, accept: 3, profile: 2, final: { top: 2 } },
      targets: [{ type: 'series', measure: 'cultivationHa', entity: 'COL', years: [2000, 2004], observed: 'observed.csv' }],
    });
    const local = join(dir, 'local');
    expect(balloon(['calibrate', targets, '--out', local, '--workers', '2', '-q']).code).toBe(0);

    const worker = start(['calibrate', targets, '--redis', cluster.url, '--role', 'worker', '--workers', '2']);
    let workerOut = '';
    worker.stdout!.on('data', (d: Buffer) => (workerOut += d.toString()));
    const out = join(dir, 'distributed');
    const producer = start(['calibrate', targets, '--out', out, '--redis', cluster.url, '--role', 'producer', '-q']);
    let producerErr = '';
    producer.stderr!.on('data', (d: Buffer) => (producerErr += d.toString()));
    expect(await exitOf(producer)).toBe(0);
    expect(producerErr).toBe('');
    expect(await exitOf(worker)).toBe(0);
    expect(workerOut).toMatch(/worker: pulling runs from balloon-sweep-/);
    expect(workerOut).toMatch(/the calibration is finished/);
    for (const f of OUTPUTS) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(local, f), 'utf8'));
  }, 200_000);
});
