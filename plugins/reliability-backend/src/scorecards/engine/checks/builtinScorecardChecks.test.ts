import { buildReadinessFacts } from '../__testUtils__/buildReadinessFacts';
import { runCheck } from '../__testUtils__/runCheck';
import { DEFAULT_SCORECARD_LEVELS } from '../defaultLevels';
import { builtinScorecardChecks } from './index';

describe('builtinScorecardChecks', () => {
  it('has one implementation for every check of the default levels, with unique ids', () => {
    const ids = builtinScorecardChecks.map(check => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    const levelChecks = DEFAULT_SCORECARD_LEVELS.flatMap(level => level.checks);
    // The review check is opt-in: a rubric puts it in a level when the
    // organisation runs readiness reviews. So are the report checks: they
    // need report syncs, and services without change events cannot be judged.
    const optIn = [
      'readiness-review-approved',
      'change-failure-rate-under',
      'pages-per-shift-under',
      'off-hours-pages-under',
      'alert-noise-under',
    ];
    expect([...ids].sort()).toEqual([...levelChecks, ...optIn].sort());
  });

  it.each(builtinScorecardChecks.map(check => [check.id, check] as const))(
    '%s passes for a well-run tier-1 service and says which facts it used',
    async (_id, check) => {
      const result = await runCheck(check, buildReadinessFacts());
      expect(result.state).toBe('pass');
      expect(result.message).not.toBe('');
      expect(result.facts.length).toBeGreaterThan(0);
      expect(result.facts.map(fact => fact.sourceId)).toEqual(
        result.facts.map(() =>
          expect.stringMatching(
            /^(catalog|pagerduty:default|prometheus:main|reviews)$/,
          ),
        ),
      );
      const sourced = result.facts.filter(fact => fact.sourceId !== 'catalog');
      expect(sourced.map(fact => [fact.asOf, fact.stale])).toEqual(
        sourced.map(() => ['2026-11-23T11:55:00.000Z', false]),
      );
    },
  );

  it.each(builtinScorecardChecks.map(check => [check.id, check] as const))(
    '%s documents itself: title, category, description and how to fix',
    (_id, check) => {
      expect(check.defaults.title).not.toBe('');
      expect([
        'ownership',
        'on-call',
        'runbooks',
        'slos',
        'incidents',
        'documentation',
        'metadata',
        'reviews',
      ]).toContain(check.defaults.category);
      expect(check.defaults.description).not.toBe('');
      expect(check.defaults.fix.text).not.toBe('');
      expect(check.defaults.fix.url).toMatch(/^https:\/\//);
    },
  );
});
