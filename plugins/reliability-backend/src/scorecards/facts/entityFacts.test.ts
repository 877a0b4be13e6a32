import { entity } from '../../__testUtils__/readinessFixtures';
import { entityOwnFacts, readTier } from './entityFacts';

describe('entityOwnFacts', () => {
  it('reads the tier, runbooks and exemptions of the entity itself', () => {
    const facts = entityOwnFacts(
      entity('Component', 'checkout-api', {
        annotations: {
          'preflight.dev/tier': ' tier-1 ',
          'preflight.dev/scorecard-exemptions': [
            '- check: techdocs-annotation',
            '  reason: Docs move in January',
            '  approver: user:default/dana',
            '  expires: 2027-01-31',
          ].join('\n'),
        },
        links: [
          { url: 'https://runbooks.example.com/checkout', type: 'runbook' },
        ],
      }),
    );
    expect(facts).toEqual({
      tier: 'tier-1',
      runbooks: [
        expect.objectContaining({
          url: 'https://runbooks.example.com/checkout',
        }),
      ],
      exemptions: [
        {
          checkId: 'techdocs-annotation',
          reason: 'Docs move in January',
          approver: 'user:default/dana',
          expires: '2027-01-31',
        },
      ],
      problems: [],
    });
  });

  it('has no tier when the annotation is blank, and reports bad exemptions as problems', () => {
    const facts = entityOwnFacts(
      entity('Component', 'checkout-api', {
        annotations: {
          'preflight.dev/tier': '  ',
          'preflight.dev/scorecard-exemptions': 'nonsense: [',
        },
      }),
    );
    expect(facts).not.toHaveProperty('tier');
    expect(facts.exemptions).toEqual([]);
    expect(facts.problems).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/checkout-api',
        message: expect.stringContaining('YAML'),
      }),
    ]);
  });
});

describe('readTier', () => {
  it('is undefined without the annotation', () => {
    expect(readTier(entity('Component', 'checkout-api'))).toBeUndefined();
  });
});
