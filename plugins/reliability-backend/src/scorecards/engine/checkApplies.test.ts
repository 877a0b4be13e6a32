import type { Entity } from '@backstage/catalog-model';
import type { RubricCheck } from '@preflight/plugin-reliability-common';
import { checkApplies, paramsForTier } from './checkApplies';

const service = (spec: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout' },
  spec,
});

function rubricCheck(overrides: Partial<RubricCheck>): RubricCheck {
  return {
    id: 'mtta-within-target',
    implementation: 'mtta-within-target',
    title: 'MTTA within target',
    category: 'incident-response',
    description: '',
    fix: { text: '' },
    appliesTo: {},
    params: { maxMinutes: 30, windowDays: 90 },
    paramsByTier: {},
    ...overrides,
  };
}

describe('checkApplies', () => {
  const check = rubricCheck({
    appliesTo: {
      kinds: ['component'],
      types: ['Service', 'website'],
      lifecycles: ['production'],
      tiers: ['Tier-1'],
    },
  });

  it('matches every listed field case-insensitively', () => {
    const entity = service({ type: 'SERVICE', lifecycle: 'Production' });
    expect(checkApplies(check, entity, 'tier-1')).toBe(true);
    // Asked again (the lists are lower-cased once): the same answers.
    expect(checkApplies(check, entity, 'TIER-1')).toBe(true);
    expect(checkApplies(check, entity, 'tier-2')).toBe(false);
  });

  it('does not match a missing value, and an absent list matches anything', () => {
    expect(checkApplies(check, service({ lifecycle: 'production' }))).toBe(
      false,
    );
    expect(
      checkApplies(
        rubricCheck({ appliesTo: { kinds: ['Component'] } }),
        service({}),
        undefined,
      ),
    ).toBe(true);
    expect(
      checkApplies(rubricCheck({ appliesTo: { kinds: [] } }), service({})),
    ).toBe(true);
  });
});

describe('paramsForTier', () => {
  const check = rubricCheck({
    paramsByTier: {
      'Tier-1': { maxMinutes: 5 },
      'tier-1': { maxMinutes: 1 },
      'tier-2': { windowDays: 30 },
    },
  });

  it('puts the tier’s overrides on the defaults, tier names in any case', () => {
    expect(paramsForTier(check, 'TIER-1')).toEqual({
      maxMinutes: 5,
      windowDays: 90,
    });
    expect(paramsForTier(check, 'tier-2')).toEqual({
      maxMinutes: 30,
      windowDays: 30,
    });
  });

  it('gives the defaults without a tier or for a tier without overrides', () => {
    expect(paramsForTier(check)).toBe(check.params);
    expect(paramsForTier(check, 'tier-3')).toBe(check.params);
  });

  it('keeps each check’s own overrides apart', () => {
    const other = rubricCheck({
      params: { maxMinutes: 60 },
      paramsByTier: { 'tier-1': { maxMinutes: 15 } },
    });
    expect(paramsForTier(other, 'tier-1')).toEqual({ maxMinutes: 15 });
    expect(paramsForTier(check, 'tier-1')).toEqual({
      maxMinutes: 5,
      windowDays: 90,
    });
  });
});
