/**
 * The targets file of `balloon calibrate`: the scenario to run, the parameters to
 * fit (any scenario path, with a range and a scale), the seeds per candidate, the
 * search, and the targets (observed series, paired effects with a band, stylised
 * facts). One zod schema validates files, fills defaults and is published as
 * `calibrate.schema.json` (scripts/write-calibrate-schema.ts).
 */
import { z } from 'zod';
import { CALIBRATION_LIMITS as L } from './limits';

const seed = z.number().int().min(0).max(2 ** 32 - 1);
const weight = z.number().finite().min(0).default(1).describe('Multiplies the target\'s loss in the total (0 = reported but not fitted)');
const scenarioRef = z
  .string()
  .min(1)
  .max(500)
  .describe('Scenario file, relative to the targets file, or the name of a bundled scenario (e.g. "colombia-2000s")');
const entityKind = z.enum(['world', 'country', 'region', 'route', 'market']);

export const fitParameterSchema = z
  .strictObject({
    path: z
      .string()
      .min(1)
      .max(300)
      .describe('Where the value goes in the scenario file, e.g. "behaviour.growers.incomeSensitivity" or "countries.PER.police.corruption"'),
    range: z.array(z.number().finite()).min(2).max(2).describe('[lo, hi]: the prior range searched'),
    scale: z.enum(['linear', 'log']).default('linear').describe('"log" searches evenly in log(value) (lo must be > 0)'),
  })
  .describe('A parameter to fit');

const seriesTarget = z
  .strictObject({
    type: z.literal('series'),
    id: z.string().min(1).max(80).optional().describe('Name in the outputs (default: measure.entity)'),
    scenario: scenarioRef.optional().describe('Scenario run for this target (default: the file\'s "scenario")'),
    measure: z.string().min(1).max(60).describe('Recorder measure id, e.g. "cultivationHa"'),
    kind: entityKind.default('country').describe('Entity kind of the measure'),
    entity: z.string().min(1).max(80).describe('Entity id, e.g. "COL" (for kind "world": "world")'),
    years: z.array(z.number().int().min(1900).max(2200)).min(2).max(2).describe('[first, last] calendar years compared, both included; years without an observed figure are skipped'),
    observed: z.string().min(1).max(500).describe('CSV file with columns year,kind,entity,measure,value (relative to the targets file; data/observed/ format)'),
    loss: z
      .enum(['msle', 'relative'])
      .default('msle')
      .describe('"msle": mean over years of (ln(1+model) - ln(1+observed))^2; "relative": mean over years of (model/model[first] - observed/observed[first])^2'),
    seeds: z
      .enum(['mean', 'each'])
      .default('mean')
      .describe('"mean": the loss of the mean over seeds; "each": the mean over seeds of each seed\'s own loss, so seeds that wander (cycles out of phase) cost even when their mean is on target'),
    weight,
  })
  .describe('An observed yearly series: the model\'s yearly value (flows summed, stocks averaged), mean over seeds, against the record');

const effectTarget = z
  .strictObject({
    type: z.literal('effect'),
    id: z.string().min(1).max(80).optional().describe('Name in the outputs (default: statistic and intervention)'),
    scenario: scenarioRef.optional(),
    lever: z.string().min(1).max(60).optional().describe('Switch off every policy of this lever kind (e.g. "eradication") in the counterfactual'),
    policy: z.union([z.number().int().min(0), z.string().min(1).max(200)]).optional().describe('Or switch off one policy: its index in "policies" or its label'),
    statistic: z
      .enum(['displacementIndex', 'costPerKg', 'relativeChange', 'changePerChange'])
      .describe('displacementIndex: of the reduction at the target, the share that reappears elsewhere (balloon effect); costPerKg: extra spend per kg less (see "per"); relativeChange: (with - without) / without of a measure; changePerChange: the change of a measure per unit change of another of the same entity, (with - without) / (with - without) (e.g. ha of coca less per ha eradicated)'),
    per: z
      .enum(['consumption', 'production'])
      .default('consumption')
      .describe('costPerKg only: per kg less of northern consumption (kg kept from the consumer markets) or of world production'),
    measure: z.string().min(1).max(60).optional().describe('relativeChange and changePerChange only: the measure id'),
    kind: entityKind.optional().describe('relativeChange and changePerChange only: its entity kind'),
    entity: z.string().min(1).max(80).optional().describe('relativeChange and changePerChange only: the entity id'),
    perMeasure: z.string().min(1).max(60).optional().describe('changePerChange only: the measure whose change divides (same kind and entity)'),
    band: z
      .array(z.number().finite().nullable())
      .min(2)
      .max(2)
      .describe('[lo, hi] the statistic should lie in; null for an open end (e.g. [150000, null])'),
    weight,
  })
  .describe('A paired effect: the scenario against itself without a lever or policy, same seeds; the statistic should fall in a band');

