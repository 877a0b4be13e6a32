import type {
  EntityReadinessFacts,
  ReportFacts,
} from '@preflight/plugin-reliability-node';
import { entity } from '../__testUtils__/readinessFixtures';
import { fingerprintReadinessFacts } from './fingerprintReadinessFacts';

const now = new Date('2026-11-22T12:00:00.000Z');

function facts(
  overrides: Partial<EntityReadinessFacts> = {},
): EntityReadinessFacts {
  return {
    entityRef: 'component:default/checkout-api',
    entity: entity('Component', 'checkout-api', {
      spec: { owner: 'team-payments' },
    }),
    owner: null,
    onCall: {
      state: 'ok',
      sourceId: 'pagerduty:default',
      freshness: {
        sourceId: 'pagerduty:default',
        asOf: '2026-11-22T11:55:00.000Z',
        stale: false,
      },
    },
    runbooks: [],
    alertRules: { rules: [], freshness: [] },
    slos: { declared: false, slos: [], problems: [], freshness: [] },
    exemptions: [],
    problems: [],
    ...overrides,
  };
}

describe('fingerprintReadinessFacts', () => {
  const base = fingerprintReadinessFacts(facts(), 'v1', now);

  it('ignores a newer sync that changed nothing, but not a source going stale', () => {
    const resynced = facts();
    resynced.onCall.freshness!.asOf = '2026-11-22T12:00:00.000Z';
    expect(fingerprintReadinessFacts(resynced, 'v1', now)).toBe(base);

    const stale = facts();
    stale.onCall.freshness!.stale = true;
    expect(fingerprintReadinessFacts(stale, 'v1', now)).not.toBe(base);
  });

  it('changes with the facts, the rubric version and the UTC day', () => {
    expect(
      fingerprintReadinessFacts(facts({ tier: 'tier-1' }), 'v1', now),
    ).not.toBe(base);
    expect(fingerprintReadinessFacts(facts(), 'v2', now)).not.toBe(base);
    expect(
      fingerprintReadinessFacts(
        facts(),
        'v1',
        new Date('2026-11-22T23:59:00Z'),
      ),
    ).toBe(base);
    expect(
      fingerprintReadinessFacts(
        facts(),
        'v1',
        new Date('2026-11-23T00:01:00Z'),
      ),
    ).not.toBe(base);
  });

  it('re-judges entities with open incidents every hour', () => {
    const withIncident = facts();
    withIncident.onCall.incidents = {
      serviceId: 'PCHKOUT',
      windowDays: 90,
      total: 1,
      highUrgency: 1,
      mttaSeconds: null,
      mttrSeconds: null,
      pagesPerShift: null,
      open: [
        {
          id: 'Q1',
          title: 'Down',
          status: 'triggered',
          urgency: 'high',
          createdAt: '2026-11-21T13:00:00.000Z',
        },
      ],
    };
    const at12 = fingerprintReadinessFacts(withIncident, 'v1', now);
    expect(
      fingerprintReadinessFacts(
        withIncident,
        'v1',
        new Date('2026-11-22T12:59:00Z'),
      ),
    ).toBe(at12);
    // The incident turns 24 hours old within the day: the next hour differs.
    expect(
      fingerprintReadinessFacts(
        withIncident,
        'v1',
        new Date('2026-11-22T13:01:00Z'),
      ),
    ).not.toBe(at12);
  });

  it('changes with the report figures, but not with a newer report sync', () => {
    const reports = (rate: number, asOf: string): ReportFacts => ({
      period: {
        kind: 'days',
        start: '2026-10-25T00:00:00.000Z',
        end: '2026-11-22T00:00:00.000Z',
        startDate: '2026-10-25',
        endDate: '2026-11-22',
        timeZone: 'UTC',
      },
      windowDays: 28,
      freshness: { sourceId: 'pagerduty:default', asOf, stale: false },
      changeFailure: {
        status: 'measured',
        changes: 10,
        failedChanges: rate * 10,
        rate,
      },
      alerts: { total: 4, noise: 1 },
      onCall: null,
    });
    const at = (fact: ReportFacts) =>
      fingerprintReadinessFacts(facts({ reports: fact }), 'v1', now);
    const before = at(reports(0.1, '2026-11-22T11:00:00.000Z'));

    expect(before).not.toBe(base);
    expect(at(reports(0.1, '2026-11-22T11:30:00.000Z'))).toBe(before);
    // A report sync within the day moved the change failure rate: the
    // report checks must be judged again.
    expect(at(reports(0.4, '2026-11-22T11:30:00.000Z'))).not.toBe(before);
  });

  it('ignores the entity etag and relation order', () => {
    const withEtag = facts();
    (withEtag.entity.metadata as { etag?: string }).etag = 'abc';
    withEtag.entity.relations = [
      { type: 'ownedBy', targetRef: 'group:default/a' },
      { type: 'partOf', targetRef: 'system:default/b' },
    ];
    const reordered = facts();
    reordered.entity.relations = [...withEtag.entity.relations].reverse();
    expect(fingerprintReadinessFacts(withEtag, 'v1', now)).toBe(
      fingerprintReadinessFacts(reordered, 'v1', now),
    );
  });
});
