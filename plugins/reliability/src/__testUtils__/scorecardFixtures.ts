/**
 * Scorecard answers shaped like the backend's for the demo fleet at
 * {@link NOW}: checkout-api at Bronze, kept from Silver by a level-1 gap,
 * with an exempt TechDocs check, an expired exemption and a check in error
 * because Prometheus is stale; team-payments' table; the fleet overview.
 */
import type {
  EntityScorecard,
  EntityScorecardResponse,
  FactFreshness,
  GroupScorecardResponse,
  RubricPreviewResponse,
  ScorecardCheckResult,
  ScorecardOverviewResponse,
  ScorecardRubricView,
  TeamScorecardRow,
} from '@preflight/plugin-reliability-common';
import { minutesFromNow, NOW } from './summaryFixtures';

interface CheckMeta {
  title: string;
  category: string;
  levelId: string;
}

const CHECKS: Record<string, CheckMeta> = {
  'owner-set': { title: 'Owner set', category: 'ownership', levelId: 'bronze' },
  'tier-set': { title: 'Tier set', category: 'metadata', levelId: 'bronze' },
  'pagerduty-service-linked': {
    title: 'PagerDuty service linked',
    category: 'on-call',
    levelId: 'bronze',
  },
  'runbook-linked': {
    title: 'Runbook linked',
    category: 'runbooks',
    levelId: 'bronze',
  },
  'level1-always-covered': {
    title: 'Level 1 always covered',
    category: 'on-call',
    levelId: 'silver',
  },
  'techdocs-annotation': {
    title: 'TechDocs annotation',
    category: 'documentation',
    levelId: 'silver',
  },
  'slo-defined': { title: 'SLOs defined', category: 'slos', levelId: 'silver' },
  'alert-rules-have-runbooks': {
    title: 'Alert rules have runbooks',
    category: 'runbooks',
    levelId: 'silver',
  },
  'slo-met': { title: 'SLOs met', category: 'slos', levelId: 'gold' },
  'slo-budget-left': {
    title: 'Error budget left',
    category: 'slos',
    levelId: 'gold',
  },
  'mtta-under-threshold': {
    title: 'MTTA under threshold',
    category: 'incidents',
    levelId: 'gold',
  },
  'rotation-has-multiple-people': {
    title: 'Rotation has several people',
    category: 'on-call',
    levelId: 'gold',
  },
};

/** Bronze, Silver, Gold with the checks above. */
export function rubricView(): ScorecardRubricView {
  const levels = [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ];
  return {
    version: 'rubric-v1',
    levels: levels.map(level => ({
      ...level,
      checkIds: Object.keys(CHECKS).filter(
        id => CHECKS[id].levelId === level.id,
      ),
    })),
    checks: Object.entries(CHECKS).map(([id, meta]) => ({
      id,
      title: meta.title,
      category: meta.category,
      description: `${meta.title}.`,
      levelId: meta.levelId,
    })),
  };
}

export const catalogFreshness: FactFreshness = {
  sourceId: 'catalog',
  asOf: minutesFromNow(-2),
  stale: false,
};
export const pagerDutyFreshness: FactFreshness = {
  sourceId: 'pagerduty:default',
  asOf: minutesFromNow(-3),
  stale: false,
};
export const stalePrometheus: FactFreshness = {
  sourceId: 'prometheus:main',
  asOf: minutesFromNow(-180),
  stale: true,
};

/** One check's result; passing follows the state unless overridden. */
export function checkResult(
  checkId: string,
  state: ScorecardCheckResult['state'],
  overrides: Partial<ScorecardCheckResult> = {},
): ScorecardCheckResult {
  const meta = CHECKS[checkId];
  return {
    checkId,
    title: meta.title,
    category: meta.category,
    description: `${meta.title}.`,
    fix: { text: `Fix ${meta.title.toLowerCase()}.` },
    levelId: meta.levelId,
    state,
    message: `${meta.title}: ${state}.`,
    facts: [],
    passing: state === 'pass' || state === 'warning',
    ...overrides,
  };
}