const factTarget = z
  .strictObject({
    type: z.literal('fact'),
    id: z.string().min(1).max(80).optional(),
    scenario: scenarioRef.optional(),
    fact: z.string().min(1).max(80).describe('Id of a stylised fact of `balloon facts`, e.g. "peru-rises" (sim/analysis/facts.ts)'),
    weight,
  })
  .describe('A stylised fact of `balloon facts` (the scenario against itself without any policy): loss 0 when it holds over the candidate\'s seeds, 1 when it does not');

export const targetSchema = z.discriminatedUnion('type', [seriesTarget, effectTarget, factTarget]);

export const searchSchema = z
  .strictObject({
    points: z.number().int().min(2).max(L.pointsPerStage).default(40).describe('Candidates of the first stage: a Latin hypercube over the parameters\' ranges'),
    rounds: z.number().int().min(0).max(L.rounds).default(2).describe('Refinement rounds after it'),
    pointsPerRound: z.number().int().min(1).max(L.pointsPerStage).default(20).describe('Candidates per refinement round: a Latin hypercube in the box around the elite'),
    elite: z.number().min(0.01).max(1).default(0.2).describe('Share of the best candidates so far whose box (widened by "margin") the next round searches'),
    margin: z.number().min(0).max(1).default(0.1).describe('Widening of the elite box on each side, as a share of its width (at least 2% of the range)'),
    accept: z.number().int().min(2).max(L.pointsPerStage).default(10).describe('Accepted set: the search candidates as good as the best given seed noise (docs/calibration.md), and at least this many of the best; their ranges show how well each parameter is pinned down'),
    profile: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(4)
      .describe('Profile points per parameter in the final stage: the best set with that one parameter moved to evenly spaced points of its range, ends included (0 = none)'),
    final: z
      .strictObject({
        top: z.number().int().min(1).max(1000).default(5).describe('Best candidates re-run on more seeds; the best of them is the fit'),
        seeds: z.number().int().min(1).max(L.seeds).optional().describe('Seeds of that re-run (default: twice the seeds per candidate)'),
      })
      .prefault({})
      .describe('The final stage'),
    seed: seed.default(1).describe('Seed of the designs (the runs use "firstSeed")'),
  })
  .describe('The search: Latin hypercube, then refinement rounds around the elite, then the best re-run on more seeds');

export const targetsSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).max(120),
  description: z.string().max(5000).default(''),
  scenario: scenarioRef.describe('The scenario every target runs unless it names its own'),
  parameters: z.array(fitParameterSchema).min(1).max(L.parameters),
  seeds: z.number().int().min(1).max(L.seeds).default(3).describe('Seeds each candidate runs on (the same for every candidate: common random numbers)'),
  firstSeed: seed.default(1).describe('Candidates run on seeds firstSeed, firstSeed+1, ...'),
  search: searchSchema.prefault({}),
  identifiability: z
    .strictObject({
      threshold: z.number().min(0).max(1).default(0.5).describe('A parameter whose accepted range spans more than this share of its prior range is reported "not pinned down"'),
    })
    .prefault({}),
  targets: z.array(targetSchema).min(1).max(L.targets),
});

export type TargetsInput = z.input<typeof targetsSchema>;
export type Targets = z.output<typeof targetsSchema>;
export type FitParameter = z.output<typeof fitParameterSchema>;
export type Target = z.output<typeof targetSchema>;
export type SeriesTarget = z.output<typeof seriesTarget>;
export type EffectTarget = z.output<typeof effectTarget>;
export type FactTarget = z.output<typeof factTarget>;
export type Search = z.output<typeof searchSchema>;
