/**
 * `npm run bench`: the performance figures of issue 7, each the median of
 * several runs with min and max, printed and written to bench/results.json
 * (atomically) so a change can be compared with the last one.
 *
 * Environment: BENCH_RUNS (baseline runs, default 7), BENCH_MEMORY_RUNS (runs in
 * the memory loop, default 300), BENCH_QUICK=1 (fewer repetitions everywhere,
 * for a smoke test), BENCH_SKIP=browser,sweep,memory,linearity,app,workshop (sections to skip),
 * BENCH_RELEASES (workshop slider releases, default 100: the first 30 are the target,
 * 71-100 show growth).
 * Times are wall clock and CPU time of the process; on a shared machine the CPU
 * time is the steadier figure, and the ratios are computed from it.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runScenario } from '../sim/run';
import { createSimulation } from '../sim/simulation';
import { baseline, moreAgents, moreTicks } from './scenarios';
import { decisionsPerRun, measureGrowerPhase } from './growers';
import { meanWorldSize, type WorldSize } from './world-size';
import { childLoop, childOneRun, inChild, type LoopMemory, type OneRunMemory } from './memory';
import { measureBrowser } from './browser';
import { measureApp, type AppFigures } from './app-load';
import { measureWorkshop, type WorkshopFigures } from './workshop-releases';
import { printApp, printWorkshop } from './web-print';
import { measureSweep, sweepRatio } from './sweep-figures';
import { fmt, fmtSpread, repeat, spread, time, type Spread } from './stats';

const ROOT = findRoot();
const QUICK = process.env.BENCH_QUICK === '1';
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));

/** The repository root: the nearest parent of this script with scenarios/baseline.json. */
function findRoot(): string {
  let dir = dirname(resolve(process.argv[1] ?? '.'));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'scenarios', 'baseline.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench: ${name}: expected a positive integer, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

interface Target {
  name: string;
  value: number | null;
  target: string;
  pass: boolean | null;
}

function check(name: string, value: number | null, op: '<' | '<=' | '>=', limit: number): Target {
  const pass = value === null || !Number.isFinite(value) ? null : op === '<' ? value < limit : op === '<=' ? value <= limit : value >= limit;
  return { name, value, target: `${op} ${limit}`, pass };
}

function runChild(mode: string, args: string[]): void {
  const scenario = baseline(ROOT);
  if (mode === 'memory-one') console.log(JSON.stringify(childOneRun(scenario)));
  else if (mode === 'memory-loop') console.log(JSON.stringify(childLoop(scenario, Number(args[0]))));
  else throw new Error(`bench: unknown child mode "${mode}"`);
}

/** One line from the sweep figures: runs/s on 1 and 2 workers and the speed-up when present, else the JSON. */
function describeSweep(figures: unknown): string {
  const f = (figures ?? {}) as { workers1?: Spread; workers2?: Spread; speedup?: number; machineSpeedup?: number };
  if (!f.workers1 || !f.workers2) return JSON.stringify(figures);
  const machine = typeof f.machineSpeedup === 'number' ? `; a pure CPU loop gets ${fmt(f.machineSpeedup, 2)}x from 2 threads right now` : '';
  return `1 worker ${fmtSpread(f.workers1, 'runs/s')}, 2 workers ${fmtSpread(f.workers2, 'runs/s')}, speed-up ${fmt(f.speedup ?? NaN, 2)}x${machine}`;
}

function previousResults(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) return runChild(process.argv[childAt + 1], process.argv.slice(childAt + 2));

  const runs = intEnv('BENCH_RUNS', QUICK ? 3 : 7);
  const memoryRuns = intEnv('BENCH_MEMORY_RUNS', QUICK ? 110 : 300);
  const resultsFile = join(ROOT, 'bench', 'results.json');
  const previous = previousResults(resultsFile);
  const load = loadavg();
  console.log(`balloon bench: node ${process.version}, ${cpus().length} cpu (${cpus()[0]?.model ?? '?'}), load average ${load.map((x) => x.toFixed(2)).join(' ')}`);
  if (load[0] > cpus().length * 0.75) console.log('  note: the machine is busy; wall times are inflated, CPU times less so');

  const scenario = baseline(ROOT);
  const world = createSimulation(scenario, scenario.seed).world;
  const decisions = decisionsPerRun(world, scenario.regions.reduce((n, r) => n + r.growers, 0));

  // 1. One baseline run, one core.
  let hash = '';
  const base = repeat(runs, 2, () => {
    hash = runScenario(scenario, { seed: scenario.seed }).hash;
  });
  console.log(`baseline run (${world.totalTicks} ticks, ${decisions} grower decisions):`);
  console.log(`  wall ${fmtSpread(base.wall, 'ms')}`);
  console.log(`  cpu  ${fmtSpread(base.cpu, 'ms')}`);
  const runDecisionsPerSecond = decisions / (base.cpu.median / 1000) / 1e6;
  console.log(`  = ${fmt(runDecisionsPerSecond)} M grower decisions per CPU second of the whole run`);

  // 2. The grower phase against its floor.
  const growers = measureGrowerPhase(scenario, QUICK ? 3 : 7, QUICK ? 10 : 30);
  console.log(`grower phase (${growers.growers} growers, a decision every ${growers.seasonTicks} ticks):`);
  console.log(`  ${fmtSpread(growers.decisionsPerSecondMillions, 'M decisions/s')}`);
  console.log(`  phase ${fmtSpread(growers.phaseNsPerDecision, 'ns/decision')}; floor ${fmtSpread(growers.floorNsPerDecision, 'ns/decision')}`);
  console.log(`  phase / floor = ${fmtSpread(growers.ratio, 'x', 2)}`);

  // 3. Linearity: 10x agents, 10x ticks. Each scaled run is paired with three baseline runs timed just
  // before it (their median) and the ratio is the median of the pairs' CPU time ratios: on a shared
  // machine the load changes over minutes, and a ratio against the baseline timed at the start would
  // measure that.
  let linearity: {
    agents: { wall: Spread; cpu: Spread };
    ticks: { wall: Spread; cpu: Spread };
    agentsRatio: number;
    ticksRatio: number;
    agentsRatios: Spread;
    ticksRatios: Spread;
    /** Mean world size per tick of the baseline and of the 10x-ticks run (see bench/world-size.ts). */
    worldSize: { baseline: WorldSize; ticks: WorldSize };
  } | null = null;
  if (!SKIP.has('linearity')) {
    const reps = QUICK ? 1 : 3;
    const paired = (scaled: typeof scenario) => {
      void runScenario(scaled, { seed: scenario.seed }); // warm-up
      const wall: number[] = [];
      const cpu: number[] = [];
      const ratios: number[] = [];
      for (let i = 0; i < reps; i++) {
        const one = repeat(3, 0, () => void runScenario(scenario, { seed: scenario.seed })).cpu.median;
        const big = time(() => void runScenario(scaled, { seed: scenario.seed }));
        wall.push(big.wallMs);
        cpu.push(big.cpuMs);
        ratios.push(big.cpuMs / one);
      }
      return { times: { wall: spread(wall), cpu: spread(cpu) }, ratios: spread(ratios) };
    };
    const agents = paired(moreAgents(scenario, 10));
    const longer = moreTicks(scenario, 10);
    const ticks = paired(longer);
    const worldSize = { baseline: meanWorldSize(scenario, scenario.seed), ticks: meanWorldSize(longer, scenario.seed) };
    linearity = {
      agents: agents.times,
      ticks: ticks.times,
      agentsRatio: agents.ratios.median,
      ticksRatio: ticks.ratios.median,
      agentsRatios: agents.ratios,
      ticksRatios: ticks.ratios,
      worldSize,
    };
    console.log('linearity (CPU time against baseline runs timed just before each):');
    console.log(`  10x growers and organisations: ${fmtSpread(agents.times.cpu, 'ms')}; ratio ${fmtSpread(agents.ratios, 'x', 2)}`);
    console.log(`  10x ticks:                     ${fmtSpread(ticks.times.cpu, 'ms')}; ratio ${fmtSpread(ticks.ratios, 'x', 2)}`);
    const { baseline: small, ticks: large } = worldSize;
    console.log(
      `    cost per tick ${fmt(ticks.ratios.median / 10, 2)}x the baseline's; world per tick: ${fmt(large.organisations)} organisations ` +
        `(baseline ${fmt(small.organisations)}), ${fmt(large.pathPairs)} organisation-path pairs (baseline ${fmt(small.pathPairs)}, ${fmt(large.pathPairs / small.pathPairs, 2)}x)`,
    );
  } else console.log('linearity: skipped (BENCH_SKIP)');

  // 4. Memory, in child processes.
  let memory: { one: OneRunMemory; loop: LoopMemory } | null = null;
  if (!SKIP.has('memory')) {
    const one = inChild<OneRunMemory>('memory-one');
    const loop = inChild<LoopMemory>('memory-loop', [String(memoryRuns)], ['--expose-gc']);
    memory = { one, loop };
    console.log('memory:');
    console.log(`  one baseline run: peak rss ${fmt(one.peakRssMb)} MB (process at start ${fmt(one.startRssMb)} MB)`);
    console.log(`  ${loop.runs} runs in one process: ${loop.samples.map((s) => `run ${s.run}: rss ${fmt(s.rssMb)} MB, heap ${fmt(s.heapMb)} MB`).join('; ')}`);
    console.log(`  growth from run 100 to run ${loop.runs}: rss ${fmt(loop.rssGrowthMb)} MB, heap ${fmt(loop.heapGrowthMb, 2)} MB`);
  } else console.log('memory: skipped (BENCH_SKIP)');

  // 5. Sweep throughput (the sweep engineer's measurement).
  let sweep: Awaited<ReturnType<typeof measureSweep>> | null = null;
  if (!SKIP.has('sweep')) {
    try {
      sweep = await measureSweep(ROOT);
    } catch (err) {
      sweep = { ok: false, skipped: `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
    }
    if (sweep.ok) console.log(`sweep (bench/sweep.ts ${sweep.exportName}): ${describeSweep(sweep.figures)}`);
    else console.log(`sweep bench: not available (${sweep.skipped})`);
  } else console.log('sweep bench: skipped (BENCH_SKIP)');

  // 6. The baseline in a browser worker.
  let browser: Awaited<ReturnType<typeof measureBrowser>> | null = null;
  if (!SKIP.has('browser')) {
    try {
      browser = await measureBrowser(ROOT, QUICK ? 3 : 5);
    } catch (err) {
      browser = { ok: false, skipped: `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
    }
    if (browser.ok) {
      console.log(`browser worker (headless Chromium): ${fmtSpread(browser.runMs, 'ms')} per baseline run (wall, worker clock)`);
      if (browser.hash !== hash) console.log(`  WARNING: the browser's result hash ${browser.hash} differs from Node's ${hash}`);
      else console.log(`  same result hash as Node (${hash})`);
    } else console.log(`browser worker: skipped: ${browser.skipped}`);
  } else console.log('browser worker: skipped (BENCH_SKIP)');

  // 7. The built app in Chromium: first charts, workshop usable, compare; workshop slider releases.
  let app: AppFigures | null = null;
  if (!SKIP.has('app')) {
    try {
      app = await measureApp(ROOT, QUICK ? 2 : 5, QUICK ? 1 : 3);
    } catch (err) {
      app = { ok: false, skipped: `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
    }
    printApp(app);
  } else console.log('browser app: skipped (BENCH_SKIP)');
  let workshop: WorkshopFigures | null = null;
  if (!SKIP.has('workshop')) {
    try {
      workshop = await measureWorkshop(ROOT, intEnv('BENCH_RELEASES', QUICK ? 30 : 100));
    } catch (err) {
      workshop = { ok: false, skipped: `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
    }
    printWorkshop(workshop);
  } else console.log('workshop releases: skipped (BENCH_SKIP)');
  const appOk = app?.ok ? app : null;
  const ws = workshop?.ok ? workshop : null;

  const targets: Target[] = [
    check('baseline run, CPU ms (median)', base.cpu.median, '<', 250),
    check('grower decisions, M/s (median)', growers.decisionsPerSecondMillions.median, '>=', 20),
    check('grower phase / floor (median)', growers.ratio.median, '<', 3),
    check('10x agents time ratio', linearity?.agentsRatio ?? null, '<=', 11),
    check('10x ticks time ratio', linearity?.ticksRatio ?? null, '<=', 10.5),
    check('peak rss of one run, MB', memory?.one.peakRssMb ?? null, '<', 200),
    check(`rss growth run 100 -> ${memory?.loop.runs ?? '?'}, MB`, memory?.loop.rssGrowthMb ?? null, '<', 10),
    check('sweep 2 workers / 1 worker', sweep?.ok ? sweepRatio(sweep.figures) : null, '>=', 1.8),
    check('browser worker run, ms (median)', browser?.ok ? browser.runMs.median : null, '<', 250),
    check('first charts after navigation, ms (median)', appOk?.firstChartsMs.median ?? null, '<=', 1000),
    check('workshop usable after navigation, ms (median)', appOk?.workshopUsableMs.median ?? null, '<=', 1500),
    check('compare 9 scenarios x 3 seeds, ms (median)', appOk?.compareMs.median ?? null, '<=', 4000),
    check('workshop release -> complete answer, ms (p90 of 30)', ws?.first30.completeMs.p90 ?? null, '<=', 150),
    check('workshop release -> first change, ms (p90 of 30)', ws?.first30.firstChangeMs.p90 ?? null, '<=', 100),
    check('workshop releases 71-100 / 1-30, complete p90', ws?.last30 ? ws.last30.completeMs.p90 / ws.first30.completeMs.p90 : null, '<=', 1.2),
  ];
  console.log('targets:');
  for (const t of targets) console.log(`  ${t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'MISS'}  ${t.name}: ${t.value === null ? '-' : fmt(t.value, 2)} (target ${t.target})`);

  const results = {
    date: new Date().toISOString(), // host-only
    node: process.version,
    cpu: cpus()[0]?.model ?? '',
    cpus: cpus().length,
    loadAverage: load,
    quick: QUICK,
    baseline: { ticks: world.totalTicks, growerDecisions: decisions, hash, wallMs: base.wall, cpuMs: base.cpu, runDecisionsPerSecondMillions: runDecisionsPerSecond },
    growerPhase: growers,
    linearity,
    memory,
    sweep,
    browser,
    app,
    workshop,
    targets,
  };
  writeAtomically(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const before = (previous?.baseline as { cpuMs?: Spread } | undefined)?.cpuMs?.median;
  if (typeof before === 'number') console.log(`baseline CPU ms: ${fmt(base.cpu.median)} now, ${fmt(before)} in the previous bench/results.json (${previous?.date as string})`);
  console.log(`wrote ${resultsFile}`);
}

main().catch((err) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
