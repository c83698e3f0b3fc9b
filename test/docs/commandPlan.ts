/**
 * How the documentation's commands are run by commands.test.ts: which are not run (each
 * with its reason), how long ones are shortened, and what their output must look like.
 * Everything that differs from the documented text is here, in the open.
 */
import type { DocCommand } from './shellBlocks';

/** Documented commands that are not run, with the reason shown in the test report. */
export const SKIPPED: Record<string, string> = {
  'npm install && npm start': 'serves the app until stopped and opens a browser; test/browser/ builds the same app and drives it in headless Chromium',
  'npm start': 'serves the app until stopped and opens a browser; test/browser/ builds the same app and drives it in headless Chromium',
  'npm install && npm test': 'the suite itself (it would run this test again); CI runs it in .ci/run',
  'npm test': 'the suite itself (it would run this test again); CI runs it in .ci/run',
  'npx vitest run test/cli': 'a part of this suite, run by npm test',
  '.ci/run': 'CI itself: installs system packages, reinstalls node_modules, runs the suite',
  'npm install': 'installs the dependencies this suite already runs on (CI: npm ci in .ci/run)',
  'npm run build:node': 'rewrites dist/node/ while other test files run the CLI from it; npm test runs it before the suite',
  'npm run build': 'rewrites dist/ while other test files use it; npm test runs it before the suite',
  'npm run typecheck': '.ci/run runs it before the suite',
  'npm run bench': 'a benchmark of several minutes whose figures are measurements, not test results',
  'npx balloon sweep examples/peru-enforcement.sweep.json --out runs/peru --redis redis://10.0.0.5:6379 --role producer':
    'multi-host: 10.0.0.5 stands for the reader\'s Redis host; a producer and workers on one Redis are run by test/sweep/redis.test.ts',
  'npx balloon sweep examples/peru-enforcement.sweep.json --redis redis://10.0.0.5:6379 --role worker --workers 8':
    'multi-host: 10.0.0.5 stands for the reader\'s Redis host; a producer and workers on one Redis are run by test/sweep/redis.test.ts',
  'npx balloon calibrate calibration/default.targets.json --out cal-default':
    'the default world\'s fit: 3 264 runs, about 10 minutes with two workers; the quick example runs the same tool end to end',
  'npx balloon calibrate cal.json --out DIR --redis redis://host:6379':
    'placeholders (cal.json, DIR, host) for the reader\'s files and Redis host; the queue is the sweep engine\'s, run by test/sweep/redis.test.ts',
  'npx balloon calibrate cal.json --redis redis://host:6379 --role worker --workers 8':
    'placeholders (cal.json, host) for the reader\'s files and Redis host; the queue is the sweep engine\'s, run by test/sweep/redis.test.ts',
};

/** Commands that run many seeds run this many instead (their outputs have the same shape). */
export const QUICK_SEEDS = 3;

/** Commands whose default is more than QUICK_SEEDS seeds (facts 20, effect 10, compare 5). */
const MANY_SEEDS_BY_DEFAULT = /^npx balloon (facts|effect|compare)\b/;

export interface PlannedCommand {
  /** What is run (by bash, in a scratch copy of the project root). */
  run: string;
  /** Extra environment. */
  env: Record<string, string>;
  /** How `run` differs from the documented command, for the test's name; '' when it does not. */
  note: string;
  needsRedis: boolean;
  /** The exit code the command must give: 3 for a merge that still lacks runs (only array task 3 ran). */
  exitCode: number;
}

/**
 * The command to run for a documented one: `npx balloon` becomes `node <bin>` (the README says
 * both work; commands.test.ts checks `npx balloon` itself once), many seeds become QUICK_SEEDS,
 * the one-host Redis URL points at the Redis the test starts, and $SLURM_ARRAY_TASK_ID is set
 * as Slurm sets it for array task 3.
 */
export function planCommand(c: DocCommand, bin: string, redisUrl: string): PlannedCommand {
  let run = c.command;
  const notes: string[] = [];
  const env: Record<string, string> = {};
  const seeds = /--seeds (\d+)/.exec(run);
  if (seeds && Number(seeds[1]) > QUICK_SEEDS) {
    run = run.replace(/--seeds \d+/, `--seeds ${QUICK_SEEDS}`);
    notes.push(`--seeds ${QUICK_SEEDS}`);
  } else if (!seeds && MANY_SEEDS_BY_DEFAULT.test(run)) {
    run = `${run} --seeds ${QUICK_SEEDS}`;
    notes.push(`--seeds ${QUICK_SEEDS}`);
  }
  const needsRedis = /redis:\/\/127\.0\.0\.1:6379/.test(run);
  if (needsRedis) {
    run = run.replace('redis://127.0.0.1:6379', redisUrl);
    notes.push('Redis on a free port');
  }
  if (run.includes('$SLURM_ARRAY_TASK_ID')) {
    env.SLURM_ARRAY_TASK_ID = '3';
    notes.push('SLURM_ARRAY_TASK_ID=3');
  }
  const exitCode = /^npx balloon merge .*shard-\*/.test(c.command) ? 3 : 0;
  if (exitCode !== 0) notes.push(`exit ${exitCode}: runs missing`);
  run = run.replace(/^npx balloon\b/, `node "${bin}"`);
  return { run, env, note: notes.length > 0 ? ` (run with ${notes.join(', ')})` : '', needsRedis, exitCode };
}
