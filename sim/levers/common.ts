/** Fields and checks that several lever kinds share. */
import { z } from 'zod';
import { nonNegative, yearMonth } from '../validation/fields';
import type { CheckTools, LeverTargets } from './types';

/** Every lever's schedule and label. */
export const leverBase = {
  start: yearMonth.describe('First month the lever is active'),
  end: yearMonth.optional().describe('Last month the lever is active (default: to the horizon)'),
  label: z.string().max(120).optional(),
};

export const budget = nonNegative.describe('Money spent on the lever, USD per year');

/** The policy's country exists. */
export function checkCountryOf(p: { country: string }, tools: CheckTools): void {
  tools.country(['country'], p.country);
}

/** The policy's country exists and has a consumer market. */
export function checkMarketCountry(p: { country: string }, tools: CheckTools): void {
  if (tools.country(['country'], p.country) && !tools.marketCountries.has(p.country)) {
    tools.add(['country'], 'a country with a consumer market (listed in markets)', JSON.stringify(p.country));
  }
}

/** The policy's country exists and its region (if any) is one of its own (or, without one, it has regions). */
export function checkRegionOfCountry(p: { country: string; region?: string }, tools: CheckTools): void {
  if (tools.country(['country'], p.country)) tools.regionOf(p.region, p.country);
}

export const countryTarget = (p: { country: string }): LeverTargets => ({ country: p.country });

export const noDisplacement = (): null => null;
