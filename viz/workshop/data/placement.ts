/**
 * Where a plan's rows go on the page: every lever keeps a row (an inert default
 * when it has no money), and a story step's or a link's rows take the place of the
 * default row of the same lever, so the policy slots, and so the run, are the same
 * whichever way the plan was reached.
 */
import type { Scenario } from '../../../sim/scenario/schema';
import { defaultRow } from '../ui/leverPanel';
import { LEVERS } from '../../../sim/workshop/catalog';
import { freeSlot, rowCost, type LeverRow } from '../../../sim/workshop/plan';

/** Start of the levers the workshop offers before anyone changes them. */
export const DEFAULT_START = '2005-01';

export const cloneRows = (rows: readonly LeverRow[]): LeverRow[] => rows.map((r) => ({ ...r, partners: r.partners ? [...r.partners] : undefined }));

/** One inert row per lever, starting at `start`. */
export function defaultRows(scenario: Scenario, start: string): LeverRow[] {
  return LEVERS.map((l, slot) => defaultRow(scenario, l.kind, slot, start));
}

/** `rows` in place of the default rows of the same levers. */
export function withDefaults(scenario: Scenario, start: string, rows: readonly LeverRow[]): LeverRow[] {
  const out = defaultRows(scenario, start);
  for (const row of rows) {
    const i = out.findIndex((r) => r.kind === row.kind && rowCost(scenario, r) === 0 && !rows.includes(r));
    const slot = i >= 0 ? out[i].slot : freeSlot(out);
    const placed = { ...cloneRows([row])[0], slot };
    if (i >= 0) out[i] = placed;
    else if (slot >= 0) out.push(placed);
  }
  return out;
}