/** checkout-api's results: Bronze reached, Silver blocked by the gap. */
export function checkoutApiChecks(): ScorecardCheckResult[] {
  return [
    checkResult('owner-set', 'pass', {
      facts: [
        {
          label: 'Owner',
          value: 'group:default/team-payments',
          sourceId: 'catalog',
          asOf: catalogFreshness.asOf,
        },
      ],
    }),
    checkResult('tier-set', 'pass'),
    checkResult('pagerduty-service-linked', 'pass'),
    checkResult('runbook-linked', 'pass'),
    checkResult('level1-always-covered', 'fail', {
      message:
        'Nobody holds level 1 of "Payments escalation" for 4h 0m over the next 7 days (tonight 22:00–02:00 UTC).',
      facts: [
        {
          label: 'Level 1 gaps (next 7 days)',
          value: 1,
          sourceId: 'pagerduty:default',
          asOf: pagerDutyFreshness.asOf,
          stale: false,
        },
        {
          label: 'Longest gap',
          value: '4h 0m',
          sourceId: 'pagerduty:default',
          asOf: pagerDutyFreshness.asOf,
          stale: false,
        },
      ],
      fix: {
        text: 'Add a layer or an override to the level-1 schedule so every hour has someone on call.',
        url: 'https://support.pagerduty.com/docs/schedule-basics',
      },
    }),
    checkResult('techdocs-annotation', 'fail', {
      passing: true,
      message: 'The entity has no backstage.io/techdocs-ref annotation.',
      exemption: {
        checkId: 'techdocs-annotation',
        reason: 'Docs move to the new portal in Q2',
        approver: 'user:default/dana',
        expires: '2025-06-30',
        expired: false,
      },
    }),
    checkResult('slo-defined', 'pass'),
    checkResult('alert-rules-have-runbooks', 'not-applicable', {
      message: 'No alert rule is attributed to this entity.',
    }),
    checkResult('slo-met', 'error', {
      message:
        'Prometheus (main) has not synced since Mar 4, 11:00 UTC; SLO attainment is unknown.',
      facts: [
        {
          label: 'Attainment (30d)',
          value: '99.82%',
          sourceId: 'prometheus:main',
          asOf: stalePrometheus.asOf,
          stale: true,
        },
      ],
    }),
    checkResult('slo-budget-left', 'warning', {
      message: '18% of the error budget is left, below the 25% warning line.',
    }),
    checkResult('mtta-under-threshold', 'fail', {
      message: 'MTTA over 90 days is 42m, above the 30m threshold.',
      exemption: {
        checkId: 'mtta-under-threshold',
        reason: 'New paging flow rolling out',
        approver: 'user:default/erin',
        expires: '2025-02-28',
        expired: true,
      },
    }),
    checkResult('rotation-has-multiple-people', 'pass'),
  ];
}

/** A scorecard with counts and score computed from its results. */
export function scorecardOf(
  checks: ScorecardCheckResult[],
  overrides: Partial<EntityScorecard> = {},
): EntityScorecard {
  const applicable = checks.filter(check => check.state !== 'not-applicable');
  const count = (state: ScorecardCheckResult['state']) =>
    checks.filter(check => check.state === state).length;
  return {
    entityRef: 'component:default/checkout-api',
    level: { id: 'bronze', title: 'Bronze', index: 0 },
    score: Math.round(
      (100 * applicable.filter(check => check.passing).length) /
        Math.max(1, applicable.length),
    ),
    counts: {
      pass: count('pass'),
      fail: count('fail'),
      warning: count('warning'),
      notApplicable: count('not-applicable'),
      error: count('error'),
      exempt: checks.filter(
        check => check.exemption && !check.exemption.expired && check.passing,
      ).length,
    },
    nextLevel: {
      id: 'silver',
      title: 'Silver',
      index: 1,
      blockingCheckIds: ['level1-always-covered'],
    },
    checks,
    evaluatedAt: minutesFromNow(-4),
    sources: [catalogFreshness, pagerDutyFreshness, stalePrometheus],
    rubricVersion: 'rubric-v1',
    ...overrides,
  };
}

