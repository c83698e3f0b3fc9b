/** `balloon validate <scenario.json>`: check a scenario file and describe it in one line. */
import { loadScenarioFile } from './load';
import { describeWork, formatCount, WORK_LIMIT, workOf } from './work';

export function validateCommand(scenarioArg: string, stdout: (text: string) => void): void {
  const { scenario: s } = loadScenarioFile(scenarioArg);
  const growers = s.regions.reduce((sum, r) => sum + r.growers, 0);
  stdout(
    `ok: ${s.name} (${s.countries.length} countries, ${s.regions.length} regions, ${s.routes.length} routes, ` +
      `${s.markets.length} markets, ${s.policies.length} policies, ${growers} growers, ${s.traffickers.count} trafficking organisations, ` +
      `${s.start} to ${s.end})\n`,
  );
  const work = workOf(s);
  if (work.growerTicks > WORK_LIMIT) {
    stdout(`long run: ${describeWork(work)}, over the work limit of ${formatCount(WORK_LIMIT)}: run, compare, effect, facts and sweep need --allow-long\n`);
  }
}
