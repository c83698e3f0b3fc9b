/**
 * `balloon effect <scenario.json> (--policy N | --lever KIND) [--seed N] [--seeds K] [--out effect.json]`:
 * the effect of one policy (or every policy of a lever) against the same scenario
 * without it, on the same seeds: displacement index and cost-effectiveness.
 */
import { effectFromPairs, leverPlan, policyPlan, type EffectEstimate, type Outcomes } from '../../sim/analysis/effect';
import { seedsFrom } from '../../sim/analysis/paired';
import type { Estimate } from '../../sim/analysis/stats';
import { formatNumber } from '../../sim/io/number';
import { formatTable } from '../../sim/io/table';
import { LEVER_KINDS, type LeverKind } from '../../sim/scenario/schema';
import { inputError, usageError } from './errors';
import { loadScenarioFile } from './load';
import { parseInteger, parseSeed, parseSeedCount, parseWorkers, type SeedRunOptions } from './options';
import { defaultWorkers } from './parallel';
import { runPairedJobs } from './pairedRuns';
import { checkOutputs } from './outputs';
import { checkWork } from './work';
import { writeAtomic } from './write';
import { displayPath } from './paths';

export interface EffectOptions extends SeedRunOptions {
  policy?: string;
  lever?: string;
}

function cells(e: Estimate | null): string[] {
  if (!e) return ['n/a', ''];
  return [formatNumber(e.mean), Number.isFinite(e.lo) ? `[${formatNumber(e.lo)}, ${formatNumber(e.hi)}]` : ''];
}

function json(effect: EffectEstimate): string {
  return JSON.stringify(effect, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

export async function effectCommand(scenarioArg: string, options: EffectOptions, stdout: (text: string) => void): Promise<void> {
  if (options.policy !== undefined && options.lever !== undefined) throw usageError('effect: give exactly one of --policy N or --lever KIND');
  if (options.lever !== undefined && !LEVER_KINDS.includes(options.lever as LeverKind)) {
    throw usageError(`--lever: expected one of ${LEVER_KINDS.join(', ')}, got "${options.lever}"`);
  }
  if (options.out && !options.out.toLowerCase().endsWith('.json')) throw usageError(`--out: expected a file name ending in .json, got "${options.out}"`);
  checkOutputs([{ option: 'out', path: options.out ?? '' }]);
  const firstSeed = parseSeed(options.seed);
  const count = parseSeedCount(options.seeds) ?? 10;
  const workers = parseWorkers(options.workers) ?? defaultWorkers(2 * count);
  const { scenario, file } = loadScenarioFile(scenarioArg);
  checkWork(file, scenario, options.allowLong);
  const seeds = seedsFrom(firstSeed ?? scenario.seed, count);
  let index: number | undefined;
  if (options.policy === undefined && options.lever === undefined) {
    // Neither given: a scenario with one policy has only one effect to measure.
    if (scenario.policies.length !== 1) {
      const labels = scenario.policies.map((p, i) => `${i}: ${p.label ?? p.lever}`).join('; ');
      throw usageError(`effect: give exactly one of --policy N or --lever KIND (${file} has ${scenario.policies.length} policies${labels ? `: ${labels}` : ''})`);
    }
    index = 0;
  } else if (options.policy !== undefined && !/^\s*\d+\s*$/.test(options.policy)) {
    // a policy label
    index = scenario.policies.findIndex((p) => p.label === options.policy);
    if (index < 0) {
      const labels = scenario.policies.map((p, i) => `${i}: ${p.label ?? p.lever}`).join('; ');
      throw inputError(`${file}: policies: expected a policy labelled "${options.policy}", got none (${labels || 'no policies'})`);
    }
  } else index = parseInteger('policy', options.policy, 0, 1_000_000);
  if (index !== undefined && index >= scenario.policies.length) {
    throw inputError(`${file}: policies[${index}]: expected an existing policy (the file has ${scenario.policies.length}), got index ${index}`);
  }
  if (options.lever && !scenario.policies.some((p) => p.lever === options.lever)) {
    throw inputError(`${file}: policies: expected at least one "${options.lever}" lever, got none`);
  }
  const plan = index !== undefined ? policyPlan(scenario, index) : leverPlan(scenario, options.lever as LeverKind);
  const pairs = await runPairedJobs<Outcomes>(seeds, (seed, which) => ({ kind: 'outcomes', plan, which, seed }), { label: 'effect', quiet: options.quiet === true, workers });
  const effect: EffectEstimate = effectFromPairs(plan, pairs, 0.9);
  if (options.out) writeAtomic(options.out, json(effect));
  if (options.quiet) return;
  stdout(`Balloon effect of ${effect.intervention} in ${scenario.name} (${file})\n`);
  stdout(`paired against the same scenario without it, seeds ${seeds[0]}..${seeds[seeds.length - 1]} (${seeds.length}); 90% intervals\n`);
  if (effect.target) stdout(`displacement target: ${effect.target.description}\n`);
  const rows: string[][] = [];
  const unit = effect.target?.measure === 'flowKg' ? 'kg/year' : 'ha';
  if (effect.target) {
    rows.push(['reduction at the target (' + unit + ')', ...cells(effect.targetReduction)]);
    rows.push(['increase elsewhere (' + unit + ')', ...cells(effect.elsewhereIncrease)]);
    const reduced = (effect.targetReduction?.mean ?? 0) > 0;
    rows.push(['displacement index (0 none, 1 all)', ...(reduced ? cells(effect.displacementIndex) : ['n/a', '(the target was not reduced)'])]);
  } else {
    rows.push(['displacement index', 'n/a', '(this lever has no supply-side target)']);
  }
  rows.push(['extra spend (USD/year)', ...cells(effect.extraSpendUsdPerYear)]);
  rows.push(['northern consumption change (kg/year)', ...cells(effect.northConsumptionChangeKgPerYear)]);
  rows.push(['southern violence change (index)', ...cells(effect.southViolenceChange)]);
  rows.push(['northern users change (people)', ...cells(effect.northUsersChange)]);
  rows.push(['northern heavy users change (people)', ...cells(effect.northHeavyUsersChange)]);
  rows.push(['consumption change per million USD (kg)', ...cells(effect.consumptionKgPerMillionUsd)]);
  rows.push(['violence change per million USD/year', ...cells(effect.violencePerMillionUsd)]);
  rows.push(['heavy users change per million USD/year', ...cells(effect.heavyUsersPerMillionUsd)]);
  stdout(formatTable({ title: '', header: ['measure (with minus without)', 'mean', '90% interval'], rows }));
  if (options.out) stdout(`wrote ${displayPath(options.out)}\n`);
}
