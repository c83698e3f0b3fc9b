/**
 * The workshop's state in the link: the levers with money (the rest are the default
 * placeholders), the total budget, and the story step. A reload or a shared link
 * shows the same plan, and the same step of the same story.
 */
import type { LeverRow } from '../../../sim/workshop/plan';

export interface WorkshopLink {
  budgetUsdPerYear?: number;
  /** Rows with money; undefined when the link names no plan. */
  rows?: LeverRow[];
  story?: string;
  /** 0-based step. */
  step?: number;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let raw = '';
  for (const b of bytes) raw += String.fromCharCode(b);
  return btoa(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const raw = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(raw, (c) => c.charCodeAt(0)));
}

function isRow(x: unknown): x is LeverRow {
  const r = x as LeverRow;
  return typeof r === 'object' && r !== null && typeof r.kind === 'string' && typeof r.country === 'string' && typeof r.start === 'string' && Number.isFinite(r.budgetUsdPerYear) && Number.isInteger(r.slot);
}

export function writeLink(link: WorkshopLink): string {
  const q = new URLSearchParams();
  if (link.budgetUsdPerYear !== undefined) q.set('budget', String(Math.round(link.budgetUsdPerYear / 1e6)));
  if (link.rows && link.rows.length > 0) q.set('plan', toBase64Url(JSON.stringify(link.rows)));
  if (link.story) {
    q.set('story', link.story);
    q.set('step', String((link.step ?? 0) + 1));
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The link's state; what cannot be read is left out (the page then starts from its defaults). */
export function readLink(search: string): WorkshopLink {
  const q = new URLSearchParams(search);
  const out: WorkshopLink = {};
  const budget = Number(q.get('budget'));
  if (q.has('budget') && Number.isFinite(budget) && budget >= 0) out.budgetUsdPerYear = budget * 1e6;
  const plan = q.get('plan');
  if (plan) {
    try {
      const rows = JSON.parse(fromBase64Url(plan)) as unknown;
      if (Array.isArray(rows) && rows.every(isRow)) out.rows = rows;
    } catch {
      // A damaged link: start from the default plan.
    }
  }
  const story = q.get('story');
  const step = Number(q.get('step'));
  if (story) {
    out.story = story;
    out.step = Number.isInteger(step) && step >= 1 ? step - 1 : 0;
  }
  return out;
}
