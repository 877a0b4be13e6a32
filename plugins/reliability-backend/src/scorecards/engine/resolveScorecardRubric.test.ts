import { builtinScorecardChecks } from './checks';
import { DEFAULT_SCORECARD_LEVELS } from './defaultLevels';
import {
  resolveScorecardRubric,
  ScorecardConfigError,
} from './resolveScorecardRubric';
import type { ScorecardCheck } from '@preflight/plugin-reliability-node';

const checks = builtinScorecardChecks;

/** The problems a configuration is rejected with, as `path: message`. */
function problemsOf(
  config: unknown,
  installed: ScorecardCheck[] = checks,
): string[] {
  try {
    resolveScorecardRubric({ config, checks: installed });
  } catch (error) {
    expect(error).toBeInstanceOf(ScorecardConfigError);
    return (error as ScorecardConfigError).problems.map(
      problem => `${problem.path}: ${problem.message}`,
    );
  }
  throw new Error('the configuration was accepted');
}

const bronzeOnly = [{ id: 'bronze', title: 'Bronze', checks: ['owner-set'] }];

describe('resolveScorecardRubric', () => {
  describe('without configuration', () => {
    it('uses every installed check with its defaults and the default levels', () => {
      const rubric = resolveScorecardRubric({ checks });
      expect(rubric.checks.map(check => check.id)).toEqual(
        checks.map(check => check.id),
      );
      expect(rubric.levels).toEqual(DEFAULT_SCORECARD_LEVELS);
      expect(rubric.levels).not.toBe(DEFAULT_SCORECARD_LEVELS);
      const mtta = rubric.checks.find(
        check => check.id === 'mtta-under-threshold',
      );
      expect(mtta).toMatchObject({
        implementation: 'mtta-under-threshold',
        title: 'Pages acknowledged fast',
        category: 'incidents',
        appliesTo: { kinds: ['component'] },
        params: { maxMttaMinutes: 30 },
        paramsByTier: { 'tier-1': { maxMttaMinutes: 5 } },
      });
    });

    it('has a version that is stable across calls and follows every change', () => {
      const version = resolveScorecardRubric({ checks }).version;
      expect(version).toMatch(/^[0-9a-f]{16}$/);
      expect(resolveScorecardRubric({ checks, config: {} }).version).toBe(
        version,
      );
      const changed = resolveScorecardRubric({
        checks,
        config: { checks: [...checks.map(check => ({ id: check.id }))] },
      });
      expect(changed.version).toBe(version);

      const withParam = resolveScorecardRubric({
        checks,
        config: {
          checks: checks.map(check =>
            check.id === 'escalation-policy-levels'
              ? { id: check.id, params: { minLevels: 3 } }
              : { id: check.id },
          ),
        },
      });
      expect(withParam.version).not.toBe(version);
      const withLevelTitle = resolveScorecardRubric({
        checks,
        config: {
          levels: DEFAULT_SCORECARD_LEVELS.map(level => ({
            ...level,
            title: level.title.toUpperCase(),
          })),
        },
      });
      expect(withLevelTitle.version).not.toBe(version);
    });

    it('does not depend on the order keys are written in', () => {
      const config = (params: Record<string, number>) => ({
        checks: [{ id: 'slo-budget-left', params }],
        levels: [{ id: 'gold', title: 'Gold', checks: ['slo-budget-left'] }],
      });
      expect(
        resolveScorecardRubric({
          checks,
          config: config({ minBudgetRemaining: 0.1, warnBudgetRemaining: 0.3 }),
        }).version,
      ).toBe(
        resolveScorecardRubric({
          checks,
          config: config({ warnBudgetRemaining: 0.3, minBudgetRemaining: 0.1 }),
        }).version,
      );
    });

    it('ignores the settings the backend reads itself', () => {
      expect(() =>
        resolveScorecardRubric({
          checks,
          config: {
            kinds: ['component'],
            schedule: { frequency: { minutes: 5 } },
          },
        }),
      ).not.toThrow();
    });
  });

  describe('overrides', () => {
    it('replaces presentation, params and scope, keeping unset defaults', () => {
      const rubric = resolveScorecardRubric({
        checks,
        config: {
          checks: [
            {
              id: 'escalation-policy-levels',
              title: 'Two-step escalation',
              fix: { url: 'https://wiki.example.com/escalation' },
              appliesTo: { kinds: ['component'], types: ['service'] },
              params: { minLevels: 3 },
            },
          ],
          levels: [
            {
              id: 'silver',
              title: 'Silver',
              checks: ['escalation-policy-levels'],
            },
          ],
        },
      });
      expect(rubric.checks).toEqual([
        expect.objectContaining({
          id: 'escalation-policy-levels',
          title: 'Two-step escalation',
          category: 'on-call',
          description: expect.stringContaining('at least two levels'),
          fix: {
            text: expect.stringContaining('Add a second level'),
            url: 'https://wiki.example.com/escalation',
          },
          appliesTo: { kinds: ['component'], types: ['service'] },
          params: { minLevels: 3 },
        }),
      ]);
    });

    it('merges tier overrides into the implementation tier defaults', () => {
      const rubric = resolveScorecardRubric({
        checks,
        config: {
          checks: [
            {
              id: 'mttr-under-threshold',
              params: { maxMttrMinutes: 120 },
              tiers: { 'tier-2': { maxMttrMinutes: 90 } },
            },
          ],
          levels: [
            { id: 'gold', title: 'Gold', checks: ['mttr-under-threshold'] },
          ],
        },
      });
      expect(rubric.checks[0].params).toEqual({ maxMttrMinutes: 120 });
      expect(rubric.checks[0].paramsByTier).toEqual({
        'tier-1': { maxMttrMinutes: 60 },
        'tier-2': { maxMttrMinutes: 90 },
      });
    });

    it('lets a configured tier override the default one whatever its case', () => {
      const rubric = resolveScorecardRubric({
        checks,
        config: {
          checks: [
            {
              id: 'mtta-under-threshold',
              tiers: { 'Tier-1': { maxMttaMinutes: 10 } },
            },
          ],
          levels: [
            { id: 'gold', title: 'Gold', checks: ['mtta-under-threshold'] },
          ],
        },
      });
      expect(rubric.checks[0].paramsByTier).toEqual({
        'Tier-1': { maxMttaMinutes: 10 },
      });
    });

    it('runs one implementation twice under two ids', () => {
      const rubric = resolveScorecardRubric({
        checks,
        config: {
          checks: [
            { id: 'runbook-linked' },
            {
              id: 'two-runbooks',
              check: 'runbook-linked',
              params: { minRunbooks: 2 },
            },
          ],
          levels: [
            { id: 'bronze', title: 'Bronze', checks: ['runbook-linked'] },
            { id: 'gold', title: 'Gold', checks: ['two-runbooks'] },
          ],
        },
      });
      expect(
        rubric.checks.map(check => [
          check.id,
          check.implementation,
          check.params,
        ]),
      ).toEqual([
        ['runbook-linked', 'runbook-linked', { minRunbooks: 1 }],
        ['two-runbooks', 'runbook-linked', { minRunbooks: 2 }],
      ]);
    });
  });

  describe('errors', () => {
    it('rejects an unknown check implementation', () => {
      expect(
        problemsOf({ checks: [{ id: 'slo-foo' }], levels: bronzeOnly }),
      ).toEqual([
        expect.stringMatching(
          /^reliability\.scorecards\.checks\[0\]\.id: unknown check "slo-foo"; installed checks: owner-set, /,
        ),
        'reliability.scorecards.levels[0].checks[0]: unknown check "owner-set"; configured checks: slo-foo',
      ]);
      expect(
        problemsOf({
          checks: [{ id: 'strict', check: 'slo-foo' }],
          levels: bronzeOnly,
        })[0],
      ).toMatch(
        /^reliability\.scorecards\.checks\[0\]\.check: unknown check "slo-foo"/,
      );
    });

    it('rejects a check configured twice', () => {
      expect(
        problemsOf({
          checks: [{ id: 'owner-set' }, { id: 'owner-set', title: 'Again' }],
          levels: bronzeOnly,
        }),
      ).toEqual([
        'reliability.scorecards.checks[1].id: check "owner-set" is configured twice',
      ]);
    });

    it('rejects two installed checks with one id', () => {
      expect(problemsOf(undefined, [...checks, checks[0]])).toEqual([
        'reliability.scorecards: two installed checks share the id "owner-set"',
      ]);
    });

    it('rejects a level defined twice', () => {
      expect(
        problemsOf({
          levels: [
            { id: 'bronze', title: 'Bronze', checks: ['owner-set'] },
            { id: 'bronze', title: 'Bronze again', checks: ['tier-set'] },
          ],
        }),
      ).toEqual([
        'reliability.scorecards.levels[1].id: level "bronze" is defined twice',
      ]);
    });

    it('rejects a level naming an unknown check', () => {
      expect(
        problemsOf({
          checks: [{ id: 'owner-set' }, { id: 'tier-set' }],
          levels: [
            { id: 'bronze', title: 'Bronze', checks: ['owner-set'] },
            { id: 'silver', title: 'Silver', checks: ['tier-set', 'slo-foo'] },
          ],
        }),
      ).toEqual([
        'reliability.scorecards.levels[1].checks[1]: unknown check "slo-foo"; configured checks: owner-set, tier-set',
      ]);
    });

    it('rejects a check in two levels', () => {
      expect(
        problemsOf({
          levels: [
            { id: 'bronze', title: 'Bronze', checks: ['owner-set'] },
            {
              id: 'silver',
              title: 'Silver',
              checks: ['tier-set', 'owner-set'],
            },
          ],
        }),
      ).toEqual([
        'reliability.scorecards.levels[1].checks[1]: check "owner-set" is already in level "bronze"; a check belongs to one level',
      ]);
    });

    it('rejects unknown parameters, also in tier overrides', () => {
      expect(
        problemsOf({
          checks: [
            { id: 'escalation-policy-levels', params: { minLevel: 3 } },
            { id: 'owner-set', tiers: { 'tier-1': { strict: true } } },
          ],
          levels: bronzeOnly,
        }),
      ).toEqual([
        'reliability.scorecards.checks[0].params.minLevel: unknown parameter of check "escalation-policy-levels" (it takes minLevels)',
        'reliability.scorecards.checks[1].tiers.tier-1.strict: unknown parameter of check "owner-set" (it takes none)',
      ]);
    });

    it('rejects a threshold of the wrong type', () => {
      expect(
        problemsOf({
          checks: [
            { id: 'owner-set' },
            {
              id: 'mtta-under-threshold',
              tiers: { 'tier-1': { maxMttaMinutes: 'five' } },
            },
          ],
          levels: bronzeOnly,
        }),
      ).toEqual([
        'reliability.scorecards.checks[1].tiers.tier-1.maxMttaMinutes: must be a number, got "five"',
      ]);
    });

    it('rejects an empty list of levels', () => {
      expect(problemsOf({ levels: [] })).toEqual([
        'reliability.scorecards.levels: give at least one level',
      ]);
    });

    it('rejects malformed entries with their paths', () => {
      expect(
        problemsOf({
          checks: [{ id: 'owner set', colour: 'red' }],
          levels: [{ id: 'bronze', title: 'Bronze', checks: [] }],
        }),
      ).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^reliability\.scorecards\.checks\[0\]\.id: must be letters/,
          ),
          expect.stringMatching(
            /^reliability\.scorecards\.checks\[0\]: Unrecognized key/,
          ),
          'reliability.scorecards.levels[0].checks: a level needs at least one check',
        ]),
      );
    });

    it('rejects default levels needing a check that is not configured', () => {
      expect(problemsOf({ checks: [{ id: 'owner-set' }] })).toContain(
        'reliability.scorecards.levels: the default levels need check "tier-set", which is not configured; configure it or give levels',
      );
    });

    it('throws one error listing every problem', () => {
      let thrown: unknown;
      try {
        resolveScorecardRubric({
          checks,
          config: {
            checks: [
              { id: 'owner-set', params: { minOwners: 1 } },
              { id: 'slo-foo' },
            ],
            levels: [
              {
                id: 'bronze',
                title: 'Bronze',
                checks: ['owner-set', 'slo-bar'],
              },
            ],
          },
        });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ScorecardConfigError);
      const message = (thrown as Error).message;
      expect(message.split('\n')[0]).toBe('Invalid scorecard configuration:');
      expect(message).toContain(
        'reliability.scorecards.checks[0].params.minOwners: unknown parameter',
      );
      expect(message).toContain(
        'reliability.scorecards.checks[1].id: unknown check "slo-foo"',
      );
      expect(message).toContain(
        'reliability.scorecards.levels[0].checks[1]: unknown check "slo-bar"',
      );
      expect((thrown as ScorecardConfigError).problems).toHaveLength(3);
    });
  });
});
