/**
 * The measures a run records, per kind of entity, with units and labels.
 * The recorder writes exactly these; charts and tables look them up by id.
 */
import type { EntityKind, MeasureInfo } from './types';

const m = (kind: EntityKind, id: string, unit: string, label: string, aggregation: 'stock' | 'flow'): MeasureInfo => ({
  id,
  kind,
  unit,
  label,
  aggregation,
});

export const WORLD_MEASURES: MeasureInfo[] = [
  m('world', 'cultivationHa', 'ha', 'Coca cultivation', 'stock'),
  m('world', 'producedKg', 'kg', 'Production', 'flow'),
  m('world', 'consumedKg', 'kg', 'Consumption', 'flow'),
  m('world', 'seizedKg', 'kg', 'Seizures', 'flow'),
  m('world', 'lostKg', 'kg', 'Losses', 'flow'),
  m('world', 'stocksKg', 'kg', 'Stocks held', 'stock'),
  m('world', 'traffickerCount', 'organisations', 'Trafficking organisations', 'stock'),
  m('world', 'traffickerRevenueUsd', 'USD', 'Trafficker revenue', 'flow'),
  m('world', 'traffickerCapitalUsd', 'USD', 'Trafficker capital', 'stock'),
  m('world', 'confiscatedUsd', 'USD', 'Assets confiscated', 'flow'),
  m('world', 'bribesUsd', 'USD', 'Bribes paid', 'flow'),
  m('world', 'spendUsd', 'USD', 'Policy spending', 'flow'),
  m('world', 'violenceIndex', 'index', 'Violence (sum over countries)', 'stock'),
  m('world', 'top5ShareOfFlow', 'share', 'Share of shipments by the 5 largest organisations', 'stock'),
  m('world', 'meanTraffickerScaleKg', 'kg', 'Mean organisation capacity per tick', 'stock'),
];

export const COUNTRY_MEASURES: MeasureInfo[] = [
  m('country', 'cultivationHa', 'ha', 'Coca cultivation', 'stock'),
  m('country', 'productionKg', 'kg', 'Production', 'flow'),
  m('country', 'eradicatedHa', 'ha', 'Eradication', 'flow'),
  m('country', 'seizuresKg', 'kg', 'Seizures', 'flow'),
  m('country', 'policeCapacityUsd', 'USD/yr', 'Effective police capacity', 'stock'),
  m('country', 'capability', 'share', 'Police capability', 'stock'),
  m('country', 'corruption', 'share', 'Corruption', 'stock'),
  m('country', 'bribesUsd', 'USD', 'Bribes received', 'flow'),
  m('country', 'violenceIndex', 'index', 'Violence', 'stock'),
  m('country', 'arrests', 'arrests', 'Leader arrests', 'flow'),
  m('country', 'confiscatedUsd', 'USD', 'Assets confiscated', 'flow'),
  m('country', 'traffickers', 'organisations', 'Organisations based here', 'stock'),
  m('country', 'transitKg', 'kg', 'Drug entering by route', 'flow'),
  m('country', 'spendUsd', 'USD', 'Policy spending', 'flow'),
];

export const REGION_MEASURES: MeasureInfo[] = [
  m('region', 'cultivationHa', 'ha', 'Coca cultivation', 'stock'),
  m('region', 'productionKg', 'kg', 'Production', 'flow'),
  m('region', 'eradicatedHa', 'ha', 'Eradication', 'flow'),
  m('region', 'farmgatePriceUsdPerKg', 'USD/kg', 'Farmgate price', 'stock'),
];

export const ROUTE_MEASURES: MeasureInfo[] = [
  m('route', 'flowKg', 'kg', 'Flow', 'flow'),
  m('route', 'seizuresKg', 'kg', 'Seizures', 'flow'),
  m('route', 'seizureProbability', 'probability', 'Seizure probability per load', 'stock'),
];

export const MARKET_MEASURES: MeasureInfo[] = [
  m('market', 'consumptionKg', 'kg', 'Consumption', 'flow'),
  m('market', 'users', 'people', 'Past-year users', 'stock'),
  m('market', 'wholesalePriceUsdPerKg', 'USD/kg', 'Wholesale price', 'stock'),
  m('market', 'retailPriceUsdPerGram', 'USD/g', 'Retail price', 'stock'),
];

export const POLICY_MEASURES: MeasureInfo[] = [m('policy', 'spendUsd', 'USD', 'Spending', 'flow')];

export const ALL_MEASURES: MeasureInfo[] = [
  ...WORLD_MEASURES,
  ...COUNTRY_MEASURES,
  ...REGION_MEASURES,
  ...ROUTE_MEASURES,
  ...MARKET_MEASURES,
  ...POLICY_MEASURES,
];
