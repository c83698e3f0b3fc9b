/**
 * The measures a run records, each declared once: its entity kind, id, unit, label,
 * aggregation and the function that reads its value from the state after a tick (as
 * Mesa's reporters do). The recorder writes exactly these, in this order; charts and
 * tables look them up by id, typed as MeasureId so a renamed measure fails to compile.
 */
import type { World } from '../model/world';
import type { WorldState } from '../model/state';
import type { EntityKind, MeasureInfo } from './types';
import { retailPriceUsdPerGram } from '../model/markets';

/** Sums over the tick's agents that several measures read, computed once per tick by the recorder. */
export interface TickSums {
  worldCultivationHa: number;
  /** Per country: coca area, harvest and eradication of its regions, organisations based there, flow entering it. */
  cultivationHa: Float64Array;
  productionKg: Float64Array;
  eradicatedHa: Float64Array;
  organisations: Float64Array;
  transitKg: Float64Array;
  aliveOrganisations: number;
  meanScaleKg: number;
  top5ShareOfFlow: number;
  violence: number;
}

/** What a measure reads: the world, the state after the tick and the tick's sums. */
export interface TickView {
  world: World;
  state: WorldState;
  sums: TickSums;
}

/** A measure with its reader: `read(view, e)` is the value of the e-th entity of its kind. */
export interface MeasureDef<K extends EntityKind = EntityKind, Id extends string = string> extends MeasureInfo {
  id: Id;
  kind: K;
  read: (view: TickView, e: number) => number;
}

function m<const K extends EntityKind, const Id extends string>(
  kind: K,
  id: Id,
  unit: string,
  label: string,
  aggregation: 'stock' | 'flow',
  read: (view: TickView, e: number) => number,
): MeasureDef<K, Id> {
  return { id, kind, unit, label, aggregation, read };
}

const WORLD_DEFS = [
  m('world', 'cultivationHa', 'ha', 'Coca cultivation', 'stock', (t) => t.sums.worldCultivationHa),
  m('world', 'producedKg', 'kg', 'Production', 'flow', (t) => t.state.accounts.producedKg),
  m('world', 'consumedKg', 'kg', 'Consumption', 'flow', (t) => t.state.accounts.consumedKg),
  m('world', 'seizedKg', 'kg', 'Seizures', 'flow', (t) => t.state.accounts.seizedKg),
  m('world', 'lostKg', 'kg', 'Losses', 'flow', (t) => t.state.accounts.lostKg),
  m('world', 'stocksKg', 'kg', 'Stocks held', 'stock', (t) => t.state.accounts.stocksKg),
  m('world', 'traffickerCount', 'organisations', 'Trafficking organisations', 'stock', (t) => t.sums.aliveOrganisations),
  m('world', 'traffickerRevenueUsd', 'USD', 'Trafficker revenue', 'flow', (t) => t.state.accounts.revenueUsd),
  m('world', 'traffickerCapitalUsd', 'USD', 'Trafficker capital', 'stock', (t) => t.state.accounts.capitalUsd),
  m('world', 'confiscatedUsd', 'USD', 'Assets confiscated', 'flow', (t) => t.state.accounts.confiscatedUsd),
  m('world', 'bribesUsd', 'USD', 'Bribes paid', 'flow', (t) => t.state.accounts.bribesUsd),
  m('world', 'spendUsd', 'USD', 'Policy spending', 'flow', (t) => t.state.accounts.spendUsd),
  m('world', 'violenceIndex', 'index', 'Violence (sum over countries)', 'stock', (t) => t.sums.violence),
  m('world', 'top5ShareOfFlow', 'share', 'Share of shipments by the 5 largest organisations', 'stock', (t) => t.sums.top5ShareOfFlow),
  m('world', 'meanTraffickerScaleKg', 'kg', 'Mean organisation capacity per tick', 'stock', (t) => t.sums.meanScaleKg),
];

const COUNTRY_DEFS = [
  m('country', 'cultivationHa', 'ha', 'Coca cultivation', 'stock', (t, c) => t.sums.cultivationHa[c]),
  m('country', 'productionKg', 'kg', 'Production', 'flow', (t, c) => t.sums.productionKg[c]),
  m('country', 'eradicatedHa', 'ha', 'Eradication', 'flow', (t, c) => t.sums.eradicatedHa[c]),
  m('country', 'seizuresKg', 'kg', 'Seizures', 'flow', (t, c) => t.state.police.seizuresKg[c]),
  m('country', 'policeCapacityUsd', 'USD/yr', 'Effective police capacity', 'stock', (t, c) => t.state.police.capacityUsd[c]),
  m('country', 'capability', 'share', 'Police capability', 'stock', (t, c) => t.state.police.capability[c]),
  m('country', 'corruption', 'share', 'Corruption', 'stock', (t, c) => t.state.police.corruption[c]),
  m('country', 'bribesUsd', 'USD', 'Bribes received', 'flow', (t, c) => t.state.police.bribesUsd[c]),
  m('country', 'violenceIndex', 'index', 'Violence', 'stock', (t, c) => t.state.violence.index[c]),
  m('country', 'arrests', 'arrests', 'Leader arrests', 'flow', (t, c) => t.state.police.arrests[c]),
  m('country', 'confiscatedUsd', 'USD', 'Assets confiscated', 'flow', (t, c) => t.state.police.confiscatedUsd[c]),
  m('country', 'traffickers', 'organisations', 'Organisations based here', 'stock', (t, c) => t.sums.organisations[c]),
  m('country', 'transitKg', 'kg', 'Drug entering by route', 'flow', (t, c) => t.sums.transitKg[c]),
  m('country', 'spendUsd', 'USD', 'Policy spending', 'flow', (t, c) => t.state.countrySpendUsd[c]),
];

