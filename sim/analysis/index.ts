/** Derived measures over paired runs: counterfactuals, displacement, cost-effectiveness, comparisons. */
export * from './counterfactual';
export * from './paired';
export * from './displacement';
export * from './effect';
export * from './compare';
export * from './stats';
export * from './extract';
export { tickOf } from './time';
