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
import { COUNTRY_MEASURES, MARKET_MEASURES, POLICY_MEASURES, REGION_MEASURES, ROUTE_MEASURES, WORLD_MEASURES } from './measures';
import { retailPriceUsdPerGram } from '../model/markets';

export interface Recorder {
  series: Series;
  rowsPerTick: number;
  scratch: { cultivation: Float64Array; production: Float64Array; eradicated: Float64Array; based: Float64Array; transit: Float64Array; shipped: Float64Array };
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
  // Entity kinds in the order of entitiesOf, each with its count and its measures.
  const blocks: [number, MeasureInfo[]][] = [
    [1, WORLD_MEASURES],
    [countries.n, COUNTRY_MEASURES],
    [regions.n, REGION_MEASURES],
    [routes.n, ROUTE_MEASURES],
    [markets.n, MARKET_MEASURES],
    [world.policies.length, POLICY_MEASURES],
  ];
  const measures = blocks.flatMap(([, kindMeasures]) => kindMeasures);
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
  return {
    series,
    rowsPerTick,
    scratch: {
      cultivation: new Float64Array(countries.n),
      production: new Float64Array(countries.n),
      eradicated: new Float64Array(countries.n),
      based: new Float64Array(countries.n),
      transit: new Float64Array(countries.n),
      shipped: new Float64Array(0), // grown to the organisations' capacity on first use
    },
  };
}

/**
 * The tick, entity and measure of every row of the horizon: one tick's layout (the world's measures,
 * then each country's, region's, route's, market's and policy's, in entity order), repeated.
 * `recordTick` writes the values in exactly this order.
 */
function fillLayout(s: Series, blocks: [number, MeasureInfo[]][], rowsPerTick: number, ticks: number): void {
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

/** Append one tick's values; `tick` is the horizon tick (0 = the scenario's start month). No allocation (the scratch is the recorder's). */
export function recordTick(rec: Recorder, world: World, state: WorldState, tick: number): void {
  const s = rec.series;
  let i = s.length;
  if (i !== tick * rec.rowsPerTick) throw new Error(`recorder: tick ${tick} recorded out of order (${i / rec.rowsPerTick} ticks recorded)`);
  const v = s.value;
  const { countries, regions, routes, markets } = world;
  const { cultivation, production, eradicated, based, transit } = rec.scratch;
  const rg = state.regions;
  const police = state.police;
  const to = state.traffickers;
  const a = state.accounts;
  cultivation.fill(0);
  production.fill(0);
  eradicated.fill(0);
  based.fill(0);
  transit.fill(0);
  let worldCultivation = 0;
  for (let r = 0; r < regions.n; r++) {
    const c = regions.country[r];
    cultivation[c] += rg.cocaHa[r];
    production[c] += rg.harvestKg[r];
    eradicated[c] += rg.eradicatedHa[r];
    worldCultivation += rg.cocaHa[r];
  }
  for (let l = 0; l < routes.n; l++) transit[routes.to[l]] += state.routes.flowKg[l];
  if (rec.scratch.shipped.length < to.capacity) rec.scratch.shipped = new Float64Array(to.capacity);
  const shipped = rec.scratch.shipped;
  let alive = 0;
  let scale = 0;
  for (let k = 0; k < to.capacity; k++) {
    if (!to.alive[k]) continue;
    scale += to.scaleKg[k];
    based[to.home[k]] += 1;
    shipped[alive++] = to.activityKg[k * countries.n + to.home[k]];
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
  for (let c = 0; c < countries.n; c++) violence += police.violence[c];

  // In the layout's order (fillLayout): WORLD_MEASURES, then each country's COUNTRY_MEASURES, and so on.
  v[i++] = worldCultivation;
  v[i++] = a.producedKg;
  v[i++] = a.consumedKg;
  v[i++] = a.seizedKg;
  v[i++] = a.lostKg;
  v[i++] = a.stocksKg;
  v[i++] = alive;
  v[i++] = a.revenueUsd;
  v[i++] = a.capitalUsd;
  v[i++] = a.confiscatedUsd;
  v[i++] = a.bribesUsd;
  v[i++] = a.spendUsd;
  v[i++] = violence;
  v[i++] = all > 0 ? top5 / all : 0;
  v[i++] = alive > 0 ? scale / alive : 0;

  for (let c = 0; c < countries.n; c++) {
    v[i++] = cultivation[c];
    v[i++] = production[c];
    v[i++] = eradicated[c];
    v[i++] = police.seizuresKg[c];
    v[i++] = police.capacityUsd[c];
    v[i++] = police.capability[c];
    v[i++] = police.corruption[c];
    v[i++] = police.bribesUsd[c];
    v[i++] = police.violence[c];
    v[i++] = police.arrests[c];
    v[i++] = police.confiscatedUsd[c];
    v[i++] = based[c];
    v[i++] = transit[c];
    v[i++] = state.countrySpendUsd[c];
  }
  for (let r = 0; r < regions.n; r++) {
    v[i++] = rg.cocaHa[r];
    v[i++] = rg.harvestKg[r];
    v[i++] = rg.eradicatedHa[r];
    v[i++] = rg.farmgatePrice[r];
  }
  for (let l = 0; l < routes.n; l++) {
    v[i++] = state.routes.flowKg[l];
    v[i++] = state.routes.seizedKg[l];
    v[i++] = state.routes.seizureProbability[l];
  }
  for (let q = 0; q < markets.n; q++) {
    v[i++] = state.markets.consumedKg[q];
    v[i++] = state.markets.users[q];
    v[i++] = state.markets.wholesalePrice[q];
    v[i++] = retailPriceUsdPerGram(world, state, q);
  }
  for (let p = 0; p < world.policies.length; p++) v[i++] = state.policySpendUsd[p];
  if (i !== s.length + rec.rowsPerTick) throw new Error(`recorder: wrote ${i - s.length} values for tick ${tick}, the layout has ${rec.rowsPerTick}`);
  s.length = i;
}
