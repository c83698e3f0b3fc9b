/**
 * How big a run's world is, tick by tick: the organisations alive and the (organisation, usable path)
 * pairs they value and ship along, averaged over all ticks. The model's cost per tick outside the
 * grower phase grows with these pairs, so a longer run whose organisations multiply and learn more
 * routes costs more per tick without any code growing with run length (bench/main.ts prints both
 * ratios next to each other). Untimed: a separate run of its own.
 */
import type { Scenario } from '../sim/scenario/schema';
import { createSimulation } from '../sim/simulation';

export interface WorldSize {
  /** Mean organisations alive per tick. */
  organisations: number;
  /** Mean (organisation, usable path) pairs per tick. */
  pathPairs: number;
}

export function meanWorldSize(scenario: Scenario, seed: number): WorldSize {
  const sim = createSimulation(scenario, seed);
  const to = sim.state.traffickers;
  let organisations = 0;
  let pathPairs = 0;
  let ticks = 0;
  while (sim.tick < sim.totalTicks) {
    sim.step();
    for (let k = 0; k < to.capacity; k++) {
      if (!to.alive[k]) continue;
      organisations++;
      pathPairs += to.usableCount[k];
    }
    ticks++;
  }
  return { organisations: organisations / ticks, pathPairs: pathPairs / ticks };
}
