/**
 * The sweep file format: a base scenario, the parameters to vary (by their path
 * in the scenario file), a design and the seeds per point. One zod schema
 * validates files, fills defaults and is published as `sweep.schema.json`
 * (scripts/write-sweep-schema.ts).
 */
import { z } from 'zod';
import { SWEEP_LIMITS } from './limits';

const path = z
  .string()
  .min(1)
  .max(300)
  .describe('Where the value goes in the base scenario file, e.g. "policies[0].budgetUsdPerYear" or "countries.PER.police.corruption" (countries, regions, markets and routes can be addressed by id)');

const scalar = z.union([z.number().finite(), z.string().max(200), z.boolean()]);

export const listParameterSchema = z
  .strictObject({
    path,
    values: z.array(scalar).min(1).max(SWEEP_LIMITS.valuesPerParameter).describe('The values to try; random and Latin hypercube designs draw among them'),
  })
  .describe('A parameter taking values from a list');

export const rangeParameterSchema = z
  .strictObject({
    path,
    min: z.number().finite().describe('Lowest value'),
    max: z.number().finite().describe('Highest value'),
    levels: z.number().int().min(2).max(SWEEP_LIMITS.valuesPerParameter).optional().describe('Grid designs only: number of evenly spaced values from min to max'),
    scale: z.enum(['linear', 'log']).default('linear').describe('"log" spaces values evenly in log(value) (min must be > 0)'),
    integer: z.boolean().default(false).describe('Round drawn values to whole numbers'),
  })
  .describe('A parameter ranging over [min, max]');

export const parameterSchema = z.union([listParameterSchema, rangeParameterSchema]);

export const designSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('grid') }).describe('Every combination of the parameters\' values (ranges need "levels")'),
  z.strictObject({
    type: z.literal('random'),
    points: z.number().int().min(1).max(SWEEP_LIMITS.points),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  }).describe('Independent uniform draws'),
  z.strictObject({
    type: z.literal('lhs'),
    points: z.number().int().min(1).max(SWEEP_LIMITS.points),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  }).describe('Latin hypercube: each parameter\'s range cut into `points` equal strata, each stratum used once'),
  z.strictObject({
    type: z.literal('table'),
    file: z.string().min(1).max(500).describe('CSV file (path relative to the sweep file) with one column per parameter path and one row per point'),
  }).describe('Points given as a table'),
]);

export const outputsSchema = z.strictObject({
  perTick: z.boolean().default(false).describe('Also write the per-tick long table of every run (ticks/run-NNNNNN.csv)'),
  measures: z
    .array(z.string().min(1).max(60))
    .max(200)
    .optional()
    .describe('Keep only these measure ids (e.g. "consumptionKg") in the outcome columns and per-tick tables (default: all)'),
});

export const sweepSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).max(120),
  description: z.string().max(5000).default(''),
  base: z.string().min(1).max(500).describe('The base scenario file, relative to the sweep file (or the name of a bundled scenario, e.g. "baseline")'),
  parameters: z.array(parameterSchema).min(1).max(SWEEP_LIMITS.parameters),
  design: designSchema,
  seedsPerPoint: z.number().int().min(1).max(SWEEP_LIMITS.seedsPerPoint).default(1).describe('Replications of every point, each with its own seed'),
  masterSeed: z.number().int().min(0).max(2 ** 32 - 1).default(1).describe('Every run\'s seed is derived from this and the run index'),
  outputs: outputsSchema.default({ perTick: false }),
});

export type SweepInput = z.input<typeof sweepSchema>;
export type Sweep = z.output<typeof sweepSchema>;
export type Parameter = z.output<typeof parameterSchema>;
export type RangeParameter = z.output<typeof rangeParameterSchema>;
export type ListParameter = z.output<typeof listParameterSchema>;
export type Design = z.output<typeof designSchema>;
export type ParameterValue = z.output<typeof scalar>;

export function isRange(p: Parameter): p is RangeParameter {
  return 'min' in p;
}
