/**
 * What a worker needs to evaluate one candidate on one seed, resolved by the host
 * from the targets file: the scenarios as written (with each fitted parameter's
 * path resolved in each), and the targets with everything looked up (observed
 * figures by year, the policy index to switch off). Plain data: it is sent to
 * worker threads and (through the sweep engine's init message) to Redis workers.
 */
import type { PathSegment } from '../validation/errors';
import type { EntityKind } from '../results/types';
import type { LeverKind } from '../scenario/schema';

export interface SpecScenario {
  /** As shown to people (file path or bundled name). */
  label: string;
  /** The scenario file's JSON, before defaults. */
  input: unknown;
  /** segments[d]: where parameter d goes in this scenario. */
  segments: PathSegment[][];
}

interface TargetBase {
  /** Name in the outputs. */
  id: string;
  /** Index into CalibrationSpec.scenarios. */
  scenario: number;
  weight: number;
}

export interface SpecSeries extends TargetBase {
  type: 'series';
  measure: string;
  kind: Exclude<EntityKind, 'policy'>;
  entity: string;
  unit: string;
  loss: 'msle' | 'relative';
  /** Loss of the mean over seeds, or mean of each seed's loss. */
  seeds: 'mean' | 'each';
  /** Years compared (those with an observed figure), ascending, and the figures. */
  years: number[];
  observed: number[];
  /** The observed file as shown to people. */
  source: string;
}

export interface SpecEffect extends TargetBase {
  type: 'effect';
  /** Switch off every policy of this lever, or the policy at this index. */
  switchOff: { lever: LeverKind } | { policy: number };
  /** What was switched off, in words. */
  intervention: string;
  statistic: 'displacementIndex' | 'costPerKg' | 'relativeChange' | 'changePerChange';
  per: 'consumption' | 'production';
  measure?: string;
  /** changePerChange: the measure whose change divides. */
  perMeasure?: string;
  kind?: Exclude<EntityKind, 'policy'>;
  entity?: string;
  band: [number | null, number | null];
}

export interface SpecFact extends TargetBase {
  type: 'fact';
  fact: string;
  statement: string;
  expectation: string;
}

export type SpecTarget = SpecSeries | SpecEffect | SpecFact;

export interface CalibrationSpec {
  scenarios: SpecScenario[];
  targets: SpecTarget[];
  /** Replicate r runs on seed firstSeed + r (every candidate on the same seeds). */
  firstSeed: number;
}

/** The seed of replicate r. */
export function replicateSeed(spec: Pick<CalibrationSpec, 'firstSeed'>, replicate: number): number {
  return (spec.firstSeed + replicate) >>> 0;
}

/** Summary keys a run reports for target i. */
export const statKey = {
  year: (i: number, year: number) => `t${i}.${year}`,
  num: (i: number) => `t${i}.num`,
  den: (i: number) => `t${i}.den`,
};

/**
 * A calibration stage runs on the sweep engine with this as the "base scenario" the
 * workers receive: node/pool/execute.ts then evaluates candidates instead of
 * running a scenario with the values set.
 */
export interface CalibrationBase {
  balloonCalibration: CalibrationSpec;
}

export function calibrationOf(baseInput: unknown): CalibrationSpec | undefined {
  if (typeof baseInput !== 'object' || baseInput === null || !('balloonCalibration' in baseInput)) return undefined;
  return (baseInput as CalibrationBase).balloonCalibration;
}
