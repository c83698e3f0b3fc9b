/**
 * Workshop re-run speed on the bundled baseline world: how long a live session takes
 * to answer a lever move (resume from the snapshot before the lever's start, run to
 * the horizon, digest), at workshop and full fidelity, for levers starting in 2000,
 * 2005 and 2010. Host code: timings are wall-clock and depend on the machine's load.
 *
 *   npx tsx scripts/bench-workshop.ts [repetitions]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText } from '../sim/scenario/validate';
import { LiveSession } from '../sim/workshop/session';
import { digest } from '../sim/workshop/digest';
import { atFidelity, type Fidelity } from '../sim/workshop/fidelity';
import { planPolicies } from '../sim/workshop/plan';

const reps = Math.max(1, Number(process.argv[2] ?? 5));
const parsed = parseScenarioText(readFileSync(join(import.meta.dirname, '..', 'scenarios', 'baseline.json'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors[0].message);
const world = parsed.value;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const fidelity of ['workshop', 'full'] as Fidelity[]) {
  const scenario = atFidelity(world, fidelity);
  let begun = performance.now(); // host-only
  const session = new LiveSession(scenario, 1, { captureOnRerun: true });
  const prepare = performance.now() - begun; // host-only
  console.log(`${fidelity} fidelity: prepared (run without levers, a snapshot per year) in ${prepare.toFixed(0)} ms`);
  for (const start of ['2010-01', '2005-01', '2000-01']) {
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const policies = planPolicies(scenario, [{ slot: 1, kind: 'eradication', country: 'COL', budgetUsdPerYear: (100 + 10 * i) * 1e6, start }]);
      begun = performance.now(); // host-only
      const run = session.run(policies)!;
      digest(run.result, session.scenarioOf(policies), session.baseline);
      times.push(performance.now() - begun); // host-only
    }
    console.log(`  lever from ${start}: re-run + digest min ${Math.min(...times).toFixed(0)} ms, median ${median(times).toFixed(0)} ms (${reps} moves)`);
  }
}
