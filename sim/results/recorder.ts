/**
 * Records the measures of each tick into preallocated typed columns.
 * The model never writes results itself: the recorder reads the state after a tick.
 * The rows of every tick have the same layout (the same entities and measures in the same order),
 * so the tick, entity and measure columns are filled for the whole horizon when the recorder is
 * made, and recording a tick writes its values only.
 */
import type { World } from '../model/world';
import type { WorldState } from '../model/state';
import type { EntityInfo, MeasureInfo, Series } from './types';
import { infoOf, MEASURE_DEFS, type MeasureDef, type TickSums, type TickView } from './measures';

export interface Recorder {
  series: Series;
  rowsPerTick: number;
  /** Entity kinds in the order of entitiesOf, each with its count and its measures. */
  blocks: [number, readonly MeasureDef[]][];
  sums: TickSums;
  /** Organisations' shipments this tick (grown to their capacity on first use). */
  shipped: Float64Array;
}

export function entitiesOf(world: World): EntityInfo[] {
  const { countries, regions, routes, markets } = world;
  return [
    { id: 'world', kind: 'world', label: 'World' },
    ...countries.id.map((id, c): EntityInfo => ({ id, kind: 'country', label: countries.name[c] })),
    ...regions.id.map((id, r): EntityInfo => ({ id, kind: 'region', label: regions.name[r], country: countries.id[regions.country[r]] })),
    ...routes.id.map(
      (id, l): EntityInfo => ({
        id,
        kind: 'route',
        label: `${countries.name[routes.from[l]]} → ${countries.name[routes.to[l]]} (${routes.mode[l]})`,
        country: countries.id[routes.from[l]],
        from: countries.id[routes.from[l]],
        to: countries.id[routes.to[l]],
        mode: routes.mode[l],
      }),
    ),
    ...Array.from(markets.country, (c): EntityInfo => ({ id: countries.id[c], kind: 'market', label: countries.name[c], country: countries.id[c] })),
    ...world.policies.map((p): EntityInfo => ({ id: p.label, kind: 'policy', label: p.label, country: p.country >= 0 ? countries.id[p.country] : undefined })),
  ];
}

export function createRecorder(world: World): Recorder {
  const { countries, regions, routes, markets } = world;
  const blocks: [number, readonly MeasureDef[]][] = [
    [1, MEASURE_DEFS.world],
    [countries.n, MEASURE_DEFS.country],
    [regions.n, MEASURE_DEFS.region],
    [routes.n, MEASURE_DEFS.route],
    [markets.n, MEASURE_DEFS.market],
    [world.policies.length, MEASURE_DEFS.policy],
  ];
  const measures = blocks.flatMap(([, kindMeasures]) => kindMeasures.map(infoOf));
  const rowsPerTick = blocks.reduce((rows, [count, kindMeasures]) => rows + count * kindMeasures.length, 0);
  const size = rowsPerTick * world.horizonTicks;
  const series: Series = {
    length: 0,
    tick: new Int32Array(size),
    entity: new Uint16Array(size),
    measure: new Uint16Array(size),
    value: new Float64Array(size),
    entities: entitiesOf(world),
    measures,
  };
  fillLayout(series, blocks, rowsPerTick, world.horizonTicks);
  const nC = countries.n;
  return {
    series,
    rowsPerTick,
    blocks,
    sums: {
      worldCultivationHa: 0,
      cultivationHa: new Float64Array(nC),
      productionKg: new Float64Array(nC),
      eradicatedHa: new Float64Array(nC),
      organisations: new Float64Array(nC),
      transitKg: new Float64Array(nC),
      aliveOrganisations: 0,
      meanScaleKg: 0,
      top5ShareOfFlow: 0,
      violence: 0,
    },
    shipped: new Float64Array(0),
  };
}

/**
 * The tick, entity and measure of every row of the horizon: one tick's layout (the world's measures,
 * then each country's, region's, route's, market's and policy's, in entity order), repeated.
 * `recordTick` writes the values in exactly this order.
 */
