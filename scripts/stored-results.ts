/**
 * The results a new visitor sees first, computed in Node with the same core as the
 * app's workers (used by the build through vite.config.ts, and by
 * test/browser/stored.test.ts to check what the build shipped):
 * - the default scenario at the default seeds (and its no-policy twin when it has policies);
 * - the workshop world's digest without levers at workshop and full fidelity.
 * `storedKey` is a SHA-256 of the scenario file's bytes and of every source file of
 * the core (sim/, except the Node hosts) and of the workshop's session and digest code.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseScenarioText } from '../sim/scenario/validate';
import { runScenario } from '../sim/run';
import type { RunResult } from '../sim/results/types';
import type { Scenario } from '../sim/scenario/schema';
import { DEFAULT_STATE } from '../viz/state/url';
import { parseSeeds } from '../viz/state/seeds';
import { twinOf } from '../viz/data/twin';
import { encodeResults } from '../viz/stored/codec';
import { WORKSHOP_SCENARIO, WORKSHOP_SEED } from '../viz/stored/defaults';
import { LiveSession } from '../sim/workshop/session';
import { digest, type Digest } from '../sim/workshop/digest';
import { atFidelity, type Fidelity } from '../sim/workshop/fidelity';

/** Source files whose change can change a result: the core and the workshop's session and digest code. */
const CORE_DIRS = ['sim', 'viz/workshop/data', 'viz/stored'];

function files(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir)).sort()) {
    const path = join(dir, name);
    if (path === join('sim', 'node')) continue; // the CLI and worker-thread hosts
    if (statSync(join(root, path)).isDirectory()) out.push(...files(root, path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** SHA-256 (hex) of the scenario file and the core's sources, each with its path. */
export function storedKey(root: string, scenarioFile: string): string {
  const hash = createHash('sha256');
  for (const path of [relative(root, scenarioFile), ...CORE_DIRS.flatMap((d) => files(root, d))]) {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(root, path)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function load(root: string, id: string) {
  const file = join(root, 'scenarios', `${id}.json`);
  const parsed = parseScenarioText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: expected a valid scenario, found: ${parsed.errors[0]?.message}`);
  return { file, scenario: parsed.value };
}

/** The default page's runs: the scenario at each default seed, then its twin's (when it has policies). */
export function computeAppResults(root: string): { key: string; scenario: string; parsed: Scenario; seeds: number[]; runs: RunResult[]; twin: RunResult[] | null } {
  const { file, scenario } = load(root, DEFAULT_STATE.scenario);
  const seeds = parseSeeds(DEFAULT_STATE.seeds, DEFAULT_STATE.first ?? 1);
  if (!seeds.ok) throw new Error(`default seeds: ${seeds.message}`);
  const runs = seeds.seeds.map((seed) => runScenario(scenario, { seed }));
  const twin = scenario.policies.length > 0 ? seeds.seeds.map((seed) => runScenario(twinOf(scenario), { seed })) : null;
  return { key: storedKey(root, file), scenario: DEFAULT_STATE.scenario, parsed: scenario, seeds: seeds.seeds, runs, twin };
}

/** The workshop world's no-lever digests, as its live workers compute them at start. */
export function computeWorkshopDigests(root: string): { key: string; scenario: string; seed: number; digests: Record<Fidelity, Digest> } {
  const { file, scenario } = load(root, WORKSHOP_SCENARIO);
  const at = (fidelity: Fidelity) => {
    const session = new LiveSession(atFidelity(scenario, fidelity), WORKSHOP_SEED, { captureOnRerun: true });
    return digest(session.baseline, session.world, session.baseline);
  };
  return { key: storedKey(root, file), scenario: WORKSHOP_SCENARIO, seed: WORKSHOP_SEED, digests: { workshop: at('workshop'), full: at('full') } };
}

export { encodeResults };
