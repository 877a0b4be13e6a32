import {
  buildReadinessFacts,
  freshSource,
  NOW,
  staleSource,
} from './__testUtils__/buildReadinessFacts';
import { builtinScorecardChecks } from './checks';
import {
  computeScorecardScore,
  evaluateScorecard,
  type EvaluateScorecardOptions,
} from './evaluateScorecard';
import { resolveScorecardRubric } from './resolveScorecardRubric';
import type {
  EntityReadinessFacts,
  ScorecardCheck,
} from '@preflight/plugin-reliability-node';
import type { ScorecardExemption } from '@preflight/plugin-reliability-common';

const implementations = new Map(
  builtinScorecardChecks.map(check => [check.id, check]),
);
const rubric = resolveScorecardRubric({ checks: builtinScorecardChecks });

function evaluate(
  facts: EntityReadinessFacts,
  options: Partial<EvaluateScorecardOptions> = {},
) {
  return evaluateScorecard({
    facts,
    rubric,
    implementations,
    now: NOW,
    ...options,
  });
}

const sloExemption: ScorecardExemption = {
  checkId: 'slo-defined',
  reason: 'SLOs are being defined this quarter',
  approver: 'user:default/dana',
  expires: '2027-01-31',
};

const withoutSlos = (exemptions: ScorecardExemption[] = []) =>
  buildReadinessFacts({
    slos: { declared: false, slos: [], freshness: [] },
    exemptions,
  });

