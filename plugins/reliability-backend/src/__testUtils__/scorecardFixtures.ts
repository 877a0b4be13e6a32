import type {
  CheckState,
  EntityScorecard,
  RubricCheck,
  ScorecardCheckResult,
  ScorecardRubric,
} from '@preflight/plugin-reliability-common';
import type { StoredScorecard } from '../scorecards/ScorecardStore';

function check(
  id: string,
  category: string,
  title: string,
  kinds?: string[],
): RubricCheck {
  return {
    id,
    implementation: id,
    title,
    category,
    description: `${title}.`,
    fix: { text: `Make "${title}" pass.` },
    appliesTo: kinds ? { kinds } : {},
    params: {},
    paramsByTier: {},
  };
}

/**
 * A small rubric: bronze (owner, runbook), silver (escalation policy, SLOs
 * defined), gold (SLOs met), and an informational TechDocs check that the
 * preview tests move into a level.
 */
export const testRubric: ScorecardRubric = {
  checks: [
    check('owner-set', 'ownership', 'Owner set'),
    check('runbook-linked', 'runbooks', 'Runbook linked', ['component']),
    check('escalation-policy-levels', 'on-call', 'Escalation policy', [
      'component',
    ]),
    check('slo-defined', 'slos', 'SLOs defined', ['component']),
    check('slo-met', 'slos', 'SLOs met', ['component']),
    check('techdocs-annotation', 'documentation', 'TechDocs'),
  ],
  levels: [
    { id: 'bronze', title: 'Bronze', checks: ['owner-set', 'runbook-linked'] },
    {
      id: 'silver',
      title: 'Silver',
      checks: ['escalation-policy-levels', 'slo-defined'],
    },
    { id: 'gold', title: 'Gold', checks: ['slo-met'] },
  ],
  version: 'rubric-v1',
};

/** A check result in a fixture: its state, or its state with an exemption. */
export type FixtureCheck = CheckState | { state: CheckState; exempt: true };

/**
 * A stored scorecard written by hand (no evaluator): the level is given, the
 * score and counts follow from the checks.
 */
export function storedScorecard(options: {
  entityRef: string;
  ownerRef: string;
  levelId: string | null;
  checks: Record<string, FixtureCheck>;
  evaluatedAt?: string;
  rubricVersion?: string;
  staleSource?: boolean;
  fingerprint?: string;
}): StoredScorecard {
  const evaluatedAt = options.evaluatedAt ?? '2026-11-20T10:00:00.000Z';
  const rubricCheck = new Map(testRubric.checks.map(c => [c.id, c]));
  const checks: ScorecardCheckResult[] = Object.entries(options.checks).map(
    ([checkId, fixture]) => {
      const state = typeof fixture === 'string' ? fixture : fixture.state;
      const exempt = typeof fixture !== 'string';
      const presentation = rubricCheck.get(checkId) ?? testRubric.checks[0];
      return {
        checkId,
        title: presentation.title,
        category: presentation.category,
        description: presentation.description,
        fix: presentation.fix,
        levelId:
          testRubric.levels.find(l => l.checks.includes(checkId))?.id ?? null,
        state,
        message: `${checkId} is ${state}`,
        facts: [{ label: 'checked', value: true, sourceId: 'catalog' }],
        passing: exempt || state === 'pass' || state === 'warning',
        ...(exempt
          ? {
              exemption: {
                checkId,
                reason: 'migrating',
                approver: 'user:default/dana',
                expires: '2099-01-31',
                expired: false,
              },
            }
          : {}),
      };
    },
  );
  const applicable = checks.filter(c => c.state !== 'not-applicable');
  const passing = applicable.filter(c => c.passing).length;
  const score =
    applicable.length === 0
      ? 100
      : Math.round((100 * passing) / applicable.length);
  const levelIndex = testRubric.levels.findIndex(l => l.id === options.levelId);
  const level =
    levelIndex >= 0
      ? {
          id: testRubric.levels[levelIndex].id,
          title: testRubric.levels[levelIndex].title,
          index: levelIndex,
        }
      : null;
  const next = testRubric.levels[levelIndex + 1];
  const count = (state: CheckState) =>
    checks.filter(c => c.state === state).length;
  const scorecard: EntityScorecard = {
    entityRef: options.entityRef,
    level,
    score,
    counts: {
      pass: count('pass'),
      fail: count('fail'),
      warning: count('warning'),
      notApplicable: count('not-applicable'),
      error: count('error'),
      exempt: checks.filter(c => c.exemption).length,
    },
    nextLevel: next
      ? {
          id: next.id,
          title: next.title,
          index: levelIndex + 1,
          blockingCheckIds: checks
            .filter(c => next.checks.includes(c.checkId) && !c.passing)
            .map(c => c.checkId),
        }
      : null,
    checks,
    evaluatedAt,
    sources: [
      {
        sourceId: 'catalog',
        asOf: evaluatedAt,
        stale: false,
      },
      {
        sourceId: 'pagerduty:default',
        asOf: evaluatedAt,
        stale: options.staleSource ?? false,
      },
    ],
    rubricVersion: options.rubricVersion ?? testRubric.version,
  };
  const [kind, rest] = options.entityRef.split(':');
  return {
    row: {
      entityRef: options.entityRef,
      title: rest.split('/')[1],
      kind,
      ownerRef: options.ownerRef,
      levelId: options.levelId,
      score,
      failingChecks: checks.filter(
        c => (c.state === 'fail' || c.state === 'error') && !c.passing,
      ).length,
      sloAttainment: null,
      sloObjective: null,
      sloBudgetRemaining: null,
      onCallCovered: null,
      mttrSeconds: null,
      openIncidents: null,
      evaluatedAt,
      stale: options.staleSource ?? false,
    },
    scorecard,
    fingerprint: options.fingerprint ?? `fp-${options.entityRef}-${score}`,
  };
}

