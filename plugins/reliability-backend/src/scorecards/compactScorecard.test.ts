import { storedScorecard } from '../__testUtils__/scorecardFixtures';
import { isCompact, joinScorecard, splitScorecard } from './compactScorecard';

const { scorecard } = storedScorecard({
  entityRef: 'component:default/checkout-api',
  ownerRef: 'group:default/team-payments',
  levelId: 'bronze',
  checks: {
    'owner-set': 'pass',
    'runbook-linked': { state: 'fail', exempt: true },
    'slo-met': 'not-applicable',
  },
});

describe('compact scorecards', () => {
  it('keeps what is particular to the entity and gives back the whole scorecard', () => {
    const { compact, presentations } = splitScorecard(scorecard);
    expect(isCompact(compact)).toBe(true);
    expect(isCompact(scorecard)).toBe(false);
    expect(compact.checks[1]).toEqual({
      checkId: 'runbook-linked',
      state: 'fail',
      message: 'runbook-linked is fail',
      facts: [{ label: 'checked', value: true, sourceId: 'catalog' }],
      passing: true,
      exemption: expect.objectContaining({ reason: 'migrating' }),
    });
    expect(presentations.get('runbook-linked')).toEqual({
      title: scorecard.checks[1].title,
      category: scorecard.checks[1].category,
      description: scorecard.checks[1].description,
      fix: scorecard.checks[1].fix,
      levelId: 'bronze',
    });
    expect(JSON.stringify(compact).length).toBeLessThan(
      JSON.stringify(scorecard).length,
    );
    expect(joinScorecard(compact, presentations)).toEqual(scorecard);
  });

  it('reads a check whose presentation is gone as its id rather than failing', () => {
    const { compact } = splitScorecard(scorecard);
    const joined = joinScorecard(compact, new Map());
    expect(joined.checks.map(c => c.title)).toEqual([
      'owner-set',
      'runbook-linked',
      'slo-met',
    ]);
    expect(joined.checks[0].state).toBe('pass');
  });
});