const REGION_DEFS = [
  m('region', 'cultivationHa', 'ha', 'Coca cultivation', 'stock', (t, r) => t.state.regions.cocaHa[r]),
  m('region', 'productionKg', 'kg', 'Production', 'flow', (t, r) => t.state.regions.harvestKg[r]),
  m('region', 'eradicatedHa', 'ha', 'Eradication', 'flow', (t, r) => t.state.regions.eradicatedHa[r]),
  m('region', 'farmgatePriceUsdPerKg', 'USD/kg', 'Farmgate price', 'stock', (t, r) => t.state.regions.farmgatePrice[r]),
];

const ROUTE_DEFS = [
  m('route', 'flowKg', 'kg', 'Flow', 'flow', (t, l) => t.state.routes.flowKg[l]),
  m('route', 'seizuresKg', 'kg', 'Seizures', 'flow', (t, l) => t.state.routes.seizedKg[l]),
  m('route', 'seizureProbability', 'probability', 'Seizure probability per load', 'stock', (t, l) => t.state.routes.seizureProbability[l]),
];

const MARKET_DEFS = [
  m('market', 'consumptionKg', 'kg', 'Consumption', 'flow', (t, q) => t.state.markets.consumedKg[q]),
  m('market', 'users', 'people', 'Past-year users', 'stock', (t, q) => t.state.markets.users[q]),
  m('market', 'wholesalePriceUsdPerKg', 'USD/kg', 'Wholesale price', 'stock', (t, q) => t.state.markets.wholesalePrice[q]),
  m('market', 'retailPriceUsdPerGram', 'USD/g', 'Retail price', 'stock', (t, q) => retailPriceUsdPerGram(t.world, t.state, q)),
  m('market', 'lightUsers', 'people', 'Light users', 'stock', (t, q) => t.state.markets.lightUsers[q]),
  m('market', 'heavyUsers', 'people', 'Heavy users (in treatment included)', 'stock', (t, q) => t.state.markets.heavyUsers[q] + t.state.markets.treatedUsers[q]),
  m('market', 'treatedUsers', 'people', 'Heavy users in treatment', 'stock', (t, q) => t.state.markets.treatedUsers[q]),
  m('market', 'lightConsumptionKg', 'kg', 'Consumption by light users', 'flow', (t, q) => t.state.markets.consumedKg[q] - t.state.markets.heavyConsumedKg[q]),
  m('market', 'heavyConsumptionKg', 'kg', 'Consumption by heavy users', 'flow', (t, q) => t.state.markets.heavyConsumedKg[q]),
];

const POLICY_DEFS = [m('policy', 'spendUsd', 'USD', 'Spending', 'flow', (t, p) => t.state.policySpendUsd[p])];

/** Every measure with its reader, by entity kind, in the recorder's order (world, countries, regions, routes, markets, policies). */
export const MEASURE_DEFS = {
  world: WORLD_DEFS,
  country: COUNTRY_DEFS,
  region: REGION_DEFS,
  route: ROUTE_DEFS,
  market: MARKET_DEFS,
  policy: POLICY_DEFS,
} as const satisfies Record<EntityKind, readonly MeasureDef[]>;

type AnyDef = (typeof MEASURE_DEFS)[EntityKind][number];

/** The id of a measure that `kind` entities record (of any kind when omitted), e.g. "cultivationHa". */
export type MeasureId<K extends EntityKind = EntityKind> = Extract<AnyDef, { kind: K }>['id'];

/** A measure's description without its reader: plain data, as a run's series carries it. */
export const infoOf = ({ id, kind, unit, label, aggregation }: MeasureInfo): MeasureInfo => ({ id, kind, unit, label, aggregation });

export const WORLD_MEASURES: MeasureInfo[] = WORLD_DEFS.map(infoOf);
export const COUNTRY_MEASURES: MeasureInfo[] = COUNTRY_DEFS.map(infoOf);
export const REGION_MEASURES: MeasureInfo[] = REGION_DEFS.map(infoOf);
export const ROUTE_MEASURES: MeasureInfo[] = ROUTE_DEFS.map(infoOf);
export const MARKET_MEASURES: MeasureInfo[] = MARKET_DEFS.map(infoOf);
export const POLICY_MEASURES: MeasureInfo[] = POLICY_DEFS.map(infoOf);

export const ALL_MEASURES: MeasureInfo[] = [
  ...WORLD_MEASURES,
  ...COUNTRY_MEASURES,
  ...REGION_MEASURES,
  ...ROUTE_MEASURES,
  ...MARKET_MEASURES,
  ...POLICY_MEASURES,
];
