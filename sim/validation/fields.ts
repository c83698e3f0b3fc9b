/**
 * The field types that scenario parts share (the scenario schema and the lever modules):
 * shares, amounts, country codes and months, each with the message a wrong value gets.
 */
import { z } from 'zod';

export const share = z.number().min(0).max(1);
export const nonNegative = z.number().min(0).finite();
export const positive = z.number().gt(0).finite();
/** ISO 3166-1 alpha-3 code (upper case), e.g. "COL". */
export const countryId = z.string().regex(/^[A-Z]{3}$/, 'a three-letter upper-case country code such as "COL"');
/** Year-month, e.g. "2000-01". */
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a year-month such as "2000-01"');