/** `GET /entities/component/default/checkout-api/scorecard`. */
export function checkoutApiScorecard(
  overrides: Partial<EntityScorecardResponse> = {},
): EntityScorecardResponse {
  const scorecard =
    overrides.scorecard !== undefined
      ? overrides.scorecard
      : scorecardOf(checkoutApiChecks());
  return {
    entityRef: 'component:default/checkout-api',
    state: 'ok',
    scorecard,
    // The backend's last evaluation run looked at it when it was evaluated.
    lastCheckedAt: scorecard?.evaluatedAt ?? null,
    // No change recorded (tests that show one override it).
    lastChangedAt: null,
    rubric: rubricView(),
    history: [
      { day: '2025-02-28', levelId: null, score: 55 },
      { day: '2025-03-01', levelId: 'bronze', score: 64 },
      { day: '2025-03-02', levelId: 'bronze', score: 64 },
      { day: '2025-03-03', levelId: 'bronze', score: 73 },
      { day: '2025-03-04', levelId: 'bronze', score: 73 },
    ],
    stale: true,
    generatedAt: NOW.toISOString(),
    ...overrides,
  };
}

/** A scorecard answer without a stored scorecard. */
export function scorecardInState(
  state: 'awaiting-evaluation' | 'not-in-scope',
): EntityScorecardResponse {
  return checkoutApiScorecard({
    state,
    scorecard: null,
    history: [],
    stale: false,
  });
}

/** One row of a team table, a healthy Silver service unless overridden. */
export function teamRow(
  name: string,
  overrides: Partial<TeamScorecardRow> = {},
): TeamScorecardRow {
  return {
    entityRef: `component:default/${name}`,
    kind: 'component',
    type: 'service',
    lifecycle: 'production',
    ownerRef: 'group:default/team-payments',
    levelId: 'silver',
    score: 85,
    failingChecks: 1,
    sloAttainment: 0.9993,
    sloObjective: 0.999,
    sloBudgetRemaining: 0.3,
    onCallCovered: true,
    mttrSeconds: 45 * 60,
    openIncidents: 0,
    evaluatedAt: minutesFromNow(-4),
    stale: false,
    ...overrides,
  };
}

/** team-payments and its sub-team team-fraud. */
export function paymentsTeamScorecards(): GroupScorecardResponse {
  return {
    groupRef: 'group:default/team-payments',
    groupRefs: ['group:default/team-payments', 'group:default/team-fraud'],
    rubric: rubricView(),
    rows: [
      teamRow('checkout-api', {
        title: 'Checkout API',
        levelId: 'bronze',
        score: 73,
        failingChecks: 3,
        sloAttainment: 0.9982,
        sloBudgetRemaining: 0.18,
        onCallCovered: false,
        mttrSeconds: 95 * 60,
        openIncidents: 1,
        stale: true,
      }),
      teamRow('payments-gateway', {
        score: 91,
        failingChecks: 1,
        sloAttainment: 0.9951,
        sloObjective: 0.995,
        sloBudgetRemaining: 0.02,
        sloAlert: 'page',
        mttrSeconds: 30 * 60,
      }),
      teamRow('fraud-rules', {
        ownerRef: 'group:default/team-fraud',
        levelId: null,
        score: 40,
        failingChecks: 6,
        sloAttainment: null,
        sloObjective: null,
        sloBudgetRemaining: null,
        onCallCovered: null,
        mttrSeconds: null,
        openIncidents: null,
      }),
      teamRow('commerce', {
        entityRef: 'system:default/commerce',
        title: 'Commerce, "core" platform',
        kind: 'system',
        type: undefined,
        levelId: 'gold',
        score: 100,
        failingChecks: 0,
        sloAttainment: null,
        sloObjective: null,
        sloBudgetRemaining: null,
        onCallCovered: null,
        mttrSeconds: null,
        openIncidents: null,
      }),
    ],
    total: 4,
    offset: 0,
    limit: 25,
    entities: 4,
    averageScore: 76,
    staleEntities: 1,
    distribution: { none: 1, bronze: 1, silver: 1, gold: 1 },
    facets: {
      ownerRefs: ['group:default/team-fraud', 'group:default/team-payments'],
      tiers: [],
      lifecycles: ['experimental', 'production'],
    },
    trend: [
      { day: '2025-03-02', counts: { none: 2, bronze: 1, silver: 1, gold: 0 } },
      {
        day: '2025-03-03',
        counts: { none: 2, bronze: 1, silver: 1, gold: 0 },
        carried: true,
      },
      { day: '2025-03-04', counts: { none: 1, bronze: 1, silver: 1, gold: 1 } },
    ],
    historySince: '2025-03-02',
    lastEvaluatedAt: minutesFromNow(-4),
    generatedAt: NOW.toISOString(),
  };
}

