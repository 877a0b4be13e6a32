import type { OnCallPerson, OnCallShift } from '../types';
import { computeIncidentStats } from './computeIncidentStats';
import type { IncidentFact } from './IncidentFact';

// Wednesday 2024-05-15 15:00 UTC; the 90-day window starts 2024-02-15 15:00 UTC.
const NOW = new Date('2024-05-15T15:00:00Z');
const SERVICE = 'PCHKOUT';

function person(name: string, id: string): OnCallPerson {
  return { id, name, contactMethods: [] };
}
const alice = person('Alice', 'PUALICE');
const bob = person('Bob', 'PUBOB01');
const carol = person('Carol', 'PUCAROL');
const frank = person('Frank', 'PUFRANK');

function shift(
  user: OnCallPerson,
  start: string | null,
  end: string | null,
): OnCallShift {
  return { level: 1, user, start, end };
}

function minutesAfter(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

let counter = 0;
function incident(
  fields: Partial<IncidentFact> & Pick<IncidentFact, 'createdAt'>,
): IncidentFact {
  counter += 1;
  return {
    id: `Q${counter}`,
    title: `incident ${counter}`,
    serviceId: SERVICE,
    status: 'resolved',
    urgency: 'high',
    firstAcknowledgedAt: null,
    resolvedAt: null,
    ...fields,
  };
}

/** Acknowledged after `ackMinutes` (or never), resolved after `resolveMinutes` (or open). */
function timed(
  createdAt: string,
  ackMinutes: number | null,
  resolveMinutes: number | null,
  fields: Partial<IncidentFact> = {},
): IncidentFact {
  let status: IncidentFact['status'] = 'triggered';
  if (resolveMinutes !== null) {
    status = 'resolved';
  } else if (ackMinutes !== null) {
    status = 'acknowledged';
  }
  return incident({
    createdAt,
    firstAcknowledgedAt:
      ackMinutes === null ? null : minutesAfter(createdAt, ackMinutes),
    resolvedAt:
      resolveMinutes === null ? null : minutesAfter(createdAt, resolveMinutes),
    status,
    ...fields,
  });
}

// acknowledged after 5 min, resolved after 60 min
const ackedResolved = timed('2024-05-01T10:00:00Z', 5, 60, { urgency: 'high' });
// acknowledged after 15 min, resolved after 120 min
const ackedResolvedLow = timed('2024-04-01T10:00:00Z', 15, 120, {
  urgency: 'low',
});
// never acknowledged (auto-resolved) after 30 min
const unackedResolved = timed('2024-03-01T10:00:00Z', null, 30, {
  urgency: 'high',
});
// open: acknowledged after 10 min, not resolved
const openAcked = timed('2024-05-15T14:00:00Z', 10, null, {
  urgency: 'low',
  number: 41,
});
// open: triggered 40 minutes ago, not acknowledged
const openTriggered = timed('2024-05-15T14:20:00Z', null, null, {
  urgency: 'high',
  number: 42,
  htmlUrl: 'https://acme.pagerduty.com/incidents/Q42',
});
// before the window: fast ack/resolve that must not pull the means down
const tooOld = timed('2024-01-10T10:00:00Z', 1, 2, { urgency: 'high' });
// before the window but still open: listed as open, not counted
const oldOpen = timed('2024-01-05T10:00:00Z', 3, null, { urgency: 'low' });
// another service's incident
const otherService = timed('2024-05-10T10:00:00Z', 1, 1, {
  serviceId: 'PSEARCH',
});

const incidents = [
  tooOld,
  ackedResolved,
  openAcked,
  unackedResolved,
  oldOpen,
  openTriggered,
  ackedResolvedLow,
  otherService,
];

describe('computeIncidentStats', () => {
  describe('counts, MTTA and MTTR', () => {
    const stats = computeIncidentStats({
      serviceId: SERVICE,
      incidents,
      level1Shifts: [],
      now: NOW,
    });

    it('counts incidents of the service created in the 90-day window', () => {
      expect(stats.serviceId).toBe(SERVICE);
      expect(stats.windowDays).toBe(90);
      expect(stats.total).toBe(5);
      expect(stats.highUrgency).toBe(3);
    });

    it('MTTA averages only acknowledged incidents', () => {
      // (5 + 15 + 10) / 3 minutes
      expect(stats.mttaSeconds).toBe(600);
    });

    it('MTTR averages only resolved incidents', () => {
      // (60 + 120 + 30) / 3 minutes
      expect(stats.mttrSeconds).toBe(4200);
    });

    it('lists open incidents, whatever their age, newest first, as the source dated them', () => {
      expect(stats.open).toEqual([
        {
          id: openTriggered.id,
          number: 42,
          title: openTriggered.title,
          status: 'triggered',
          urgency: 'high',
          createdAt: '2024-05-15T14:20:00Z',
          htmlUrl: 'https://acme.pagerduty.com/incidents/Q42',
        },
        {
          id: openAcked.id,
          number: 41,
          title: openAcked.title,
          status: 'acknowledged',
          urgency: 'low',
          createdAt: '2024-05-15T14:00:00Z',
        },
        {
          id: oldOpen.id,
          title: oldOpen.title,
          status: 'acknowledged',
          urgency: 'low',
          createdAt: '2024-01-05T10:00:00Z',
        },
      ]);
    });

    it('has no shift-based figure without shifts', () => {
      expect(stats.pagesPerShift).toBeNull();
    });
  });

  it('zero incidents give zero counts and null means, never NaN', () => {
    const stats = computeIncidentStats({
      serviceId: SERVICE,
      incidents: [],
      level1Shifts: [shift(frank, null, null)],
      now: NOW,
    });

    expect(stats).toEqual({
      serviceId: SERVICE,
      windowDays: 90,
      total: 0,
      highUrgency: 0,
      mttaSeconds: null,
      mttrSeconds: null,
      pagesPerShift: 0,
      open: [],
    });
  });

  it('only open, unacknowledged incidents give null MTTA and MTTR', () => {
    const stats = computeIncidentStats({
      serviceId: SERVICE,
      incidents: [openTriggered],
      level1Shifts: [],
      now: NOW,
    });

    expect(stats.total).toBe(1);
    expect(stats.mttaSeconds).toBeNull();
    expect(stats.mttrSeconds).toBeNull();
    expect(stats.open.map(i => i.id)).toEqual([openTriggered.id]);
  });

  it('ignores negative and unparseable durations and undatable incidents', () => {
    const stats = computeIncidentStats({
      serviceId: SERVICE,
      incidents: [
        // acknowledged "before" it was created: clock skew
        timed('2024-05-01T10:00:00Z', -5, 20),
        incident({
          createdAt: '2024-05-02T10:00:00Z',
          firstAcknowledgedAt: 'soon',
          resolvedAt: '2024-05-02T10:40:00Z',
        }),
        incident({
          createdAt: 'not a date',
          firstAcknowledgedAt: null,
          resolvedAt: null,
        }),
        timed('2024-05-03T10:00:00Z', 6, null),
      ],
      level1Shifts: [],
      now: NOW,
    });

    expect(stats.total).toBe(3);
    expect(stats.mttaSeconds).toBe(360);
    // (20 + 40) / 2 minutes
    expect(stats.mttrSeconds).toBe(1800);
  });

  describe('window', () => {
    it('includes an incident created exactly at the window start, not one just before', () => {
      const atStart = timed('2024-02-15T15:00:00Z', 1, 2);
      const justBefore = timed('2024-02-15T14:59:59Z', 100, 200);

      const stats = computeIncidentStats({
        serviceId: SERVICE,
        incidents: [atStart, justBefore],
        level1Shifts: [],
        now: NOW,
      });

      expect(stats.total).toBe(1);
      expect(stats.mttaSeconds).toBe(60);
      expect(stats.mttrSeconds).toBe(120);
    });

    it('leaves out incidents created after now', () => {
      const stats = computeIncidentStats({
        serviceId: SERVICE,
        incidents: [timed('2024-05-16T10:00:00Z', 1, 2), ackedResolved],
        level1Shifts: [],
        now: NOW,
      });

      expect(stats.total).toBe(1);
      expect(stats.mttrSeconds).toBe(3600);
    });

    it('honours a custom window length', () => {
      const stats = computeIncidentStats({
        serviceId: SERVICE,
        incidents,
        level1Shifts: [],
        now: NOW,
        windowDays: 30,
      });

      expect(stats.windowDays).toBe(30);
      // only the two open incidents and the 2024-05-01 one are in the last 30 days
      expect(stats.total).toBe(3);
      expect(stats.mttrSeconds).toBe(3600);
      expect(stats.open).toHaveLength(3);
    });

    it('rejects a window that is not a positive number, and an invalid now', () => {
      const base = {
        serviceId: SERVICE,
        incidents,
        level1Shifts: [],
        now: NOW,
      };
      expect(() => computeIncidentStats({ ...base, windowDays: 0 })).toThrow(
        RangeError,
      );
      expect(() => computeIncidentStats({ ...base, windowDays: NaN })).toThrow(
        RangeError,
      );
      expect(() =>
        computeIncidentStats({ ...base, now: new Date('x') }),
      ).toThrow(RangeError);
    });
  });

  describe('pages per shift', () => {
    const weeklyShifts = [
      // wholly before the window: not counted
      shift(carol, '2024-01-01T09:00:00Z', '2024-01-08T09:00:00Z'),
      // alice's week holds the 2024-05-01 high-urgency incident
      shift(alice, '2024-04-29T09:00:00Z', '2024-05-06T09:00:00Z'),
      shift(bob, '2024-05-06T09:00:00Z', '2024-05-13T09:00:00Z'),
      // current shift, clipped to now, holds the incident triggered 40 minutes ago
      shift(carol, '2024-05-13T09:00:00Z', '2024-05-20T09:00:00Z'),
      // the same shift again (e.g. via a second schedule): one shift
      shift(carol, '2024-05-13T09:00:00Z', '2024-05-20T09:00:00Z'),
      // not started yet: not counted
      shift(alice, '2024-05-20T09:00:00Z', '2024-05-27T09:00:00Z'),
    ];

    it('divides high-urgency incidents during started shifts by the number of those shifts', () => {
      const stats = computeIncidentStats({
        serviceId: SERVICE,
        incidents,
        level1Shifts: weeklyShifts,
        now: NOW,
      });

      // pages: 2024-05-01 and today's; the 2024-03-01 one fell outside any
      // shift, low-urgency and out-of-window incidents never count
      expect(stats.pagesPerShift).toBeCloseTo(2 / 3, 10);
    });

    it('counts a shift straddling the window start', () => {
      const stats = computeIncidentStats({
        serviceId: SERVICE,
        incidents: [unackedResolved, ackedResolved],
        level1Shifts: [
          shift(bob, '2024-02-01T00:00:00Z', '2024-03-15T00:00:00Z'),
        ],
        now: NOW,
      });

      expect(stats.pagesPerShift).toBe(1);
    });

    it('a permanent on-call counts as one shift spanning the window', () => {
      const stats = computeIncidentStats({
        serviceId: SERVICE,
        incidents,
        level1Shifts: [shift(frank, null, null)],
        now: NOW,
      });

      // every high-urgency incident in the window paged frank
      expect(stats.pagesPerShift).toBe(3);
    });

    it('counts an incident once when shifts overlap', () => {
      const stats = computeIncidentStats({
        serviceId: SERVICE,
        incidents: [ackedResolved],
        level1Shifts: [
          shift(alice, '2024-04-29T09:00:00Z', '2024-05-06T09:00:00Z'),
          shift(bob, '2024-04-29T09:00:00Z', '2024-05-06T09:00:00Z'),
        ],
        now: NOW,
      });

      expect(stats.pagesPerShift).toBe(0.5);
    });

    it('is null when no level-1 shift has started within the window', () => {
      const stats = computeIncidentStats({
        serviceId: SERVICE,
        incidents,
        level1Shifts: [
          shift(alice, '2024-05-20T09:00:00Z', '2024-05-27T09:00:00Z'),
          shift(carol, '2024-01-01T09:00:00Z', '2024-01-08T09:00:00Z'),
        ],
        now: NOW,
      });

      expect(stats.pagesPerShift).toBeNull();
    });

    it('is zero, not null, when shifts ran but nobody was paged', () => {
      const stats = computeIncidentStats({
        serviceId: SERVICE,
        incidents: [ackedResolvedLow],
        level1Shifts: weeklyShifts,
        now: NOW,
      });

      expect(stats.pagesPerShift).toBe(0);
    });
  });
});
