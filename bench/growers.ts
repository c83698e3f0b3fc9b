/**
 * The grower phase on its own: time `decideGrowers` on a prepared state (the
 * baseline after its burn-in), and a "floor" loop that makes the same random
 * draws and the same typed-array reads and writes with no decision logic. The
 * ratio of the two says how close the phase is to what the memory traffic and
 * the random numbers alone cost.
 */
import type { Scenario } from '../sim/scenario/schema';
import { createSimulation } from '../sim/simulation';
import { createGrowerContext, decideGrowers, seasonTicksOf } from '../sim/model/growers';
import { ALEA_2_POW_MINUS_32, ALEA_MULTIPLIER } from '../sim/model/rng';
import type { World } from '../sim/model/world';
import type { WorldState } from '../sim/model/state';
import { spread, time, type Spread } from './stats';

/** Grower decisions in a whole run: every tick, the growers whose index is in that tick's class. */
export function decisionsPerRun(world: World, n: number): number {
  const season = seasonTicksOf(world);
  let total = 0;
  for (let t = 0; t < world.totalTicks; t++) {
    const first = (season - (t % season)) % season;
    total += first < n ? Math.ceil((n - first) / season) : 0;
  }
  return total;
}

export interface GrowerPhaseFigures {
  growers: number;
  seasonTicks: number;
  /** ns per decision, grower phase (decideGrowers, per-tick region terms included). */
  phaseNsPerDecision: Spread;
  /** ns per decision, floor loop. */
  floorNsPerDecision: Spread;
  /** Million decisions per second of CPU time, grower phase. */
  decisionsPerSecondMillions: Spread;
  /** phase time / floor time, per repetition. */
  ratio: Spread;
}

/**
 * The floor: per decision one Alea draw from the region's stream, five reads
 * (land, coca, log-survival, belief, cost class) and three writes (belief,
 * coca, log-survival), in the phase's order over the same arrays, nothing else.
 */
function floorLoop(world: World, state: WorldState, regionStart: Int32Array, season: number, first: number, streams: Float64Array[]): number {
  const { landHa, cocaHa, logSurvivalAt, eradicationBelief, costClass } = state.growers;
  let check = 0;
  for (let r = 0; r < world.regions.n; r++) {
    const st = streams[r];
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let c = st[3];
    const start = regionStart[r];
    const end = regionStart[r + 1];
    for (let i = start + ((first - (start % season) + season) % season); i < end; i += season) {
      const t = ALEA_MULTIPLIER * s0 + c * ALEA_2_POW_MINUS_32;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      const land = landHa[i];
      const coca = cocaHa[i];
      const at = logSurvivalAt[i];
      const belief = eradicationBelief[i];
      const cost = costClass[i];
      check += land + cost + s2;
      eradicationBelief[i] = belief;
      cocaHa[i] = coca;
      logSurvivalAt[i] = at;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = c;
  }
  return check;
}

export function measureGrowerPhase(scenario: Scenario, repetitions: number, seasonsPerRepetition: number): GrowerPhaseFigures {
  const sim = createSimulation(scenario, scenario.seed);
  while (sim.tick < sim.world.burnInTicks) sim.step();
  const world = sim.world;
  const state = sim.state;
  const ctx = createGrowerContext(world);
  const season = seasonTicksOf(world);
  const n = state.growers.n;
  // Copies of the stream states for the floor, so it does not disturb the prepared state's streams.
  const floorStreams = state.streams.growers.map((s) => Float64Array.from(s.s));
  const calls = season * seasonsPerRepetition;
  const decisions = n * seasonsPerRepetition; // every grower once per season
  const phase: number[] = [];
  const floor: number[] = [];
  const ratio: number[] = [];
  let sink = 0;
  for (let rep = -2; rep < repetitions; rep++) {
    // The phase, on its own: the tick counter moves on so every class of growers decides in turn.
    // (Ticks on which the regional totals are re-summed are skipped: that yearly pass is not a decision.)
    const tickAtStart = state.tick;
    const a = time(() => {
      for (let k = 0; k < calls; k++) {
        if (state.tick % world.ticksPerYear === 0) state.tick += season;
        decideGrowers(world, state, ctx);
        state.tick++;
      }
    });
    const b = time(() => {
      for (let k = 0; k < calls; k++) sink += floorLoop(world, state, ctx.regionStart, season, (tickAtStart + k) % season, floorStreams);
    });
    if (rep < 0) continue; // warm-up
    phase.push((a.cpuMs * 1e6) / decisions);
    floor.push((b.cpuMs * 1e6) / decisions);
    ratio.push(a.cpuMs / b.cpuMs);
  }
  if (!Number.isFinite(sink)) throw new Error('bench: the floor loop produced a non-finite checksum');
  return {
    growers: n,
    seasonTicks: season,
    phaseNsPerDecision: spread(phase),
    floorNsPerDecision: spread(floor),
    decisionsPerSecondMillions: spread(phase.map((ns) => 1e3 / ns)),
    ratio: spread(ratio),
  };
}
