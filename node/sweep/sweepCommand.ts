/** `balloon sweep <file> --out <dir>`: load and validate everything, then run locally or through Redis. */
import { resolve } from 'node:path';
import { usageError } from '../cli/errors';
import { checkOutputDirectory } from '../cli/outputs';
import { checkWork } from '../cli/work';
import { parseScenario } from '../../sim/scenario/validate';
import { pointScenario } from '../../sim/sweep/plan';
import type { LoadedSweep } from './load';
import { SWEEP_FILES } from './outputs';
import { loadSweepFile } from './load';
import { runLocalSweep } from './local';
import { parseRedisTimeout, parseRedisUrl, parseRole, parseWorkers } from './options';
import { parseShard } from './state';

export interface SweepCommandOptions {
  out?: string;
  workers?: string;
  perTick?: boolean;
  shard?: string;
  redis?: string;
  redisTimeout?: string;
  role?: string;
  quiet?: boolean;
  allowLong?: boolean;
}

export async function sweepCommand(file: string, options: SweepCommandOptions, stdout: (text: string) => void): Promise<void> {
  const role = parseRole(options.role);
  const distributed = options.redis !== undefined;
  const workers = parseWorkers(options.workers, distributed && role === 'both');
  const shard = parseShard(options.shard);
  const url = options.redis === undefined ? undefined : parseRedisUrl(options.redis);
  const redisTimeoutS = parseRedisTimeout(options.redisTimeout);
  if (redisTimeoutS !== undefined && !distributed) throw usageError('sweep: --redis-timeout goes with --redis');
  if (!options.out && !(distributed && role === 'worker')) throw usageError('sweep: expected --out <dir>');
  if (distributed && shard) throw usageError('sweep: --shard and --redis do not go together (a queue already spreads the runs)');
  if (options.out) checkOutputDirectory(options.out, SWEEP_FILES);
  const loaded = loadSweepFile(file);
  checkSweepWork(loaded, options.allowLong);
  const quiet = options.quiet === true;
  const perTick = options.perTick === true || loaded.plan.sweep.outputs.perTick;
  const dir = options.out ? resolve(options.out) : '';
  if (distributed) {
    const { runDistributed } = await import('./distributed/run');
    await runDistributed(loaded, { url: url!, role, dir, workers, perTick, quiet, redisTimeoutS }, stdout);
    return;
  }
  const started = Date.now(); // host-only
  const { plan } = loaded;
  const banner = `sweep "${plan.sweep.name}": ${plan.runCount} runs (${plan.points.length} points × ${plan.sweep.seedsPerPoint} seed${plan.sweep.seedsPerPoint === 1 ? '' : 's'}) on ${workers} worker${workers === 1 ? '' : 's'}${shard ? `, shard ${shard.index}/${shard.count}` : ''}`;
  const report = await runLocalSweep(loaded, dir, { workers, shard, perTick, quiet, banner });
  const seconds = (Date.now() - started) / 1000; // host-only
  if (!quiet) {
    const speed = report.ranNow > 0 ? ` (${report.ranNow} ran now in ${seconds.toFixed(1)} s, ${(report.ranNow / seconds).toFixed(1)} runs/s on ${workers} worker${workers === 1 ? '' : 's'})` : '';
    stdout(`${report.line}${speed}\n`);
  }
}

/** The work limit (cli/work.ts) for the base scenario, and for every point when a parameter changes the size of a run. */
function checkSweepWork(loaded: LoadedSweep, allowLong: boolean | undefined): void {
  if (allowLong) return;
  const base = parseScenario(loaded.plan.baseInput);
  if (base.ok) checkWork(loaded.baseFile, base.value, false);
  const sizing = /growers|ticksPerYear|burnInYears|(^|\.)(start|end)$/;
  if (!loaded.plan.sweep.parameters.some((p) => sizing.test(p.path))) return;
  for (let p = 0; p < loaded.plan.points.length; p++) checkWork(`${loaded.file}: point ${p}`, pointScenario(loaded.plan, p), false);
}
