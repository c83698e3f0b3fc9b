/**
 * A running simulation that can be stepped, snapshotted and resumed: the
 * object behind `runScenario`, the workshop's live re-runs and resumable runs.
 */
import type { Scenario } from './scenario/schema';
import { buildWorld, type World } from './model/world';
import type { WorldState } from './model/state';
import { createState } from './model/init';
import { createScratch, step, type Scratch } from './model/step';
import { restoreStream, type RandomState } from './model/rng';
import { createRecorder, recordTick, type Recorder } from './results/recorder';
import { summarise } from './results/summary';
import { Hasher } from './results/hash';
import type { RunResult, Series } from './results/types';

export interface Simulation {
  readonly world: World;
  readonly state: WorldState;
  readonly seed: number;
  /** Ticks done, burn-in included. */
  readonly tick: number;
  readonly totalTicks: number;
  step(): void;
  /**
   * The state now, as plain data to resume from. `reuse`, a snapshot of the same world the caller
   * no longer needs, is overwritten and returned instead of allocating a new one (allocating
   * megabytes of typed arrays a simulated year is slow in Chromium).
   */
  snapshot(reuse?: Snapshot): Snapshot;
  /** The rows recorded so far, as views on the recorder's columns (valid until the next step). */
  recordedSeries(): Snapshot['series'];
  result(): RunResult;
}

/** Plain data (structured-clone-able, JSON-able with typed arrays converted by the host). */
export interface Snapshot {
  version: 1;
  seed: number;
  state: Omit<WorldState, 'streams' | 'traffickers'> & { traffickers: Omit<WorldState['traffickers'], 'rng'> };
  streams: { growers: RandomState[]; police: RandomState; entry: RandomState; traffickers: (RandomState | null)[] };
  /** The rows recorded up to the snapshot: views of the recorder's append-only columns, not copies. */
  series: { length: number; tick: Int32Array; entity: Uint16Array; measure: Uint16Array; value: Float64Array };
}

class Run implements Simulation {
  readonly world: World;
  state: WorldState;
  readonly seed: number;
  private scratch: Scratch;
  private recorder: Recorder;

  constructor(scenario: Scenario, seed: number, state?: WorldState, world: World = buildWorld(scenario)) {
    this.world = world;
    this.seed = seed >>> 0;
    this.state = state ?? createState(this.world, this.seed);
    this.scratch = createScratch(this.world, this.state);
    this.recorder = createRecorder(this.world);
  }

  get tick(): number {
    return this.state.tick;
  }

  get totalTicks(): number {
    return this.world.totalTicks;
  }

  step(): void {
    if (this.state.tick >= this.world.totalTicks) return;
    step(this.world, this.state, this.scratch, this.seed);
    const horizonTick = this.state.tick - 1 - this.world.burnInTicks;
    if (horizonTick >= 0) recordTick(this.recorder, this.world, this.state, horizonTick);
  }

  snapshot(reuse?: Snapshot): Snapshot {
    const { streams, traffickers, ...rest } = this.state;
    const { rng, ...toRest } = traffickers;
    // The state is copied by hand: typed arrays by memcpy (structuredClone of the same data is an
    // order of magnitude slower in Chromium, where the workshop snapshots every simulated year).
    const copied = copyOf({
      version: 1 as const,
      seed: this.seed,
      state: { ...rest, traffickers: toRest },
      streams: {
        growers: streams.growers.map((g) => g.state()),
        police: streams.police.state(),
        entry: streams.entry.state(),
        traffickers: rng.map((r) => (r ? r.state() : null)),
      },
    }, reuse);
    // The rows recorded so far are not copied: the recorder only ever appends, so rows [0, length)
    // of its columns never change once written (a resumed run copies them into its own columns).
    // That was 40% of a snapshot's bytes, copied twice, at every simulated year of a workshop re-run.
    return { ...copied, series: this.recordedSeries() };
  }

  recordedSeries(): Snapshot['series'] {
    const s = this.recorder.series;
    const n = s.length;
    return { length: n, tick: s.tick.subarray(0, n), entity: s.entity.subarray(0, n), measure: s.measure.subarray(0, n), value: s.value.subarray(0, n) };
  }

  restoreSeries(saved: Snapshot['series']): void {
    // (The tick, entity and measure columns already hold the world's layout: see recorder.ts.)
    const s = this.recorder.series;
    s.value.set(saved.value.subarray(0, saved.length));
    s.length = saved.length;
  }