/** `GET /scorecards/overview` for three teams. */
export function fleetOverview(): ScorecardOverviewResponse {
  return {
    rubric: rubricView(),
    totalEntities: 24,
    distribution: { none: 5, bronze: 9, silver: 7, gold: 3 },
    teams: [
      {
        groupRef: 'group:default/team-platform',
        title: 'Platform',
        rank: 1,
        entities: 8,
        includesSubTeams: false,
        averageScore: 91.4,
        distribution: { none: 0, bronze: 2, silver: 4, gold: 2 },
      },
      {
        groupRef: 'group:default/team-payments',
        title: 'Payments',
        rank: 2,
        entities: 10,
        includesSubTeams: false,
        averageScore: 72.25,
        distribution: { none: 2, bronze: 5, silver: 2, gold: 1 },
      },
      {
        groupRef: 'group:default/team-search',
        rank: 3,
        entities: 6,
        includesSubTeams: false,
        averageScore: 48,
        distribution: { none: 3, bronze: 2, silver: 1, gold: 0 },
      },
    ],
    departments: [
      {
        groupRef: 'group:default/engineering',
        title: 'Engineering',
        rank: 1,
        entities: 24,
        includesSubTeams: true,
        averageScore: 72.1,
        distribution: { none: 5, bronze: 9, silver: 7, gold: 3 },
      },
    ],
    failingChecks: [
      {
        checkId: 'slo-defined',
        title: 'SLOs defined',
        category: 'slos',
        levelId: 'silver',
        failing: 11,
        errors: 0,
        applicable: 18,
        teams: [
          { groupRef: 'group:default/team-payments', failing: 6, errors: 0 },
          { groupRef: 'group:default/team-search', failing: 4, errors: 0 },
          { groupRef: 'group:default/team-platform', failing: 1, errors: 0 },
        ],
      },
      {
        checkId: 'level1-always-covered',
        title: 'Level 1 always covered',
        category: 'on-call',
        levelId: 'silver',
        failing: 6,
        errors: 2,
        applicable: 18,
        teams: [
          { groupRef: 'group:default/team-search', failing: 4, errors: 2 },
          { groupRef: 'group:default/team-payments', failing: 2, errors: 0 },
        ],
      },
      {
        checkId: 'techdocs-annotation',
        title: 'TechDocs annotation',
        category: 'documentation',
        levelId: 'silver',
        failing: 4,
        errors: 0,
        applicable: 24,
        teams: [
          { groupRef: 'group:default/team-search', failing: 3, errors: 0 },
        ],
      },
    ],
    trend: [
      { day: '2025-03-02', counts: { none: 8, bronze: 9, silver: 5, gold: 2 } },
      { day: '2025-03-03', counts: { none: 6, bronze: 9, silver: 6, gold: 3 } },
      { day: '2025-03-04', counts: { none: 5, bronze: 9, silver: 7, gold: 3 } },
    ],
    lastEvaluatedAt: minutesFromNow(-4),
    generatedAt: NOW.toISOString(),
  };
}

/** What adding "SLOs defined" to Bronze would do. */
export function sloDefinedToBronzePreview(): RubricPreviewResponse {
  return {
    changes: [{ op: 'add', checkId: 'slo-defined', levelId: 'bronze' }],
    before: { none: 5, bronze: 9, silver: 7, gold: 3 },
    after: { none: 9, bronze: 5, silver: 7, gold: 3 },
    droppedCount: 4,
    raisedCount: 0,
    moves: [
      {
        entityRef: 'component:default/checkout-api',
        ownerRef: 'group:default/team-payments',
        from: 'bronze',
        to: null,
      },
      {
        entityRef: 'component:default/search-api',
        ownerRef: 'group:default/team-search',
        from: 'bronze',
        to: null,
      },
      {
        entityRef: 'component:default/indexer',
        ownerRef: 'group:default/team-search',
        from: 'bronze',
        to: null,
      },
      {
        entityRef: 'component:default/ledger',
        ownerRef: 'group:default/team-payments',
        from: 'bronze',
        to: null,
      },
    ],
    summary: 'Adding “SLOs defined” to Bronze drops 4 entities below Bronze.',
    generatedAt: NOW.toISOString(),
  };
}
