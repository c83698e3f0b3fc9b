/**
 * What a lever kind is: one module per kind (sim/levers/<kind>.ts) holds its scenario schema,
 * its cross-reference checks, the places it targets, what its money does each tick, its
 * displacement target and the words people read. The registry (registry.ts) lists them; the
 * validator, the world builder, the lever phase, the analyses and the views iterate over it.
 *
 * The interfaces here are structural views of the scenario and the world, so lever modules
 * depend on neither (the scenario schema is built from the levers).
 */
import type { z } from 'zod';
import type { PathSegment } from '../validation/errors';
import type { LeverInputs } from './inputs';

/** The places a policy names, by id. */
export interface LeverTargets {
  /** The country it acts in (the recipient of capacity funding). */
  country?: string;
  /** The paying country when it is not the target. */
  donor?: string;
  region?: string;
  route?: string;
  /** The partners of a policy several countries share (they split its cost). */
  members?: readonly string[];
}

/** A scheduled policy's targets resolved to indices (-1: none). */
export interface ResolvedTargets {
  index: number;
  country: number;
  donor: number;
  region: number;
  route: number;
  members: number[];
}

/** What the lever phase reads of the static world. */
export interface LeverWorld {
  countries: { enforcementBudgetUsd: Float64Array; preventionBudgetUsd: Float64Array };
  regions: { cultivableHa: Float64Array };
  routes: { from: Int32Array };
  regionsOfCountry: number[][];
}

/** The parts of a scenario a lever's checks and displacement target read. */
export interface ScenarioView {
  countries: readonly { id: string; roles: readonly string[] }[];
  regions: readonly { id: string; country: string }[];
  routes: readonly { id?: string; from: string; to: string; mode: string }[];
}

/** Cross-reference checks of one policy; paths are relative to the policy (["country"], ["countries", 2]). */
export interface CheckTools {
  add(path: PathSegment[], expected: string, found: string): void;
  /** The country is listed (and has `role`); reports the problem and returns false when not. */
  country(path: PathSegment[], id: string, role?: 'producer' | 'consumer'): boolean;
  /** `region` is a region of `country`, or (without a region) the country has producer regions. */
  regionOf(region: string | undefined, country: string): void;
  routeEnds: ReadonlyMap<string, { from: string; to: string }>;
  marketCountries: ReadonlySet<string>;
}

/** The amount a control sets: a budget, or (enforcement vs prevention) a share. */
export interface LeverAmount {
  budgetUsdPerYear: number;
  preventionShare?: number;
}

/** What a lever's reduction is measured on, and where displaced activity can reappear. */
export interface DisplacementSpec {
  measure: 'cultivationHa' | 'flowKg';
  kind: 'country' | 'region' | 'route';
  target: string[];
  elsewhere: string[];
  description: string;
}

/** The schema of one lever kind: a strict object whose `lever` is the kind's name. */
export type LeverSchema = z.ZodObject<{ lever: z.ZodLiteral<string> } & z.ZodRawShape, z.core.$strict>;

/** One lever kind. Methods take the kind's own policy type (P). */
export interface LeverModule<S extends LeverSchema = LeverSchema, P = z.output<S>> {
  kind: S['shape']['lever']['value'];
  schema: S;
  /** Its name for people, e.g. "Alternative development". */
  name: string;
  /** Acts on production or trafficking (its effect is measured as displacement of supply). */
  supply: boolean;
  /** The places the policy names. */
  targets(p: P): LeverTargets;
  /**
   * The policy (without its schedule and label) that acts on `targets` with `amount`: the
   * inverse of `targets`, for hosts that build policies from controls (the workshop).
   * Null when the targets do not make a policy (intelligence sharing with fewer than two partners).
   */
  compose(targets: LeverTargets, amount: LeverAmount): Omit<P, 'start' | 'end' | 'label'> | null;
  /** Cross-reference checks, after the schema has passed (dates are checked for every kind). */
  check(p: P, tools: CheckTools): void;
  /**
   * Put the policy's money for this tick into its channels of `inputs` and return what it
   * spends, USD per year (booked to the target country, or split among the members).
   */
  apply(p: P, at: ResolvedTargets, world: LeverWorld, inputs: LeverInputs): number;
  /** After every active policy has applied: turn the kind's channels into what the model reads. */
  finish?(world: LeverWorld, inputs: LeverInputs): void;
  /** The cut the policy aims at and where it can reappear, or null when it has none. */
  displacement(p: P, scenario: ScenarioView): DisplacementSpec | null;
  /** Its target within a package of supply levers when it has no displacement target of its own (analysis/supplyEffects.ts). */
  packageTarget?(p: P, scenario: ScenarioView): DisplacementSpec | null;
  /** Its amount in words when it is not a budget, e.g. "40% to prevention". */
  amount?(p: P): string;
}

/** A lever module, with its policy type taken from its schema. */
export function defineLever<S extends LeverSchema>(module: LeverModule<S>): LeverModule<S> {
  return module;
}
