/**
 * The plans tried in this session, by key (their policies as JSON): each plan's
 * label and lever rows, and its answers at workshop and full fidelity. The
 * scatter shows them; a point brings its plan back.
 */
import type { Scenario } from '../../sim/scenario/schema';
import { leverSpec } from '../../sim/workshop/catalog';
import { rowCost, rowTarget, type LeverRow } from '../../sim/workshop/plan';
import type { Digest } from '../../sim/workshop/digest';
import type { Fidelity } from '../../sim/workshop/fidelity';
import { perYear } from './ui/money';
import type { Trial } from './views/scatter';
import type { LiveReply } from './worker/protocol';

export interface Known {
  /** '' for plans run while a slider was still moving. */
  label: string;
  rows: LeverRow[];
  workshop?: LiveReply;
  full?: LiveReply;
}

/** A plan in words: each lever with a cost, its target, yearly cost and first year. */
export function planLabel(scenario: Scenario, rows: readonly LeverRow[]): string {
  const active = rows.filter((r) => rowCost(scenario, r) > 0);
  if (active.length === 0) return 'No levers';
  return active.map((r) => `${leverSpec(r.kind).name} ${rowTarget(r)} ${perYear(rowCost(scenario, r))} from ${r.start.slice(0, 4)}`).join('; ');
}

export class PlansTried {
  private readonly known = new Map<string, Known>();

  get(key: string): Known | undefined {
    return this.known.get(key);
  }

  set(key: string, entry: Known): void {
    this.known.set(key, entry);
  }

  /** `key`'s entry, added without label, rows or answers if it is new. */
  entry(key: string): Known {
    const entry = this.known.get(key) ?? { label: '', rows: [] };
    this.known.set(key, entry);
    return entry;
  }

  /** The plans the room chose, with their best answer so far. */
  trials(): Trial[] {
    const out: Trial[] = [];
    for (const [key, k] of this.known) {
      const best = k.full ?? k.workshop;
      // Plans run while a slider was still moving are not plans the room chose.
      if (best && k.label) out.push({ key, label: k.label, outcomes: best.digest.outcomes, fidelity: k.full ? 'full' : 'workshop' });
    }
    return out;
  }

  /** `key`'s digest at `fidelity`, else at the other one, else null. */
  digest(key: string | null, fidelity: Fidelity): Digest | null {
    const prior = key !== null ? this.known.get(key) : undefined;
    return (fidelity === 'full' ? prior?.full : prior?.workshop)?.digest ?? (prior?.full ?? prior?.workshop)?.digest ?? null;
  }
}
