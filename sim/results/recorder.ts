/**
 * Records the measures of each tick into preallocated typed columns.
 * The model never writes results itself: the recorder reads the state after a tick.
 */
import type { World } from '../model/world';
import type { WorldState } from '../model/state';
import type { EntityInfo, MeasureInfo, Series } from './types';
import { COUNTRY_MEASURES, MARKET_MEASURES, POLICY_MEASURES, REGION_MEASURES, ROUTE_MEASURES, WORLD_MEASURES } from './measures';
import { retailPriceUsdPerGram } from '../model/markets';

export interface Recorder {
  series: Series;
  rowsPerTick: number;
  /** Entity index offsets by kind. */
  offsets: { world: number; country: number; region: number; route: number; market: number; policy: number };
  measureOffsets: { world: number; country: number; region: number; route: number; market: number; policy: number };
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
  const entities = entitiesOf(world);
  const measures: MeasureInfo[] = [...WORLD_MEASURES, ...COUNTRY_MEASURES, ...REGION_MEASURES, ...ROUTE_MEASURES, ...MARKET_MEASURES, ...POLICY_MEASURES];
  const rowsPerTick =
    WORLD_MEASURES.length +
    countries.n * COUNTRY_MEASURES.length +
    regions.n * REGION_MEASURES.length +
    routes.n * ROUTE_MEASURES.length +
    markets.n * MARKET_MEASURES.length +
    world.policies.length * POLICY_MEASURES.length;
  const size = rowsPerTick * world.horizonTicks;
  const offsets = {
    world: 0,
    country: 1,
    region: 1 + countries.n,
    route: 1 + countries.n + regions.n,
    market: 1 + countries.n + regions.n + routes.n,
    policy: 1 + countries.n + regions.n + routes.n + markets.n,
  };
  const measureOffsets = {
    world: 0,
    country: WORLD_MEASURES.length,
    region: WORLD_MEASURES.length + COUNTRY_MEASURES.length,
    route: WORLD_MEASURES.length + COUNTRY_MEASURES.length + REGION_MEASURES.length,
    market: WORLD_MEASURES.length + COUNTRY_MEASURES.length + REGION_MEASURES.length + ROUTE_MEASURES.length,
    policy: WORLD_MEASURES.length + COUNTRY_MEASURES.length + REGION_MEASURES.length + ROUTE_MEASURES.length + MARKET_MEASURES.length,
  };
  return {
    series: {
      length: 0,
      tick: new Int32Array(size),
      entity: new Uint16Array(size),
      measure: new Uint16Array(size),
      value: new Float64Array(size),
      entities,
      measures,
    },
    rowsPerTick,
    offsets,
    measureOffsets,
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

/** Write one row at index `i` of the columns; returns the next index. */
function put(s: Series, i: number, tick: number, entity: number, measure: number, value: number): number {
  s.tick[i] = tick;
  s.entity[i] = entity;
  s.measure[i] = measure;
  s.value[i] = value;
  return i + 1;
}

/** Append one tick's rows; `tick` is the horizon tick (0 = the scenario's start month). No allocation (the scratch is the recorder's). */
export function recordTick(rec: Recorder, world: World, state: WorldState, tick: number): void {
  const s = rec.series;
  let i = s.length;
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

  // In the order of WORLD_MEASURES.
  const wm = rec.measureOffsets.world;
  i = put(s, i, tick, 0, wm, worldCultivation);
  i = put(s, i, tick, 0, wm + 1, a.producedKg);
  i = put(s, i, tick, 0, wm + 2, a.consumedKg);
  i = put(s, i, tick, 0, wm + 3, a.seizedKg);
  i = put(s, i, tick, 0, wm + 4, a.lostKg);
  i = put(s, i, tick, 0, wm + 5, a.stocksKg);
  i = put(s, i, tick, 0, wm + 6, alive);
  i = put(s, i, tick, 0, wm + 7, a.revenueUsd);
  i = put(s, i, tick, 0, wm + 8, a.capitalUsd);
  i = put(s, i, tick, 0, wm + 9, a.confiscatedUsd);
  i = put(s, i, tick, 0, wm + 10, a.bribesUsd);
  i = put(s, i, tick, 0, wm + 11, a.spendUsd);
  i = put(s, i, tick, 0, wm + 12, violence);
  i = put(s, i, tick, 0, wm + 13, all > 0 ? top5 / all : 0);
  i = put(s, i, tick, 0, wm + 14, alive > 0 ? scale / alive : 0);

  const cm = rec.measureOffsets.country;
  for (let c = 0; c < countries.n; c++) {
    const e = rec.offsets.country + c;
    i = put(s, i, tick, e, cm, cultivation[c]);
    i = put(s, i, tick, e, cm + 1, production[c]);
    i = put(s, i, tick, e, cm + 2, eradicated[c]);
    i = put(s, i, tick, e, cm + 3, police.seizuresKg[c]);
    i = put(s, i, tick, e, cm + 4, police.capacityUsd[c]);
    i = put(s, i, tick, e, cm + 5, police.capability[c]);
    i = put(s, i, tick, e, cm + 6, police.corruption[c]);
    i = put(s, i, tick, e, cm + 7, police.bribesUsd[c]);
    i = put(s, i, tick, e, cm + 8, police.violence[c]);
    i = put(s, i, tick, e, cm + 9, police.arrests[c]);
    i = put(s, i, tick, e, cm + 10, police.confiscatedUsd[c]);
    i = put(s, i, tick, e, cm + 11, based[c]);
    i = put(s, i, tick, e, cm + 12, transit[c]);
    i = put(s, i, tick, e, cm + 13, state.countrySpendUsd[c]);
  }
  const rm = rec.measureOffsets.region;
  for (let r = 0; r < regions.n; r++) {
    const e = rec.offsets.region + r;
    i = put(s, i, tick, e, rm, rg.cocaHa[r]);
    i = put(s, i, tick, e, rm + 1, rg.harvestKg[r]);
    i = put(s, i, tick, e, rm + 2, rg.eradicatedHa[r]);
    i = put(s, i, tick, e, rm + 3, rg.farmgatePrice[r]);
  }
  const lm = rec.measureOffsets.route;
  for (let l = 0; l < routes.n; l++) {
    const e = rec.offsets.route + l;
    i = put(s, i, tick, e, lm, state.routes.flowKg[l]);
    i = put(s, i, tick, e, lm + 1, state.routes.seizedKg[l]);
    i = put(s, i, tick, e, lm + 2, state.routes.seizureProbability[l]);
  }
  const mm = rec.measureOffsets.market;
  for (let q = 0; q < markets.n; q++) {
    const e = rec.offsets.market + q;
    i = put(s, i, tick, e, mm, state.markets.consumedKg[q]);
    i = put(s, i, tick, e, mm + 1, state.markets.users[q]);
    i = put(s, i, tick, e, mm + 2, state.markets.wholesalePrice[q]);
    i = put(s, i, tick, e, mm + 3, retailPriceUsdPerGram(world, state, q));
  }
  const pm = rec.measureOffsets.policy;
  for (let p = 0; p < world.policies.length; p++) i = put(s, i, tick, rec.offsets.policy + p, pm, state.policySpendUsd[p]);
  s.length = i;
}
