/**
 * Before/after on a shared machine: the baseline run of the working tree against the same run at
 * another commit, alternating the two in one process so that both see the same load, and the
 * result hashes of both (a speed-up must not change a bit).
 *
 *   npx tsx bench/compare.ts <commit> [runs] [ticks-factor]
 *
 * Default 12 runs of each, after 2 warm-ups; a ticks factor (e.g. 10) runs the bench's longer
 * baseline (`moreTicks`) instead, built from the working tree's scenario for both trees.
 *
 * The commit's sim/ and scenarios/ are extracted with `git archive` into dist/ (ignored by git,
 * and under the repository so that its imports find node_modules); each tree runs its own
 * scenarios/baseline.json (a commit that changed the model or the scenario gives another hash:
 * then the times compare different runs). Both trees are bundled the same way with esbuild (as
 * the CLI and `npm run bench` are) and the bundles imported: importing one tree's TypeScript
 * through tsx and the other's differently made the comparison of a tree with itself report
 * about 12 % in favour of the working tree; bundled alike, it reports about 1 %.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spread, time } from './stats';
import { moreTicks } from './scenarios';
import type { Scenario } from '../sim/scenario/schema';

type Run = (scenario: unknown, options: { seed: number }) => { hash: string };
type Load = (input: unknown) => unknown;

/** Bundle a tree's runScenario and loadScenario into `out/<name>.mjs` with esbuild and import it. */
async function importTree(root: string, out: string, name: string): Promise<{ run: Run; load: Load }> {
  const entry = join(out, `${name}-entry.ts`);
  const from = (path: string) => JSON.stringify(join(root, path));
  writeFileSync(entry, `export { runScenario } from ${from('sim/run')};\nexport { loadScenario } from ${from('sim/scenario/validate')};\n`);
  const outfile = join(out, `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
  const mod = (await import(pathToFileURL(outfile).href)) as { runScenario: Run; loadScenario: Load };
  return { run: mod.runScenario, load: mod.loadScenario };
}

async function main(): Promise<void> {
  const [commit, runsArg, ticksArg] = process.argv.slice(2);
  if (!commit) {
    console.error('usage: npx tsx bench/compare.ts <commit> [runs] [ticks-factor]');
    process.exit(2);
  }
  const runs = Number(runsArg ?? 12);
  const root = resolve('.');
  mkdirSync(join(root, 'dist'), { recursive: true });
  const dir = mkdtempSync(join(root, 'dist', 'compare-'));
  try {
    execFileSync('sh', ['-c', `git archive ${JSON.stringify(commit)} sim scenarios | tar -x -C ${JSON.stringify(dir)}`], { cwd: root });
    const baselineOf = (tree: string) => JSON.parse(readFileSync(join(tree, 'scenarios', 'baseline.json'), 'utf8')) as unknown;
    const before = await importTree(dir, dir, 'before');
    const after = await importTree(root, dir, 'after');
    const factor = Number(ticksArg ?? 1);
    const longer = factor > 1 ? moreTicks(after.load(baselineOf(root)) as Scenario, factor) : null;
    const sBefore = longer ?? before.load(baselineOf(dir));
    const sAfter = longer ?? after.load(baselineOf(root));
    const seed = 1;
    const cpuBefore: number[] = [];
    const cpuAfter: number[] = [];
    const ratios: number[] = [];
    let hashBefore = '';
    let hashAfter = '';
    for (let i = -2; i < runs; i++) {
      // Alternate which goes first, so neither always runs right after the other's garbage.
      const first = i % 2 === 0;
      const a = first ? time(() => void (hashBefore = before.run(sBefore, { seed }).hash)) : null;
      const b = time(() => void (hashAfter = after.run(sAfter, { seed }).hash));
      const a2 = a ?? time(() => void (hashBefore = before.run(sBefore, { seed }).hash));
      if (i < 0) continue;
      cpuBefore.push(a2.cpuMs);
      cpuAfter.push(b.cpuMs);
      ratios.push(b.cpuMs / a2.cpuMs);
    }
    const s = (x: number[]) => {
      const v = spread(x);
      return `${v.median.toFixed(0)} ms (min ${v.min.toFixed(0)}, max ${v.max.toFixed(0)})`;
    };
    const r = spread(ratios);
    console.log(`baseline run${factor > 1 ? ` (${factor}x ticks)` : ''}, CPU time, ${runs} runs each: ${commit} ${s(cpuBefore)}; working tree ${s(cpuAfter)}`);
    console.log(`working tree / ${commit}: ${r.median.toFixed(3)} (min ${r.min.toFixed(3)}, max ${r.max.toFixed(3)}) per pair`);
    console.log(`result hashes (seed ${seed}): ${commit} ${hashBefore}, working tree ${hashAfter}: ${hashBefore === hashAfter ? 'the same' : 'DIFFERENT'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`compare: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
