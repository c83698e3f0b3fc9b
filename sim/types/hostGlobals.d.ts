/**
 * The one host global the core uses, which every host has (Node 17+, browsers and
 * their workers): the core compiles without DOM or Node types (tsconfig.core.json),
 * so a use of any other host API is a compile error.
 */
declare function structuredClone<T>(value: T): T;
