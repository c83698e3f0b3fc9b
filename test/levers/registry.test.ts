/**
 * The lever registry: every kind a scenario can schedule has one module, and each module's
 * `compose` (used by the workshop to build policies from its controls) is the inverse of its
 * `targets` (used by the world builder, the words and the checks).
 */
import { describe, expect, it } from 'vitest';
import { LEVER_KINDS, LEVER_MODULES, leverOf, policySchema, type LeverKind, type Policy } from '../../sim/levers/registry';
import { policyId, policyPlace, policyTarget } from '../../sim/levers/words';

const when = { start: '2005-01' };
/** One policy of each kind (a new kind adds its own here). */
const SAMPLES: Record<LeverKind, Policy> = {
  capacityFunding: { lever: 'capacityFunding', donor: 'USA', recipient: 'COL', budgetUsdPerYear: 5e8, ...when },
  enforcementVsPrevention: { lever: 'enforcementVsPrevention', country: 'USA', preventionShare: 0.4, ...when },
  eradication: { lever: 'eradication', country: 'COL', region: 'COL-PUT', budgetUsdPerYear: 1e8, ...when },
  interdiction: { lever: 'interdiction', country: 'MEX', route: 'COL-MEX-sea', budgetUsdPerYear: 1e8, ...when },
  intelligenceSharing: { lever: 'intelligenceSharing', countries: ['USA', 'COL', 'MEX'], budgetUsdPerYear: 1e7, ...when },
  alternativeDevelopment: { lever: 'alternativeDevelopment', country: 'PER', budgetUsdPerYear: 3e7, ...when },
  assetSeizure: { lever: 'assetSeizure', country: 'MEX', budgetUsdPerYear: 2e7, ...when },
  highValueTargeting: { lever: 'highValueTargeting', country: 'MEX', budgetUsdPerYear: 2e7, ...when },
  prevention: { lever: 'prevention', country: 'USA', budgetUsdPerYear: 4e8, ...when },
  treatment: { lever: 'treatment', country: 'ESP', budgetUsdPerYear: 4e8, ...when },
  precursorControl: { lever: 'precursorControl', country: 'BOL', budgetUsdPerYear: 5e7, ...when },
  policeBudget: { lever: 'policeBudget', country: 'COL', budgetUsdPerYear: 4.3e8, ...when },
};

describe('lever registry', () => {
  it('has one module per kind of the scenario schema, in the schema\'s order', () => {
    expect(LEVER_MODULES.map((l) => l.kind)).toEqual(LEVER_KINDS);
    expect(policySchema.options.map((o) => o.shape.lever.value)).toEqual(LEVER_KINDS);
    expect(new Set(LEVER_KINDS).size).toBe(LEVER_KINDS.length);
    expect(Object.keys(SAMPLES).sort()).toEqual([...LEVER_KINDS].sort());
    expect(() => leverOf('nonsense' as LeverKind)).toThrow('lever: expected one of capacityFunding, ');
  });

  it('composes, from the targets and amount of each sample, the sample itself', () => {
    for (const kind of LEVER_KINDS) {
      const p = SAMPLES[kind];
      expect(policySchema.parse(p)).toEqual(p);
      const lever = leverOf(kind);
      const amount = { budgetUsdPerYear: 'budgetUsdPerYear' in p ? p.budgetUsdPerYear : 0, preventionShare: 'preventionShare' in p ? p.preventionShare : undefined };
      expect({ ...lever.compose(lever.targets(p), amount), ...when }, kind).toEqual(p);
    }
    expect(leverOf('intelligenceSharing').compose({ members: ['USA'] }, { budgetUsdPerYear: 1 })).toBeNull();
  });

  it('names each policy\'s places the same way in ids, effect labels and tables', () => {
    expect(policyId(SAMPLES.capacityFunding, 0)).toBe('0:capacityFunding:USA>COL');
    expect(policyPlace(SAMPLES.capacityFunding)).toBe('USA->COL');
    expect(policyTarget(SAMPLES.capacityFunding)).toBe('USA → COL');
    expect(policyId(SAMPLES.intelligenceSharing, 4)).toBe('4:intelligenceSharing:USA+COL+MEX');
    expect(policyTarget(SAMPLES.intelligenceSharing)).toBe('USA, COL, MEX');
    expect(policyId(SAMPLES.eradication, 2)).toBe('2:eradication:COL');
    expect(policyPlace(SAMPLES.eradication)).toBe('COL-PUT');
    expect(policyTarget(SAMPLES.interdiction)).toBe('MEX (COL-MEX-sea)');
    expect(policyTarget(SAMPLES.precursorControl)).toBe('BOL');
  });
});
