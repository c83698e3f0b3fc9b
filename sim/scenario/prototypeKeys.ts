/**
 * Keys that could reach an object's prototype if code ever copied a parsed file
 * with plain assignment. Scenario files have no use for them, so any object key
 * with one of these names is rejected (in every object, including records such
 * as `traffickers.homeShares`), before the schema sees the data.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const PROTOTYPE_KEY_EXPECTED = 'no prototype key ("__proto__", "constructor" and "prototype" are not allowed)';
