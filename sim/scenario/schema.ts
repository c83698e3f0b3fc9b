/**
 * The scenario file format. One zod schema is the single source of truth:
 * it validates files, fills defaults, types the config, and is exported as the
 * published JSON Schema (`scenario.schema.json`, see scripts/write-schema.ts).
 *
 * Units are in the field names: Usd, UsdPerKg, UsdPerGram, Ha, KgPerHa, Km,
 * PerYear. Money is nominal US dollars per year unless the name says otherwise.
 */
import { z } from 'zod';
import { behaviourSchema } from './behaviour';
import { LIMITS } from '../validation/limits';
import { countryId, nonNegative, positive, share, yearMonth } from '../validation/fields';
import { policySchema } from '../levers/registry';

export { yearMonth, policySchema };

export const roleSchema = z.enum(['producer', 'transit', 'consumer']);

export const allocationSchema = z
  .strictObject({
    interdiction: share.default(0.5).describe('Share of enforcement effort spent on interdicting routes through the country'),
    investigation: share.default(0.3).describe('Share spent on investigating trafficking organisations (arrests, asset seizure)'),
    eradication: share.default(0.2).describe('Share spent on eradicating coca (only where the country has producer regions)'),
  })
  .describe('How the police agency splits its enforcement effort; normalised to sum to 1');

export const policeSchema = z.strictObject({
  budgetUsdPerYear: nonNegative.describe('Domestic drug-enforcement budget, USD per year'),
  preventionUsdPerYear: nonNegative.default(0).describe('Domestic demand-reduction (prevention) budget, USD per year'),
  capability: share
    .optional()
    .describe('Initial professional capability in [0,1] (training, equipment, integrity). Default: derived from governance'),
  allocation: allocationSchema.default({ interdiction: 0.5, investigation: 0.3, eradication: 0.2 }),
  adaptive: z.boolean().default(false).describe('If true the agency shifts effort towards the activities where it sees results'),
});

export const countrySchema = z.strictObject({
  id: countryId,
  name: z.string().min(1).max(80),
  isoNumeric: z.number().int().min(0).max(999).optional().describe('ISO 3166-1 numeric code, used to draw the country on the map'),
  roles: z.array(roleSchema).min(1).max(3),
  populationMillions: positive.max(2000),
  gdpPerCapitaUsd: positive.max(500000),
  governance: share.describe('Rule of law in [0,1]: 1 = strong institutions'),
  corruption: share.describe('Corruption in [0,1]: 1 = officials routinely take bribes'),
  licitIncomeUsdPerHa: nonNegative.default(1000).describe('Net income of licit crops per hectare and year in producer regions'),
  police: policeSchema,
});

export const regionSchema = z.strictObject({
  id: z.string().min(1).max(60),
  name: z.string().min(1).max(80),
  country: countryId,
  cultivableHa: positive.max(1e8).describe('Land that growers in the region own and could plant, hectares'),
  initialCocaHa: nonNegative.describe('Coca under cultivation at the start, hectares'),
  yieldKgPerHa: positive.max(100).describe('Cocaine-equivalent yield, kg per hectare per year'),
  productionCostUsdPerKg: nonNegative.describe('Growing and processing cost, USD per kg of cocaine equivalent'),
  remoteness: share.describe('0 = near roads and towns, 1 = deep jungle: lowers licit income and eradication reach'),
  growers: z.number().int().min(1).max(LIMITS.growersPerRegion).describe('Number of grower households (agents)'),
});

export const routeModeSchema = z.enum(['sea', 'air', 'land']);

export const routeSchema = z.strictObject({
  id: z.string().min(1).max(60).optional().describe('Default: FROM-TO-mode'),
  from: countryId,
  to: countryId,
  mode: routeModeSchema,
  distanceKm: positive.max(40000),
  transitCostUsdPerKg: nonNegative.describe('Transport cost per kg along this leg'),
  capacityTonnesPerYear: positive.describe('Volume the route can carry before it congests'),
  baseSeizureProbability: z.number().min(0).max(0.95).describe('Probability a load is seized on this leg with no extra enforcement'),
});

