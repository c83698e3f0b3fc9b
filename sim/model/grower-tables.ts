/**
 * The two distributions of the grower decision, tabulated once per world so a
 * decision needs no logarithm or exponential of its own:
 *
 * - cost classes: a grower's individual production-cost multiplier is one of
 *   COST_CLASSES equally likely levels, the midpoint quantiles of a log-normal
 *   with log-sd `costHeterogeneity`, scaled so their mean is exactly 1. A
 *   grower stores its class (a byte); each tick a region computes the log
 *   outlay of each class once.
 * - taste shocks: the logistic taste shock of a choice is one of SHOCK_LEVELS
 *   equally likely levels, the midpoint quantiles of the standard logistic
 *   (a discretised logistic: its tails stop at about ±9). The table holds
 *   exp(−noise · ε) for each level, the shock's factor on the odds against coca.
 */
import { exp, log } from '../math/detmath';
import { normalQuantile } from '../math/normal-quantile';
import { meanOneLognormal } from './rng';

/** Levels of the cost multiplier (a grower's class fits a byte). */
export const COST_CLASSES = 64;
/** Levels of the taste shock. */
export const SHOCK_LEVELS = 4096;

/** Cost multiplier of each class: exp(h·z_k − h²/2) at the normal's midpoint quantiles z_k, normalised to mean 1. */
export function costClassFactors(costHeterogeneity: number): Float64Array {
  const h = costHeterogeneity;
  const factors = new Float64Array(COST_CLASSES);
  let sum = 0;
  for (let k = 0; k < COST_CLASSES; k++) {
    factors[k] = meanOneLognormal(h, normalQuantile((k + 0.5) / COST_CLASSES));
    sum += factors[k];
  }
  const mean = sum / COST_CLASSES;
  for (let k = 0; k < COST_CLASSES; k++) factors[k] /= mean;
  return factors;
}

/** exp(−noise · ε_k) at the standard logistic's midpoint quantiles ε_k = ln(p/(1−p)), p = (k + ½)/SHOCK_LEVELS. */
export function shockOddsFactors(choiceNoise: number): Float64Array {
  const factors = new Float64Array(SHOCK_LEVELS);
  for (let k = 0; k < SHOCK_LEVELS; k++) {
    const p = (k + 0.5) / SHOCK_LEVELS;
    factors[k] = exp(-choiceNoise * log(p / (1 - p)));
  }
  return factors;
}

/** The level of a uniform draw u in [0, 1): its bin among `levels` equal ones. */
export function levelOf(u: number, levels: number): number {
  return Math.min(levels - 1, Math.floor(u * levels));
}