  result(): RunResult {
    const w = this.world;
    const s = this.recorder.series;
    // A finished run's columns are full and nothing writes them again: the result takes them as
    // they are (copying them was a third of a long run's recording cost). A run stopped part-way
    // gets copies of its rows, so that stepping it further cannot change the result.
    const full = s.length === s.value.length;
    const series: Series = {
      length: s.length,
      tick: full ? s.tick : s.tick.slice(0, s.length),
      entity: full ? s.entity : s.entity.slice(0, s.length),
      measure: full ? s.measure : s.measure.slice(0, s.length),
      value: full ? s.value : s.value.slice(0, s.length),
      entities: s.entities,
      measures: s.measures,
    };
    const northern = new Set<string>();
    for (let c = 0; c < w.countries.n; c++) if (w.countries.isConsumer[c] && !w.countries.isProducer[c] && w.marketOfCountry[c] >= 0) northern.add(w.countries.id[c]);
    const recordedTicks = Math.max(0, Math.min(w.horizonTicks, this.state.tick - w.burnInTicks));
    const summary = summarise(series, recordedTicks, w.ticksPerYear, northern);
    const hasher = new Hasher().bytes(series.tick).bytes(series.entity).bytes(series.measure).bytes(series.value);
    for (const e of series.entities) hasher.string(`${e.kind}:${e.id}`);
    for (const m of series.measures) hasher.string(`${m.kind}:${m.id}`);
    for (const key of Object.keys(summary).sort()) hasher.string(key).number(summary[key]);
    return {
      scenario: w.scenario.name,
      seed: this.seed,
      ticks: recordedTicks,
      ticksPerYear: w.ticksPerYear,
      start: w.scenario.start,
      series,
      summary,
      hash: hasher.digest(),
    };
  }
}

export function createSimulation(scenario: Scenario, seed: number = scenario.seed): Simulation {
  return new Run(scenario, seed);
}

export function resumeSimulation(scenario: Scenario, snapshot: Snapshot): Simulation {
  const world = buildWorld(scenario);
  // A fresh state of the world, filled with the snapshot's values: the objects keep the
  // shapes the model's hot loops were compiled for (objects rebuilt by structuredClone
  // have other hidden classes, and engines run resumed worlds several times slower on them).
  const state = createState(world, snapshot.seed >>> 0);
  copyInto(state as unknown as Plain, snapshot.state as unknown as Plain, 'state', SKIP);
  state.traffickers.rng = snapshot.streams.traffickers.map((s) => (s ? restoreStream(structuredClone(s)) : null));
  state.streams = {
    growers: snapshot.streams.growers.map((s) => restoreStream(structuredClone(s))),
    police: restoreStream(structuredClone(snapshot.streams.police)),
    entry: restoreStream(structuredClone(snapshot.streams.entry)),
  };
  const run = new Run(scenario, snapshot.seed, state, world);
  run.restoreSeries(snapshot.series);
  return run;
}

/**
 * Copy `source`'s values into `target`, which has the same structure: typed arrays by
 * value (into the target's own arrays), plain objects member by member, everything
 * else (numbers, booleans, arrays of plain values) as a copy. A key on one side only
 * means the snapshot is of another model version: an error, not a silent default.
 */
type Plain = Record<string, unknown>;

/** A deep copy of plain data (typed arrays, arrays, plain objects, primitives); typed arrays go into `into`'s matching arrays (same type and length) where it has them. */
function copyOf<T>(value: T, into?: unknown): T {
  if (ArrayBuffer.isView(value)) {
    const source = value as unknown as Float64Array;
    if (ArrayBuffer.isView(into) && into.constructor === source.constructor && (into as Float64Array).length === source.length) {
      (into as Float64Array).set(source);
      return into as T;
    }
    return source.slice() as unknown as T;
  }
  if (Array.isArray(value)) return value.map((v, i) => copyOf(v, Array.isArray(into) ? into[i] : undefined)) as unknown as T;
  if (value !== null && typeof value === 'object') {
    const out: Plain = {};
    const old = into !== null && typeof into === 'object' && !ArrayBuffer.isView(into) ? (into as Plain) : undefined;
    for (const key of Object.keys(value)) out[key] = copyOf((value as Plain)[key], old?.[key]);
    return out as T;
  }
  return value;
}
/** Parts of the state a snapshot keeps elsewhere (random streams, restored separately). */
const SKIP = new Set(['state.streams', 'state.traffickers.rng']);

function copyInto(target: Plain, source: Plain, path: string, skip: ReadonlySet<string>): void {
  for (const key of Object.keys(source)) if (!(key in target)) throw new Error(`snapshot has ${path}.${key}, which this model does not know`);
  for (const key of Object.keys(target)) {
    if (skip.has(`${path}.${key}`)) continue;
    if (!(key in source)) throw new Error(`snapshot lacks ${path}.${key}`);
    const t = target[key];
    const s = source[key];
    if (ArrayBuffer.isView(t) && ArrayBuffer.isView(s) && (t as Float64Array).length === (s as Float64Array).length) (t as Float64Array).set(s as Float64Array);
    else if (ArrayBuffer.isView(s)) target[key] = (s as Float64Array).slice();
    else if (t !== null && s !== null && typeof t === 'object' && typeof s === 'object' && !Array.isArray(t)) copyInto(t as Plain, s as Plain, `${path}.${key}`, skip);
    else target[key] = structuredClone(s);
  }
}