describe('evaluateScorecard', () => {
  // Counts include readiness-review-approved, which passes: the fixture
  // holds an approved GA review.
  it('gives a well-run tier-1 service gold with a full score', async () => {
    const scorecard = await evaluate(buildReadinessFacts());
    expect(scorecard).toMatchObject({
      entityRef: 'component:default/checkout',
      level: { id: 'gold', title: 'Gold', index: 2 },
      nextLevel: null,
      score: 100,
      counts: {
        pass: 25,
        fail: 0,
        warning: 0,
        notApplicable: 0,
        error: 0,
        exempt: 0,
      },
      evaluatedAt: '2026-11-23T12:00:00.000Z',
      rubricVersion: rubric.version,
    });
    expect(scorecard!.checks).toHaveLength(25);
    expect(scorecard!.checks.every(check => check.passing)).toBe(true);
  });

  it('tells each result its level, presentation and facts', async () => {
    const scorecard = await evaluate(buildReadinessFacts());
    const mtta = scorecard!.checks.find(
      check => check.checkId === 'mtta-under-threshold',
    );
    expect(mtta).toMatchObject({
      levelId: 'gold',
      title: 'Pages acknowledged fast',
      category: 'incidents',
      fix: { text: expect.any(String), url: 'https://response.pagerduty.com/' },
      state: 'pass',
      message: 'MTTA over 90 days is 3m; the limit is 5m for tier-1',
      passing: true,
    });
    expect(mtta!.exemption).toBeUndefined();
  });

  it('lists the sources the facts came from once each', async () => {
    const scorecard = await evaluate(
      buildReadinessFacts({
        alertRules: {
          freshness: [
            freshSource('prometheus:main'),
            staleSource('prometheus:edge'),
          ],
        },
      }),
    );
    expect(scorecard!.sources).toEqual([
      freshSource('pagerduty:default'),
      staleSource('prometheus:edge'),
      freshSource('prometheus:main'),
    ]);
  });

  it('is out of scope (null) for an entity no check applies to', async () => {
    const group = buildReadinessFacts({
      entityRef: 'group:default/team-payments',
      entity: { kind: 'Group', metadata: { name: 'team-payments' } },
    });
    expect(await evaluate(group)).toBeNull();
  });

  it('keeps checks that do not apply as not-applicable, out of the score', async () => {
    const api = buildReadinessFacts({
      entityRef: 'api:default/checkout-api',
      entity: { kind: 'API', metadata: { name: 'checkout-api' } },
    });
    const scorecard = await evaluate(api);
    const runbook = scorecard!.checks.find(
      check => check.checkId === 'runbook-linked',
    );
    expect(runbook).toMatchObject({
      state: 'not-applicable',
      message: 'Does not apply to this entity (it applies to kinds component)',
      passing: false,
    });
    expect(scorecard!.counts).toEqual({
      pass: 7,
      fail: 0,
      warning: 0,
      notApplicable: 18,
      error: 0,
      exempt: 0,
    });
    expect(scorecard!.score).toBe(100);
    expect(scorecard!.level?.id).toBe('gold');
  });

  it('works out the score from the applicable checks', async () => {
    // tier-set fails; with no SLOs slo-defined fails and three SLO checks are not applicable.
    const facts = buildReadinessFacts({
      tier: undefined,
      entity: {
        metadata: { annotations: { 'preflight.dev/tier': undefined } },
      },
      slos: { declared: false, slos: [], freshness: [] },
    });
    const scorecard = await evaluate(facts);
    expect(scorecard!.counts).toMatchObject({
      pass: 20,
      fail: 2,
      notApplicable: 3,
    });
    expect(scorecard!.score).toBe(Math.round((100 * 20) / 22));
    expect(scorecard!.level).toBeNull();
    expect(scorecard!.nextLevel).toEqual({
      id: 'bronze',
      title: 'Bronze',
      index: 0,
      blockingCheckIds: ['tier-set'],
    });
  });

  it('counts warnings as passing', async () => {
    const scorecard = await evaluate(
      buildReadinessFacts({ onCall: { incidents: { mttaSeconds: null } } }),
    );
    expect(scorecard!.counts).toMatchObject({ pass: 24, warning: 1 });
    expect(scorecard!.score).toBe(100);
    expect(scorecard!.level?.id).toBe('gold');
  });

  it('points every check a broken PagerDuty link keeps from being judged at that one root cause', async () => {
    const scorecard = await evaluate(
      buildReadinessFacts({
        onCall: {
          state: 'unknown-service',
          serviceId: 'PGONE',
          service: undefined,
          escalationPolicy: undefined,
          incidents: undefined,
        },
      }),
    );
    const link = scorecard!.checks.find(
      check => check.checkId === 'pagerduty-service-linked',
    )!;
    expect(link.state).toBe('fail');
    expect(link.blockedBy).toBeUndefined();
    const blocked = scorecard!.checks.filter(
      check => check.blockedBy === 'pagerduty-service-linked',
    );
    expect(blocked.map(check => check.checkId)).toEqual(
      expect.arrayContaining([
        'escalation-policy-levels',
        'level1-always-covered',
        'rotation-has-multiple-people',
        'mttr-under-threshold',
      ]),
    );
    // Blocked checks still fail: levels are not reached by a broken link.
    expect(blocked.every(check => !check.passing)).toBe(true);
    // Checks that do not read PagerDuty are not blocked.
    expect(
      scorecard!.checks.find(check => check.checkId === 'owner-set')?.blockedBy,
    ).toBeUndefined();
  });

  it('does not point at a prerequisite that passes or is not in the rubric', async () => {
    const isLink = (id: string) => id === 'pagerduty-service-linked';
    const withoutLink = {
      ...rubric,
      checks: rubric.checks.filter(check => !isLink(check.id)),
      levels: rubric.levels.map(level => ({
        ...level,
        checks: level.checks.filter(id => !isLink(id)),
      })),
    };
    const scorecard = await evaluate(
      buildReadinessFacts({
        onCall: {
          state: 'unknown-service',
          serviceId: 'PGONE',
          service: undefined,
          escalationPolicy: undefined,
          incidents: undefined,
        },
      }),
      { rubric: withoutLink },
    );
    expect(scorecard!.checks.some(check => check.blockedBy)).toBe(false);
    const healthy = await evaluate(buildReadinessFacts());
    expect(healthy!.checks.some(check => check.blockedBy)).toBe(false);
  });

  it('blocks levels on errors from stale sources', async () => {
    const scorecard = await evaluate(
      buildReadinessFacts({
        onCall: { freshness: staleSource('pagerduty:default') },
      }),
    );
    expect(scorecard!.level).toBeNull();
    expect(scorecard!.nextLevel).toMatchObject({
      id: 'bronze',
      blockingCheckIds: ['pagerduty-service-linked'],
    });
    // Stale on-call data: the 8 checks that read it before, and
    // the 4 report checks, which read the same PagerDuty service.
    expect(scorecard!.counts.error).toBe(12);
  });

  describe('exemptions', () => {
    it('count as passing before expiry', async () => {
      const scorecard = await evaluate(withoutSlos([sloExemption]), {
        now: new Date('2027-01-10T09:00:00.000Z'),
      });
      const result = scorecard!.checks.find(
        check => check.checkId === 'slo-defined',
      );
      expect(result).toMatchObject({
        state: 'fail',
        passing: true,
        exemption: { ...sloExemption, expired: false },
      });
      expect(scorecard!.counts).toMatchObject({ fail: 0, exempt: 1 });
      expect(scorecard!.level?.id).toBe('gold');
    });

    it('still hold on their expiry day, until midnight UTC', async () => {
      const scorecard = await evaluate(withoutSlos([sloExemption]), {
        now: new Date('2027-01-31T23:59:59.000Z'),
      });
      const result = scorecard!.checks.find(
        check => check.checkId === 'slo-defined',
      );
      expect(result).toMatchObject({
        passing: true,
        exemption: { expired: false },
      });
      expect(scorecard!.level?.id).toBe('gold');
    });

    it('stop holding the day after expiry, and stay shown as expired', async () => {
      const scorecard = await evaluate(withoutSlos([sloExemption]), {
        now: new Date('2027-02-01T00:00:00.000Z'),
      });
      const result = scorecard!.checks.find(
        check => check.checkId === 'slo-defined',
      );
      expect(result).toMatchObject({
        state: 'fail',
        passing: false,
        exemption: { ...sloExemption, expired: true },
      });
      expect(scorecard!.counts).toMatchObject({ fail: 1, exempt: 0 });
      expect(scorecard!.level?.id).toBe('bronze');
      expect(scorecard!.nextLevel?.blockingCheckIds).toEqual(['slo-defined']);
    });

    it('use the renewal when an expired entry is still in the file', async () => {
      const scorecard = await evaluate(
        withoutSlos([sloExemption, { ...sloExemption, expires: '2027-06-30' }]),
        { now: new Date('2027-03-01T00:00:00.000Z') },
      );
      const result = scorecard!.checks.find(
        check => check.checkId === 'slo-defined',
      );
      expect(result).toMatchObject({
        passing: true,
        exemption: { expires: '2027-06-30', expired: false },
      });
    });

    it('cover errors too', async () => {
      const scorecard = await evaluate(
        buildReadinessFacts({
          onCall: { incidents: undefined },
          exemptions: [
            { ...sloExemption, checkId: 'mtta-under-threshold' },
            { ...sloExemption, checkId: 'mttr-under-threshold' },
            { ...sloExemption, checkId: 'no-stale-high-urgency-incident' },
          ],
        }),
      );
      expect(scorecard!.counts).toMatchObject({ error: 0, exempt: 3 });
      expect(scorecard!.level?.id).toBe('gold');
    });

    it('do not turn a not-applicable check into a passing one', async () => {
      const scorecard = await evaluate(
        withoutSlos([{ ...sloExemption, checkId: 'slo-met' }]),
      );
      const result = scorecard!.checks.find(
        check => check.checkId === 'slo-met',
      );
      expect(result).toMatchObject({ state: 'not-applicable', passing: false });
      expect(scorecard!.counts).toMatchObject({ notApplicable: 3, exempt: 0 });
    });
  });

  describe('custom checks', () => {
    const custom = (
      evaluateCheck: ScorecardCheck['evaluate'],
    ): ScorecardCheck => ({
      id: 'dependencies-declared',
      defaults: {
        title: 'Dependencies declared',
        category: 'metadata',
        description: 'd',
        fix: { text: 'f' },
        appliesTo: { kinds: ['component'] },
      },
      evaluate: evaluateCheck,
    });

    async function evaluateWith(check: ScorecardCheck) {
      const installed = [...builtinScorecardChecks, check];
      return evaluate(buildReadinessFacts(), {
        rubric: resolveScorecardRubric({ checks: installed }),
        implementations: new Map(installed.map(item => [item.id, item])),
      });
    }

    it('run with the same facts and count without a level', async () => {
      const scorecard = await evaluateWith(
        custom(async ({ facts }) => ({
          state: 'fail',
          message: `${facts.entityRef} declares no dependencies`,
          facts: [],
        })),
      );
      const result = scorecard!.checks.find(
        check => check.checkId === 'dependencies-declared',
      );
      expect(result).toMatchObject({
        levelId: null,
        state: 'fail',
        message: 'component:default/checkout declares no dependencies',
      });
      expect(scorecard!.score).toBe(Math.round((100 * 25) / 26));
      expect(scorecard!.level?.id).toBe('gold');
    });

    it('turn into an error naming the check when they throw', async () => {
      const scorecard = await evaluateWith(
        custom(() => {
          throw new Error('catalog relation missing');
        }),
      );
      const result = scorecard!.checks.find(
        check => check.checkId === 'dependencies-declared',
      );
      expect(result).toMatchObject({
        state: 'error',
        message:
          'Check "dependencies-declared" failed to run: catalog relation missing',
        passing: false,
      });
      expect(scorecard!.counts.error).toBe(1);
    });

    it('turn into an error when they return no valid result', async () => {
      const scorecard = await evaluateWith(
        custom(() => ({ state: 'ok', message: 'fine' } as never)),
      );
      const result = scorecard!.checks.find(
        check => check.checkId === 'dependencies-declared',
      );
      expect(result).toMatchObject({ state: 'error', passing: false });
      expect(result!.message).toContain(
        'Check "dependencies-declared" returned no valid result',
      );
    });

    it('are awaited when asynchronous, and a rejection or an invalid answer is an error', async () => {
      const find = (scorecard: Awaited<ReturnType<typeof evaluateWith>>) =>
        scorecard!.checks.find(
          check => check.checkId === 'dependencies-declared',
        );
      expect(
        find(
          await evaluateWith(
            custom(async () => ({
              state: 'pass' as const,
              message: 'depends on the ledger',
              facts: [],
            })),
          ),
        ),
      ).toMatchObject({
        state: 'pass',
        message: 'depends on the ledger',
        passing: true,
      });
      expect(
        find(
          await evaluateWith(
            custom(async () => {
              throw new Error('catalog timed out');
            }),
          ),
        ),
      ).toMatchObject({
        state: 'error',
        message:
          'Check "dependencies-declared" failed to run: catalog timed out',
        passing: false,
      });
      expect(
        find(
          await evaluateWith(custom(async () => ({ state: 'ok' } as never))),
        )!.message,
      ).toContain('Check "dependencies-declared" returned no valid result');
    });

    it('is an error when the rubric names an implementation that is not installed', async () => {
      const scorecard = await evaluate(buildReadinessFacts(), {
        implementations: new Map(
          builtinScorecardChecks
            .filter(check => check.id !== 'tier-set')
            .map(check => [check.id, check]),
        ),
      });
      const result = scorecard!.checks.find(
        check => check.checkId === 'tier-set',
      );
      expect(result).toMatchObject({
        state: 'error',
        message: 'No check implementation "tier-set" is installed',
      });
      expect(scorecard!.level).toBeNull();
    });
  });
});

describe('computeScorecardScore', () => {
  it('rounds the share of passing applicable checks', () => {
    expect(
      computeScorecardScore([
        { state: 'pass', passing: true },
        { state: 'fail', passing: false },
        { state: 'warning', passing: true },
        { state: 'not-applicable', passing: false },
      ]),
    ).toBe(67);
  });

  it('is 100 without applicable checks', () => {
    expect(
      computeScorecardScore([{ state: 'not-applicable', passing: false }]),
    ).toBe(100);
  });
});
