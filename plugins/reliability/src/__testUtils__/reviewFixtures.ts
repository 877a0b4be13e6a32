/**
 * Readiness reviews shaped like the backend's answers: checkout-api's GA
 * review with an on-call section (a passing check and an unanswered
 * attestation that needs evidence) and an SLO section (a check that
 * passed at submit and fails now, and an answered attestation that expires).
 */
import type {
  EntityReviewsResponse,
  Review,
  ReviewEvent,
  ReviewItem,
  ReviewListResponse,
  ReviewResponse,
  ReviewSection,
  ReviewSummary,
} from '@preflight/plugin-reliability-common';
import { minutesFromNow, NOW } from './summaryFixtures';

export const REVIEW_ID = '5b0c4f4e-1d7a-4e0b-9d52-3c1f9c1b7a10';

export function linkedCheckItem(
  overrides: Partial<ReviewItem> = {},
): ReviewItem {
  return {
    id: 'oncall-linked',
    kind: 'check',
    title: 'PagerDuty service linked',
    checkId: 'pagerduty-service-linked',
    status: 'passing',
    live: {
      state: 'pass',
      passing: true,
      message: 'Linked to PagerDuty service PCHKOUT',
      facts: [
        {
          label: 'PagerDuty service',
          value: 'PCHKOUT',
          sourceId: 'pagerduty:default',
          asOf: minutesFromNow(-3),
        },
      ],
      fix: { text: 'Add the pagerduty.com/service-id annotation' },
      evaluatedAt: minutesFromNow(-3),
    },
    snapshot: null,
    ...overrides,
  };
}

export function escalationItem(
  overrides: Partial<ReviewItem> = {},
): ReviewItem {
  return {
    id: 'escalation-tested',
    kind: 'attestation',
    title: 'Has the escalation policy been tested end to end?',
    evidence: 'required',
    reaffirmEveryDays: 90,
    status: 'unanswered',
    answer: null,
    ...overrides,
  };
}

export function slosMetItem(overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id: 'slos-met',
    kind: 'check',
    title: 'SLOs met',
    checkId: 'slo-met',
    status: 'failing',
    live: {
      state: 'fail',
      passing: false,
      message: 'checkout-availability burns its budget 14x too fast',
      facts: [
        {
          label: 'Budget remaining',
          value: '-12%',
          sourceId: 'prometheus:default',
          asOf: minutesFromNow(-2),
        },
      ],
      fix: {
        text: 'Stop the burn or lower the objective',
        url: 'https://sre.google/workbook/alerting-on-slos/',
      },
      evaluatedAt: minutesFromNow(-2),
    },
    snapshot: {
      state: 'pass',
      passing: true,
      message: 'Every SLO within budget',
      facts: [],
      evaluatedAt: minutesFromNow(-60 * 24 * 3),
      capturedAt: minutesFromNow(-60 * 24 * 2),
      reason: 'submit',
    },
    ...overrides,
  };
}

export function loadTestItem(overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id: 'load-test',
    kind: 'attestation',
    title: 'Was the service load-tested at 2x peak?',
    evidence: 'optional',
    reaffirmEveryDays: 180,
    status: 'passing',
    answer: {
      value: 'yes',
      evidence: [
        {
          url: 'https://wiki.example.com/load-test-2025',
          title: 'Load test report',
        },
      ],
      note: 'Ran against staging with production data volume',
      answeredBy: 'user:default/dana',
      answeredAt: minutesFromNow(-60 * 24 * 2),
      expiresAt: '2025-08-31T14:00:00.000Z',
    },
    ...overrides,
  };
}

export function section(
  id: string,
  title: string,
  items: ReviewItem[],
  overrides: Partial<ReviewSection> = {},
): ReviewSection {
  return {
    id,
    title,
    reviewerGroups: ['group:default/sre'],
    items,
    signoff: null,
    eligibility: { allowed: true },
    ...overrides,
  };
}

export function reviewOf(overrides: Partial<Review> = {}): Review {
  return {
    id: REVIEW_ID,
    entityRef: 'component:default/checkout-api',
    entityTitle: 'Checkout API',
    ownerRef: 'group:default/team-payments',
    stage: 'ga',
    templateId: 'ga-readiness',
    templateTitle: 'GA production readiness',
    templateVersion: 'a1b2c3',
    state: 'draft',
    dri: 'user:default/dana',
    targetDate: '2025-03-20',
    overdue: false,
    pendingReviewerGroups: ['group:default/sre'],
    sectionsSigned: 0,
    sectionsTotal: 2,
    driftCount: 0,
    createdAt: minutesFromNow(-60 * 24 * 3),
    updatedAt: minutesFromNow(-60),
    version: 4,
    tier: 'tier-1',
    sections: [
      section('oncall', 'Ownership and on-call', [
        linkedCheckItem(),
        escalationItem(),
      ]),
      section('slos', 'SLOs and alerting', [slosMetItem(), loadTestItem()]),
    ],
    drift: [],
    warnings: [],
    blockers: ['oncall/escalation-tested', 'slos/slos-met'],
    ...overrides,
  };
}

export function reviewEvents(): ReviewEvent[] {
  return [
    {
      seq: 1,
      at: minutesFromNow(-60 * 24 * 3),
      actor: 'user:default/dana',
      action: 'created',
      stateAfter: 'draft',
    },
    {
      seq: 2,
      at: minutesFromNow(-60 * 24 * 2),
      actor: 'user:default/dana',
      action: 'answered',
      sectionId: 'slos',
      itemId: 'load-test',
      details: { value: 'yes' },
    },
  ];
}

export function reviewResponse(
  review: Review = reviewOf(),
  events: ReviewEvent[] = reviewEvents(),
): ReviewResponse {
  return { review, events, generatedAt: NOW.toISOString() };
}

export function summaryOf(review: Review = reviewOf()): ReviewSummary {
  const {
    templateVersion: _v,
    tier: _t,
    sections: _s,
    drift: _d,
    warnings: _w,
    blockers: _b,
    ...summary
  } = review;
  return summary;
}

export function entityReviews(
  overrides: Partial<EntityReviewsResponse> = {},
): EntityReviewsResponse {
  return {
    entityRef: 'component:default/checkout-api',
    reviews: [summaryOf()],
    templates: [
      {
        templateId: 'ga-readiness',
        title: 'GA production readiness',
        openableStages: ['beta'],
      },
    ],
    canCreate: true,
    generatedAt: NOW.toISOString(),
    ...overrides,
  };
}

export function reviewList(
  overrides: Partial<ReviewListResponse> = {},
): ReviewListResponse {
  return {
    items: [
      summaryOf(),
      summaryOf(
        reviewOf({
          id: '7d1e2a33-0c5b-4f4e-8a61-2b9d8e6f5c21',
          entityRef: 'component:default/search-api',
          entityTitle: 'Search API',
          ownerRef: 'group:default/team-search',
          state: 'in-review',
          targetDate: '2025-03-01',
          overdue: true,
          sectionsSigned: 1,
        }),
      ),
    ],
    total: 2,
    page: 1,
    pageSize: 50,
    countsByState: { draft: 1, 'in-review': 1 },
    generatedAt: NOW.toISOString(),
    ...overrides,
  };
}
