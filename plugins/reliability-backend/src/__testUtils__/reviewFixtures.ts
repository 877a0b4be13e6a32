import type { ReviewTemplate } from '@preflight/plugin-reliability-common';
import { resolveReviewConfig } from '../reviews/readReviewConfig';
import type { StoredReview } from '../reviews/reviewTypes';
import { entity } from './readinessFixtures';
import { testRubric } from './scorecardFixtures';

/**
 * `reliability.reviews` as an adopter writes it: a GA template with an
 * on-call section (a check and an attestation limited to tier-1 at ga) and
 * an SLO section (a check and an attestation needing evidence).
 */
export const rawReviewConfig = {
  allowDriSignoff: false,
  gate: { stages: ['ga'], tiers: ['tier-1'] },
  templates: [
    {
      id: 'ga-readiness',
      title: 'GA production readiness',
      appliesTo: { kinds: ['component'], types: ['service'] },
      stages: ['beta', 'ga'],
      sections: [
        {
          id: 'oncall',
          title: 'Ownership and on-call',
          reviewerGroups: ['group:default/sre'],
          items: [
            { id: 'escalation', check: 'escalation-policy-levels' },
            {
              id: 'escalation-tested',
              question: 'Has the escalation policy been tested end to end?',
              evidence: 'required',
              reaffirmEvery: '90d',
              stages: ['ga'],
              tiers: ['tier-1'],
            },
          ],
        },
        {
          id: 'slos',
          title: 'SLOs and alerting',
          reviewerGroups: ['group:default/sre', 'group:default/slo-council'],
          items: [
            { id: 'slos-met', check: 'slo-met' },
            {
              id: 'load-test',
              question: 'Was a load test run at twice the peak?',
              evidence: 'optional',
            },
          ],
        },
      ],
    },
  ],
};

/** The resolved fixture configuration. */
export function testReviewConfig() {
  const { config, problems } = resolveReviewConfig(rawReviewConfig, testRubric);
  if (problems.length > 0) {
    throw new Error(problems.join('\n'));
  }
  return config;
}

/** The fixture's GA template. */
export const gaTemplate: ReviewTemplate = testReviewConfig().templates[0];

/** A stored review in a given state, for the pure-logic tests. */
export function storedReview(
  overrides: Partial<Omit<StoredReview, 'body'>> & {
    body?: Partial<StoredReview['body']>;
  } = {},
): StoredReview {
  const { body, ...rest } = overrides;
  return {
    id: '00000000-0000-4000-8000-000000000001',
    entityRef: 'component:default/checkout-api',
    stage: 'ga',
    templateId: gaTemplate.id,
    templateVersion: gaTemplate.version,
    state: 'draft',
    dri: 'user:default/dana',
    targetDate: null,
    tier: 'tier-1',
    ownerRef: 'group:default/team-payments',
    entityTitle: 'checkout-api',
    version: 1,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...rest,
    body: {
      template: gaTemplate,
      currentTier: 'tier-1',
      answers: {},
      waivers: {},
      signoffs: {},
      snapshots: {},
      drift: [],
      ...body,
    },
  };
}

const memberOf = (...groups: string[]) =>
  groups.map(g => ({ type: 'memberOf', targetRef: `group:default/${g}` }));

/**
 * The catalog of the review tests: checkout-api (tier-1 service of
 * team-payments), ledger (tier-2), a website (no template applies); dana
 * (payments, the DRI), sam (sre), lee (in slo-oncall, a sub-group of
 * slo-council), olga (no group).
 */
export const reviewEntities = [
  entity('Component', 'checkout-api', {
    title: 'Checkout API',
    annotations: { 'preflight.dev/tier': 'tier-1' },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  }),
  entity('Component', 'ledger', {
    annotations: { 'preflight.dev/tier': 'tier-2' },
    spec: { type: 'service', owner: 'team-ledger' },
  }),
  entity('Component', 'website', {
    spec: { type: 'website', owner: 'team-payments' },
  }),
  entity('User', 'dana', { relations: memberOf('team-payments') }),
  entity('User', 'sam', { relations: memberOf('sre') }),
  entity('User', 'lee', { relations: memberOf('slo-oncall') }),
  entity('User', 'olga'),
  entity('Group', 'team-payments'),
  entity('Group', 'team-ledger'),
  entity('Group', 'sre'),
  entity('Group', 'slo-council'),
  entity('Group', 'slo-oncall', {
    relations: [{ type: 'childOf', targetRef: 'group:default/slo-council' }],
  }),
];