const all = (
  overrides: Record<string, FixtureCheck>,
): Record<string, FixtureCheck> => ({
  'owner-set': 'pass',
  'runbook-linked': 'pass',
  'escalation-policy-levels': 'pass',
  'slo-defined': 'pass',
  'slo-met': 'pass',
  'techdocs-annotation': 'pass',
  ...overrides,
});

/** Groups of {@link scorecardFleet}: payments ⊃ fraud; search alone. */
export const scorecardGroups = {
  payments: 'group:default/team-payments',
  fraud: 'group:default/team-fraud',
  search: 'group:default/team-search',
};

/** The closure of {@link scorecardGroups}, self included. */
export const scorecardAncestry = [
  { groupRef: scorecardGroups.payments, ancestorRef: scorecardGroups.payments },
  { groupRef: scorecardGroups.fraud, ancestorRef: scorecardGroups.fraud },
  { groupRef: scorecardGroups.fraud, ancestorRef: scorecardGroups.payments },
  { groupRef: scorecardGroups.search, ancestorRef: scorecardGroups.search },
];

/**
 * Five services across three teams, every level represented:
 * checkout-api silver (67), ledger-service bronze (60), fraud-detector none
 * (17), fraud-api silver thanks to an exemption (67), search-api gold (100).
 * TechDocs fails on checkout-api, fraud-detector and fraud-api.
 */
export function scorecardFleet(): StoredScorecard[] {
  const { payments, fraud, search } = scorecardGroups;
  return [
    storedScorecard({
      entityRef: 'component:default/checkout-api',
      ownerRef: payments,
      levelId: 'silver',
      checks: all({ 'slo-met': 'fail', 'techdocs-annotation': 'fail' }),
    }),
    storedScorecard({
      entityRef: 'component:default/ledger-service',
      ownerRef: payments,
      levelId: 'bronze',
      checks: all({
        'escalation-policy-levels': 'error',
        'slo-defined': 'fail',
        'slo-met': 'not-applicable',
      }),
    }),
    storedScorecard({
      entityRef: 'component:default/fraud-detector',
      ownerRef: fraud,
      levelId: null,
      checks: {
        'owner-set': 'pass',
        'runbook-linked': 'fail',
        'escalation-policy-levels': 'fail',
        'slo-defined': 'fail',
        'slo-met': 'fail',
        'techdocs-annotation': 'fail',
      },
    }),
    storedScorecard({
      entityRef: 'component:default/fraud-api',
      ownerRef: fraud,
      levelId: 'silver',
      checks: all({
        'slo-defined': { state: 'fail', exempt: true },
        'slo-met': 'fail',
        'techdocs-annotation': 'fail',
      }),
    }),
    storedScorecard({
      entityRef: 'component:default/search-api',
      ownerRef: search,
      levelId: 'gold',
      checks: all({}),
    }),
  ];
}
