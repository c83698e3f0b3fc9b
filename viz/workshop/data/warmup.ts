/**
 * A plan with every lever on, small budgets, from `start`: used only to warm up a
 * live worker (see LiveSession.warmUp), so that the engine has seen every lever's
 * code before the first real move.
 */
import type { Scenario } from '../../../sim/scenario/schema';
import { LEVERS } from '../../../sim/workshop/catalog';
import { baseShare, type LeverRow } from '../../../sim/workshop/plan';

export function everyLever(scenario: Scenario, start: string): LeverRow[] {
  const producer = scenario.regions[0].country;
  const consumer = scenario.markets[0].country;
  const donor = consumer;
  const transit = scenario.countries.find((c) => c.roles.includes('transit') && c.id !== producer)?.id ?? producer;
  return LEVERS.map((l, slot): LeverRow => {
    const row: LeverRow = { slot, kind: l.kind, country: producer, budgetUsdPerYear: 10e6, start };
    if (l.kind === 'capacityFunding') return { ...row, donor, country: producer };
    if (l.kind === 'intelligenceSharing') return { ...row, partners: [donor, producer] };
    if (l.kind === 'enforcementVsPrevention') return { ...row, country: consumer, preventionShare: Math.min(1, baseShare(scenario, consumer) + 0.05) };
    if (l.countries === 'consumer') return { ...row, country: consumer };
    if (l.kind === 'interdiction' || l.kind === 'assetSeizure' || l.kind === 'highValueTargeting') return { ...row, country: transit };
    return row;
  });
}
