/** The public surface of the simulation core (host-free). */
export * from './scenario/schema';
export type { Behaviour } from './scenario/behaviour';
export { LIMITS } from './scenario/limits';
export * from './results/types';
export { toRows, pickSeries, annualise, tickDate } from './results/rows';
export { ALL_MEASURES } from './results/measures';
export { runScenario, RunCancelledError, type RunOptions } from './run';
export { createSimulation, resumeSimulation, type Simulation, type Snapshot } from './simulation';
export { checkInvariants, type InvariantViolation } from './model/invariants';
export { parseScenario, parseScenarioText, loadScenario, ScenarioValidationError, formatErrors } from './scenario/validate';
export type { ParseResult, ScenarioError } from './scenario/validate';
