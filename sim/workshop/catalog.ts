/**
 * The levers of docs/specification.md §4 as workshop controls: what each one is called, what it
 * targets and how its money is set. Only words and ranges; no model logic.
 */
import type { LeverKind } from '../scenario/schema';

export type TargetKind = 'donorRecipient' | 'country' | 'countryRegion' | 'countryRoute' | 'partners';
/** Which countries a lever can target. */
export type CountryFilter = 'any' | 'producer' | 'consumer';

export interface LeverSpec {
  kind: LeverKind;
  name: string;
  /** One line on what the money does. */
  blurb: string;
  target: TargetKind;
  countries: CountryFilter;
  /** 'budget' = USD per year; 'share' = prevention share of the country's drug budget. */
  amount: 'budget' | 'share';
  /** Largest yearly budget the slider offers (before the remaining budget caps it), USD. */
  maxUsdPerYear: number;
  /** Slider step, USD per year. */
  stepUsdPerYear: number;
}

const M = 1e6;

export const LEVERS: LeverSpec[] = [
  { kind: 'capacityFunding', name: 'Capacity funding', blurb: 'A donor trains and equips a recipient police; capability grows with a lag, limited by governance.', target: 'donorRecipient', countries: 'any', amount: 'budget', maxUsdPerYear: 1000 * M, stepUsdPerYear: 10 * M },
  { kind: 'policeBudget', name: 'Police budget', blurb: 'A government adds to its own police budget: more field effort at once, no training lag.', target: 'country', countries: 'any', amount: 'budget', maxUsdPerYear: 1000 * M, stepUsdPerYear: 10 * M },
  { kind: 'eradication', name: 'Eradication', blurb: 'Spraying and manual eradication of coca fields in a producer country or one region.', target: 'countryRegion', countries: 'producer', amount: 'budget', maxUsdPerYear: 500 * M, stepUsdPerYear: 5 * M },
  { kind: 'interdiction', name: 'Interdiction', blurb: 'Seizing loads on the routes through a country, or on one route.', target: 'countryRoute', countries: 'any', amount: 'budget', maxUsdPerYear: 500 * M, stepUsdPerYear: 5 * M },
  { kind: 'alternativeDevelopment', name: 'Alternative development', blurb: 'Raises the licit income of growers, with a lag.', target: 'countryRegion', countries: 'producer', amount: 'budget', maxUsdPerYear: 300 * M, stepUsdPerYear: 5 * M },
  { kind: 'intelligenceSharing', name: 'Intelligence sharing', blurb: 'Partners share intelligence: interdiction between members gains as trust grows.', target: 'partners', countries: 'any', amount: 'budget', maxUsdPerYear: 200 * M, stepUsdPerYear: 2 * M },
  { kind: 'assetSeizure', name: 'Asset seizure', blurb: 'Financial investigation that confiscates organisations\u2019 capital.', target: 'country', countries: 'any', amount: 'budget', maxUsdPerYear: 500 * M, stepUsdPerYear: 5 * M },
  { kind: 'highValueTargeting', name: 'High-value targeting', blurb: 'Arrests of organisation leaders: organisations fragment.', target: 'country', countries: 'any', amount: 'budget', maxUsdPerYear: 500 * M, stepUsdPerYear: 5 * M },
  { kind: 'enforcementVsPrevention', name: 'Enforcement vs prevention', blurb: 'Moves a country\u2019s own drug budget between enforcement and prevention; it costs the money it moves.', target: 'country', countries: 'consumer', amount: 'share', maxUsdPerYear: 0, stepUsdPerYear: 0 },
  { kind: 'prevention', name: 'Prevention', blurb: 'Extra demand reduction in a consumer country: fewer new users, with a lag.', target: 'country', countries: 'consumer', amount: 'budget', maxUsdPerYear: 1000 * M, stepUsdPerYear: 10 * M },
  { kind: 'treatment', name: 'Treatment', blurb: 'Treatment in a consumer country: more users quit.', target: 'country', countries: 'consumer', amount: 'budget', maxUsdPerYear: 1000 * M, stepUsdPerYear: 10 * M },
  { kind: 'precursorControl', name: 'Precursor control', blurb: 'Control of precursor chemicals in a producer country: its production cost per kg rises while funded.', target: 'country', countries: 'producer', amount: 'budget', maxUsdPerYear: 500 * M, stepUsdPerYear: 5 * M },
];

export function leverSpec(kind: LeverKind): LeverSpec {
  const spec = LEVERS.find((l) => l.kind === kind);
  if (!spec) throw new RangeError(`lever: expected one of ${LEVERS.map((l) => l.kind).join(', ')}, got "${kind}"`);
  return spec;
}
