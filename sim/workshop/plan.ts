/**
 * A workshop plan: the lever rows on the page and the money they may spend. Each row
 * owns a fixed policy slot, so the simulated policy list always has the same length
 * and order; a row without money is an inert placeholder. That keeps the world's
 * state layout identical from plan to plan, so a re-run can resume from a snapshot
 * taken under another plan (see session.ts).
 */
import type { LeverKind, Policy, Scenario } from '../scenario/schema';
import { tickOf } from '../analysis/time';
import { leverSpec } from './catalog';
import { leverOf } from '../levers/registry';

export interface LeverRow {
  /** Policy slot, stable while the row exists. */
  slot: number;
  kind: LeverKind;
  /** Target country (recipient for capacity funding); unused for intelligence sharing. */
  country: string;
  donor?: string;
  /** Region or route id; empty or missing = the whole country. */
  region?: string;
  route?: string;
  partners?: string[];
  budgetUsdPerYear: number;
  /** enforcementVsPrevention only. */
  preventionShare?: number;
  /** "YYYY-MM". */
  start: string;
  end?: string;
}

export interface Plan {
  totalBudgetUsdPerYear: number;
  rows: LeverRow[];
}

/** Policy slots in every workshop run. */
export const SLOTS = 16;

/** The prevention share of a country's own budget in the scenario (no lever). */
export function baseShare(scenario: Scenario, country: string): number {
  const c = scenario.countries.find((x) => x.id === country);
  if (!c) return 0;
  const total = c.police.budgetUsdPerYear + c.police.preventionUsdPerYear;
  return total > 0 ? c.police.preventionUsdPerYear / total : 0;
}

/** Yearly cost of a row as the model books it (levers.ts): its budget, or the money a share moves. */
export function rowCost(scenario: Scenario, row: LeverRow): number {
  if (row.kind !== 'enforcementVsPrevention') return row.budgetUsdPerYear;
  const c = scenario.countries.find((x) => x.id === row.country);
  if (!c || row.preventionShare === undefined) return 0;
  const total = c.police.budgetUsdPerYear + c.police.preventionUsdPerYear;
  // Booked in whole dollars, like every other row, so sums of costs are exact and a
  // slider capped at what the others leave can never overspend by a rounding error.
  // Back at the country's own share (up to rounding): nothing moves.
  return Math.round(Math.abs(total * row.preventionShare - c.police.preventionUsdPerYear));
}

/** The policy a row schedules, or null when it spends nothing (then its slot is a placeholder). */
export function rowPolicy(scenario: Scenario, row: LeverRow): Policy | null {
  if (rowCost(scenario, row) <= 0) return null;
  const timing = { start: row.start, ...(row.end ? { end: row.end } : {}), label: `slot ${row.slot}: ${leverSpec(row.kind).name} ${rowTarget(row)}` };
  const targets = { country: row.country, donor: row.donor, region: row.region, route: row.route, members: row.partners };
  const body = leverOf(row.kind).compose(targets, { budgetUsdPerYear: row.budgetUsdPerYear, preventionShare: row.preventionShare });
  return body && ({ ...body, ...timing } as Policy);
}

/** Where a row acts, in words: "USA→COL", "COL (Putumayo)", "USA+MEX+COL". */
export function rowTarget(row: LeverRow): string {
  if (row.kind === 'capacityFunding') return `${row.donor ?? '?'}→${row.country}`;
  if (row.kind === 'intelligenceSharing') return (row.partners ?? []).join('+');
  const detail = row.region || row.route;
  return detail ? `${row.country} (${detail})` : row.country;
}

/** An inert policy for an empty slot: no money, active only in the last month. */
export function placeholder(scenario: Scenario, slot: number): Policy {
  return { lever: 'treatment', country: scenario.markets[0].country, budgetUsdPerYear: 0, start: scenario.end, label: `slot ${slot}: unused` };
}

/** The full, fixed-length policy list of a plan on a world. */
export function planPolicies(scenario: Scenario, rows: readonly LeverRow[]): Policy[] {
  const out: Policy[] = Array.from({ length: SLOTS }, (_, i) => placeholder(scenario, i));
  for (const row of rows) {
    if (row.slot < 0 || row.slot >= SLOTS) throw new RangeError(`slot: expected an integer in [0, ${SLOTS - 1}], got ${row.slot}`);
    out[row.slot] = rowPolicy(scenario, row) ?? out[row.slot];
  }
  return out;
}

/** The lowest slot no row uses, or -1 when all are taken. */
export function freeSlot(rows: readonly LeverRow[]): number {
  const used = new Set(rows.map((r) => r.slot));
  for (let i = 0; i < SLOTS; i++) if (!used.has(i)) return i;
  return -1;
}

/**
 * First recorded tick at which two policy lists can make the runs differ: a policy
 * acts only from its start, so a changed slot matters from the earlier of its old
 * and new starts. Infinity when the lists are the same.
 */
export function firstAffectedTick(scenario: Scenario, before: readonly Policy[], after: readonly Policy[]): number {
  let first = Infinity;
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const a = before[i];
    const b = after[i];
    if (a && b && JSON.stringify(a) === JSON.stringify(b)) continue;
    if (!a || !b) return 0;
    first = Math.min(first, tickOf(a.start, scenario.start, scenario.ticksPerYear), tickOf(b.start, scenario.start, scenario.ticksPerYear));
  }
  return Math.max(0, first);
}
