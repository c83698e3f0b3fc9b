/**
 * What a new visitor sees first, which the build computes ahead (vite.config.ts):
 * the app's default scenario and seeds come from the page state's defaults (state/url.ts);
 * workshop mode runs this world at this seed.
 */
export const WORKSHOP_SCENARIO = 'baseline';
export const WORKSHOP_SEED = 1;