export const exchangeRateSchema = z
  .strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter upper-case currency code such as "EUR"').describe('ISO 4217 code of the currency consumers pay in, e.g. "EUR"'),
    firstYear: z.number().int().min(1900).max(2300).describe('Calendar year of the first value'),
    usdPerUnit: z
      .array(positive.max(1e6))
      .min(1)
      .max(LIMITS.years + 1)
      .describe('US dollars per unit of the currency, yearly averages from firstYear on; years before or after the list take its first or last value'),
  })
  .describe(
    "The market's currency against the US dollar. Consumers respond to the price in their own currency, organisations to the price in dollars: a stronger currency makes the market pay more dollars for the same demand. Omitted: the market pays in dollars.",
  );

export const marketSchema = z.strictObject({
  country: countryId,
  users: nonNegative.describe('Past-year users of cocaine at the start'),
  gramsPerUserPerYear: positive.max(2000).describe('Pure-equivalent grams consumed per user and year at the reference price'),
  elasticity: z.number().min(-3).max(0).describe('Price elasticity of demand (about -0.5 to -1)'),
  wholesalePriceUsdPerKg: positive.describe('Wholesale price per kg at the start; also the reference price for demand'),
  retailMarkup: z.number().min(1).max(20).default(3).describe('Retail price per pure gram divided by wholesale price per gram'),
  quitRatePerYear: share.default(0.15).describe('Share of users who stop each year at the start (light users stop faster than heavy users: behaviour.markets.heavyQuitRatio)'),
  heavyUserShare: z.number().min(0).max(0.95).default(0.25).describe('Share of the users who are heavy users (weekly or more often) at the start; they consume behaviour.markets.heavyConsumptionRatio times what light users do'),
  exchangeRate: exchangeRateSchema.optional(),
});

export const traffickersSchema = z.strictObject({
  count: z.number().int().min(1).max(LIMITS.traffickers).describe('Trafficking organisations at the start'),
  maxCount: z.number().int().min(1).max(LIMITS.traffickers * 4).optional().describe('Most organisations alive at once (default 4 x count)'),
  homeShares: z.record(countryId, nonNegative).describe('Relative share of organisations based in each country'),
  initialCapitalUsd: positive.describe('Mean starting capital of an organisation, USD'),
  knownRouteShare: share.default(0.5).describe('Share of the routes near its home that an organisation knows at the start'),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).max(120),
  description: z.string().max(5000).default(''),
  sources: z.array(z.string().max(500)).max(100).default([]),
  start: yearMonth,
  end: yearMonth,
  ticksPerYear: z.number().int().min(1).max(52).default(12),
  burnInYears: z
    .number()
    .int()
    .min(0)
    .max(50)
    .default(3)
    .describe('Years simulated before `start` without levers and without recording, so the agents settle from the initial data'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  countries: z.array(countrySchema).min(2).max(LIMITS.countries),
  regions: z.array(regionSchema).min(1).max(LIMITS.regions),
  routes: z.array(routeSchema).min(1).max(LIMITS.routes),
  markets: z.array(marketSchema).min(1).max(LIMITS.countries),
  traffickers: traffickersSchema,
  policies: z.array(policySchema).max(LIMITS.policies).default([]),
  behaviour: behaviourSchema.default(behaviourSchema.parse({})),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type Country = z.output<typeof countrySchema>;
export type Region = z.output<typeof regionSchema>;
export type Route = z.output<typeof routeSchema>;
export type Market = z.output<typeof marketSchema>;
export type Policy = z.output<typeof policySchema>;
export type { LeverKind } from '../levers/registry';
export { LEVER_KINDS } from '../levers/registry';