function fillLayout(s: Series, blocks: [number, readonly MeasureInfo[]][], rowsPerTick: number, ticks: number): void {
  const entity = s.entity.subarray(0, rowsPerTick);
  const measure = s.measure.subarray(0, rowsPerTick);
  let i = 0;
  let firstEntity = 0;
  let firstMeasure = 0;
  for (const [count, kindMeasures] of blocks) {
    for (let e = 0; e < count; e++) {
      for (let m = 0; m < kindMeasures.length; m++) {
        entity[i] = firstEntity + e;
        measure[i] = firstMeasure + m;
        i++;
      }
    }
    firstEntity += count;
    firstMeasure += kindMeasures.length;
  }
  for (let t = 0; t < ticks; t++) {
    const at = t * rowsPerTick;
    if (t > 0) {
      s.entity.set(entity, at);
      s.measure.set(measure, at);
    }
    s.tick.fill(t, at, at + rowsPerTick);
  }
}

/** The sums over agents that measures read (the recorder's own arrays, no allocation). */
function sumTick(rec: Recorder, world: World, state: WorldState): void {
  const { countries, regions, routes } = world;
  const sums = rec.sums;
  const { cultivationHa, productionKg, eradicatedHa, organisations, transitKg } = sums;
  const rg = state.regions;
  const orgs = state.traffickers;
  cultivationHa.fill(0);
  productionKg.fill(0);
  eradicatedHa.fill(0);
  organisations.fill(0);
  transitKg.fill(0);
  let worldCultivation = 0;
  for (let r = 0; r < regions.n; r++) {
    const c = regions.country[r];
    cultivationHa[c] += rg.cocaHa[r];
    productionKg[c] += rg.harvestKg[r];
    eradicatedHa[c] += rg.eradicatedHa[r];
    worldCultivation += rg.cocaHa[r];
  }
  for (let l = 0; l < routes.n; l++) transitKg[routes.to[l]] += state.routes.flowKg[l];
  if (rec.shipped.length < orgs.capacity) rec.shipped = new Float64Array(orgs.capacity);
  const shipped = rec.shipped;
  let alive = 0;
  let scale = 0;
  for (let k = 0; k < orgs.capacity; k++) {
    if (!orgs.alive[k]) continue;
    scale += orgs.scaleKg[k];
    organisations[orgs.home[k]] += 1;
    shipped[alive++] = orgs.activityKg[k * countries.n + orgs.home[k]];
  }
  // Largest first: sorted ascending, read from the end (the sum's order, hence its bits, is that of a descending sort).
  shipped.subarray(0, alive).sort();
  let top5 = 0;
  let all = 0;
  for (let j = 0; j < alive; j++) {
    const x = shipped[alive - 1 - j];
    if (j < 5) top5 += x;
    all += x;
  }
  let violence = 0;
  for (let c = 0; c < countries.n; c++) violence += state.violence.index[c];
  sums.worldCultivationHa = worldCultivation;
  sums.aliveOrganisations = alive;
  sums.meanScaleKg = alive > 0 ? scale / alive : 0;
  sums.top5ShareOfFlow = all > 0 ? top5 / all : 0;
  sums.violence = violence;
}

/** Append one tick's values; `tick` is the horizon tick (0 = the scenario's start month). */
export function recordTick(rec: Recorder, world: World, state: WorldState, tick: number): void {
  const s = rec.series;
  let i = s.length;
  if (i !== tick * rec.rowsPerTick) throw new Error(`recorder: tick ${tick} recorded out of order (${i / rec.rowsPerTick} ticks recorded)`);
  sumTick(rec, world, state);
  const view: TickView = { world, state, sums: rec.sums };
  const v = s.value;
  // Into the layout (fillLayout: each kind's entities in turn, each entity's measures in turn), read
  // measure by measure: one reader called for every entity in a row is an indirect call the CPU
  // predicts, where alternating readers were not (readers are pure, so the order of the calls is free).
  for (const [count, measures] of rec.blocks) {
    const nM = measures.length;
    for (let m = 0; m < nM; m++) {
      const measure = measures[m];
      for (let e = 0, at = i + m; e < count; e++, at += nM) v[at] = measure.read(view, e);
    }
    i += count * nM;
  }
  if (i !== s.length + rec.rowsPerTick) throw new Error(`recorder: wrote ${i - s.length} values for tick ${tick}, the layout has ${rec.rowsPerTick}`);
  s.length = i;
}
