/**
 * Every lever kind, in the order of the scenario schema. To add a kind: write its module
 * (see types.ts and any module here) and list it below; the scenario schema, the checks,
 * the world builder, the lever phase, the displacement analysis and the views take it from here.
 */
import { z } from 'zod';
import { capacityFunding } from './capacityFunding';
import { policeBudget } from './policeBudget';
import { enforcementVsPrevention } from './enforcementVsPrevention';
import { eradication } from './eradication';
import { interdiction } from './interdiction';
import { intelligenceSharing } from './intelligenceSharing';
import { alternativeDevelopment } from './alternativeDevelopment';
import { assetSeizure } from './assetSeizure';
import { highValueTargeting } from './highValueTargeting';
import { prevention } from './prevention';
import { treatment } from './treatment';
import { precursorControl } from './precursorControl';
import type { LeverModule, LeverSchema } from './types';

export const LEVERS = [
  capacityFunding,
  enforcementVsPrevention,
  eradication,
  interdiction,
  intelligenceSharing,
  alternativeDevelopment,
  assetSeizure,
  highValueTargeting,
  prevention,
  treatment,
  precursorControl,
  policeBudget,
] as const;

/** The schemas of a tuple of levers, as a tuple (what a discriminated union takes). */
function schemasOf<T extends readonly { schema: LeverSchema }[]>(levers: T): { -readonly [K in keyof T]: T[K]['schema'] } {
  return levers.map((l) => l.schema) as { -readonly [K in keyof T]: T[K]['schema'] };
}

export const policySchema = z.discriminatedUnion('lever', schemasOf(LEVERS));

export type Policy = z.output<typeof policySchema>;
export type LeverKind = Policy['lever'];
export const LEVER_KINDS: LeverKind[] = LEVERS.map((l) => l.kind);

/** The modules, each typed as a lever of any kind (its methods take the policies of its kind). */
export const LEVER_MODULES = LEVERS as readonly unknown[] as readonly LeverModule[];

const byKind = new Map<string, LeverModule>(LEVER_MODULES.map((l) => [l.kind, l]));

/** The module of a lever kind (a policy's `lever`). */
export function leverOf(kind: LeverKind): LeverModule {
  const module = byKind.get(kind);
  if (!module) throw new RangeError(`lever: expected one of ${LEVER_KINDS.join(', ')}, got "${kind}"`);
  return module;
}
