/** A policy's targets in words, in the styles the model's entity ids, the analyses and the views use. */
import { leverOf, type Policy } from './registry';

/** The id of a scheduled policy's entity when it has no label, e.g. "2:eradication:COL", "0:capacityFunding:USA>COL". */
export function policyId(p: Policy, index: number): string {
  const t = leverOf(p.lever).targets(p);
  if (t.donor !== undefined) return `${index}:${p.lever}:${t.donor}>${t.country}`;
  if (t.members) return `${index}:${p.lever}:${t.members.join('+')}`;
  return `${index}:${p.lever}:${t.country}`;
}

/** Where a policy acts, tersely: "USA->COL", "USA+COL+MEX", a route or region id, or the country. */
export function policyPlace(p: Policy): string {
  const t = leverOf(p.lever).targets(p);
  if (t.donor !== undefined) return `${t.donor}->${t.country}`;
  if (t.members) return t.members.join('+');
  return t.route || t.region || t.country || '';
}

/** Where a policy acts, for a table: "USA → COL", "USA, COL, MEX", "COL (COL-guaviare)". */
export function policyTarget(p: Policy): string {
  const t = leverOf(p.lever).targets(p);
  if (t.donor !== undefined) return `${t.donor} → ${t.country}`;
  if (t.members) return t.members.join(', ');
  const detail = t.region || t.route;
  return detail ? `${t.country} (${detail})` : (t.country ?? '');
}
