import type {
  EntityOnCall,
  EscalationPolicyRecord,
  OnCallShift,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import { toOnCallFacts } from './onCallFacts';

const now = new Date('2026-11-22T12:00:00.000Z');
const hours = (h: number) =>
  new Date(now.getTime() + h * 3_600_000).toISOString();

const health: SourceHealth = {
  id: 'pagerduty:default',
  type: 'pagerduty',
  displayName: 'PagerDuty (default)',
  lastAttemptAt: hours(-1),
  lastSuccessAt: hours(-1),
  lastError: null,
  errorSince: null,
  stale: false,
  ageSeconds: 3600,
  warnings: [],
};

function shift(
  level: number,
  id: string,
  name: string,
  start: string | null,
  end: string | null,
): OnCallShift {
  return {
    level,
    user: { id, name, email: `${id}@example.com`, contactMethods: [] },
    start,
    end,
  };
}

function policy(
  levels: number[],
  shifts: OnCallShift[],
): EscalationPolicyRecord {
  return {
    id: 'PEPAY01',
    name: 'Payments',
    numLoops: 0,
    levels: levels.map(level => ({ level, delayMinutes: 30, targets: [] })),
    shifts,
  };
}

function located(
  levels: Array<{ level: number; gaps: Array<{ start: string; end: string }> }>,
): EntityOnCall {
  return {
    state: 'ok',
    sourceId: 'pagerduty:default',
    serviceId: 'PCHKOUT',
    escalationPolicy: {
      id: 'PEPAY01',
      name: 'Payments',
      numLoops: 0,
      levels: levels.map(({ level, gaps }) => ({
        level,
        delayMinutes: 30,
        targets: [],
        onCallNow: [],
        nextHandoff: null,
        gaps,
      })),
    },
  };
}

describe('toOnCallFacts', () => {
  it('names the distinct level-1 people of the look-ahead week, by name', () => {
    const facts = toOnCallFacts(
      located([{ level: 1, gaps: [] }]),
      health,
      policy(
        [1, 2],
        [
          shift(1, 'PZOE', 'Zoe', hours(-2), hours(10)),
          shift(1, 'PAMY', 'Amy', hours(10), hours(30)),
          // The same person again: named once.
          shift(1, 'PZOE', 'Zoe', hours(30), hours(50)),
          // Over before now, after the week, or on level 2: not level 1 people.
          shift(1, 'PPAST', 'Past', hours(-10), hours(-2)),
          shift(1, 'PLATE', 'Late', hours(24 * 7), hours(24 * 8)),
          shift(2, 'PBOSS', 'Boss', null, null),
        ],
      ),
      now,
    );
    expect(facts.escalationPolicy).toEqual({
      id: 'PEPAY01',
      name: 'Payments',
      levelCount: 1,
      level1Gaps: [],
      level1People: [
        { id: 'PAMY', name: 'Amy', email: 'PAMY@example.com' },
        { id: 'PZOE', name: 'Zoe', email: 'PZOE@example.com' },
      ],
      lookAhead: { start: now.toISOString(), end: hours(24 * 7) },
    });
    expect(facts.freshness).toEqual({
      sourceId: 'pagerduty:default',
      asOf: hours(-1),
      stale: false,
    });
  });

  it('takes the lowest level as level 1 when levels do not start at 1', () => {
    const facts = toOnCallFacts(
      located([{ level: 2, gaps: [] }]),
      health,
      policy([3, 2], [shift(2, 'PAMY', 'Amy', null, null)]),
      now,
    );
    expect(facts.escalationPolicy?.level1People.map(p => p.id)).toEqual([
      'PAMY',
    ]);
  });

  it('counts the whole look-ahead as a gap for a policy without levels', () => {
    const facts = toOnCallFacts(located([]), health, policy([], []), now);
    expect(facts.escalationPolicy).toMatchObject({
      levelCount: 0,
      level1Gaps: [{ start: now.toISOString(), end: hours(24 * 7) }],
      level1People: [],
    });
  });

  it('has no policy fact without the stored policy, and no freshness without a source', () => {
    expect(
      toOnCallFacts(located([{ level: 1, gaps: [] }]), health, undefined, now)
        .escalationPolicy,
    ).toBeUndefined();
    expect(
      toOnCallFacts({ state: 'not-configured' }, undefined, undefined, now),
    ).toEqual({ state: 'not-configured', freshness: null });
  });
});
