/** Derived measures over paired runs: counterfactuals, displacement, cost-effectiveness, comparisons. */
export * from './counterfactual';
export * from './paired';
export * from './displacement';
export * from './effect';
export * from './compare';
export * from './stats';
export * from './extract';
export * from './annual';
export { tickOf } from './time';
export * from './facts';
export * from './geography';
