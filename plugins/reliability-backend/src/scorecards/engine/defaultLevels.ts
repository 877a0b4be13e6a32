import type { RubricLevel } from '@preflight/plugin-reliability-common';

/** The entity kinds scorecards cover unless configured otherwise. */
export const DEFAULT_SCORECARD_KINDS = [
  'component',
  'api',
  'resource',
  'system',
];

/**
 * The levels used when the configuration gives none: bronze is "someone
 * owns it and can be paged", silver "the on-call setup and SLOs are real",
 * gold "it meets its SLOs and incidents are handled fast".
 */
export const DEFAULT_SCORECARD_LEVELS: RubricLevel[] = [
  {
    id: 'bronze',
    title: 'Bronze',
    checks: [
      'owner-set',
      'owner-group-has-members',
      'lifecycle-set',
      'system-set',
      'tier-set',
      'pagerduty-service-linked',
      'runbook-linked',
    ],
  },
  {
    id: 'silver',
    title: 'Silver',
    checks: [
      'escalation-policy-levels',
      'level1-always-covered',
      'paging-team-matches-owner',
      'slo-defined',
      'techdocs-annotation',
      'alert-rules-have-runbooks',
    ],
  },
  {
    id: 'gold',
    title: 'Gold',
    checks: [
      'rotation-has-multiple-people',
      'slo-met',
      'slo-budget-left',
      'slo-no-page-alert',
      'mtta-under-threshold',
      'mttr-under-threshold',
      'no-stale-high-urgency-incident',
    ],
  },
];
