import {
  buildReadinessFacts,
  freshSource,
  staleSource,
} from '../__testUtils__/buildReadinessFacts';
import { runCheck } from '../__testUtils__/runCheck';
import type { ReportFacts } from '@preflight/plugin-reliability-node';
import {
  alertNoiseUnderCheck,
  changeFailureRateUnderCheck,
  offHoursPagesUnderCheck,
  pagesPerShiftUnderCheck,
} from './reportChecks';

const reportSource = freshSource('pagerduty:default');

/** 28 days to 2026-11-23 in UTC; every figure is overridden per test. */
function reports(overrides: Partial<ReportFacts> = {}): ReportFacts {
  return {
    period: {
      kind: 'days',
      timeZone: 'UTC',
      startDate: '2026-10-26',
      endDate: '2026-11-23',
      start: '2026-10-26T00:00:00.000Z',
      end: '2026-11-23T00:00:00.000Z',
    },
    windowDays: 28,
    freshness: reportSource,
    changeFailure: {
      status: 'measured',
      changes: 4,
      failedChanges: 1,
      rate: 0.25,
    },
    alerts: { total: 8, noise: 2 },
    onCall: {
      rotationId: 'PPOLICY',
      shifts: 6,
      pages: 9,
      pagesPerShift: 1.5,
      offHoursPages: 6,
    },
    ...overrides,
  };
}

const facts = (tier: string, overrides: Partial<ReportFacts> = {}) =>
  buildReadinessFacts({ tier, reports: reports(overrides) });

describe('change-failure-rate-under', () => {
  it('fails 1 failed change of 4 (25 %) against the tier-1 limit of 15 %', async () => {
    const result = await runCheck(changeFailureRateUnderCheck, facts('tier-1'));
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'The change failure rate in the last 28 days is 25% (1 of 4 changes failed); the limit is 15% for tier-1',
    );
    expect(result.facts).toEqual([
      { label: 'Changes in the last 28 days', value: 4, ...reportSource },
      { label: 'Failed changes', value: 1, ...reportSource },
      { label: 'Change failure rate', value: '25%', ...reportSource },
      { label: 'Limit', value: '15% for tier-1', ...reportSource },
    ]);
  });

  it('passes the same 25 % against the default limit of 30 % for tier-2', async () => {
    const result = await runCheck(changeFailureRateUnderCheck, facts('tier-2'));
    expect(result.state).toBe('pass');
    expect(result.message).toBe(
      'The change failure rate in the last 28 days is 25% (1 of 4 changes failed); the limit is 30% for tier-2',
    );
  });

  it('passes exactly at the limit: 3 of 20 is 15 %', async () => {
    const result = await runCheck(
      changeFailureRateUnderCheck,
      facts('tier-1', {
        changeFailure: {
          status: 'measured',
          changes: 20,
          failedChanges: 3,
          rate: 3 / 20,
        },
      }),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toContain('is 15% (3 of 20 changes failed)');
  });

  it('says "1 change" for a single change', async () => {
    const result = await runCheck(
      changeFailureRateUnderCheck,
      facts('tier-1', {
        changeFailure: {
          status: 'measured',
          changes: 1,
          failedChanges: 0,
          rate: 0,
        },
      }),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toContain('is 0% (0 of 1 change failed)');
  });

  it('cannot judge a service without change events, rather than passing it at 0 %', async () => {
    const result = await runCheck(
      changeFailureRateUnderCheck,
      facts('tier-1', {
        changeFailure: {
          status: 'no-change-data',
          changes: 0,
          failedChanges: 0,
          rate: null,
        },
      }),
    );
    expect(result.state).toBe('error');
    expect(result.message).toBe(
      'No change data: PagerDuty service PCHKOUT received no change events in the last 28 days, so the change failure rate cannot be judged',
    );
  });

  it('cannot judge an entity without report data', async () => {
    const result = await runCheck(
      changeFailureRateUnderCheck,
      buildReadinessFacts({ reports: undefined }),
    );
    expect(result.state).toBe('error');
    expect(result.message).toBe(
      'There is no report data for PagerDuty service PCHKOUT yet, so the change failure rate cannot be judged',
    );
  });

  it('cannot judge from a report sync that is stale', async () => {
    const result = await runCheck(
      changeFailureRateUnderCheck,
      facts('tier-1', { freshness: staleSource('pagerduty:default') }),
    );
    expect(result.state).toBe('error');
    expect(result.message).toMatch(
      /^Report figures from pagerduty:default are stale/,
    );
  });

  it('is blocked by a missing PagerDuty link', async () => {
    const result = await runCheck(
      changeFailureRateUnderCheck,
      buildReadinessFacts({
        onCall: { state: 'not-configured', freshness: null },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.blockedBy).toBe('pagerduty-service-linked');
  });
});

describe('pages-per-shift-under', () => {
  it('passes 9 pages over 6 shifts (1.5) under the tier-1 limit of 2', async () => {
    const result = await runCheck(pagesPerShiftUnderCheck, facts('tier-1'));
    expect(result.state).toBe('pass');
    expect(result.message).toBe(
      'Rotation PPOLICY had 1.5 pages per shift in the last 28 days (9 pages over 6 shifts); the limit is 2 for tier-1',
    );
    expect(result.facts).toEqual([
      { label: 'Pages in the last 28 days', value: 9, ...reportSource },
      { label: 'Shifts', value: '6', ...reportSource },
      { label: 'Pages per shift', value: '1.5', ...reportSource },
      { label: 'Limit', value: '2 for tier-1', ...reportSource },
    ]);
  });

  it('fails 14 pages over 5.5 shifts (2.55) against tier-1, passes it at the default 3', async () => {
    const onCall = {
      rotationId: 'PPOLICY',
      shifts: 5.5,
      pages: 14,
      pagesPerShift: 14 / 5.5,
      offHoursPages: 0,
    };
    const tier1 = await runCheck(
      pagesPerShiftUnderCheck,
      facts('tier-1', { onCall }),
    );
    expect(tier1.state).toBe('fail');
    expect(tier1.message).toBe(
      'Rotation PPOLICY had 2.55 pages per shift in the last 28 days (14 pages over 5.5 shifts); the limit is 2 for tier-1',
    );
    const tier3 = await runCheck(
      pagesPerShiftUnderCheck,
      facts('tier-3', { onCall }),
    );
    expect(tier3.state).toBe('pass');
  });

  it('cannot judge a rotation without shifts', async () => {
    const result = await runCheck(
      pagesPerShiftUnderCheck,
      facts('tier-1', {
        onCall: {
          rotationId: 'PPOLICY',
          shifts: 0,
          pages: 0,
          pagesPerShift: null,
          offHoursPages: 0,
        },
      }),
    );
    expect(result.state).toBe('error');
    expect(result.message).toBe(
      "No on-call shifts of the service's rotation are known in the last 28 days, so pages per shift cannot be judged",
    );
  });
});

describe('off-hours-pages-under', () => {
  it('fails 6 pages outside business hours against the tier-1 limit of 5', async () => {
    const result = await runCheck(offHoursPagesUnderCheck, facts('tier-1'));
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'Rotation PPOLICY had 6 pages outside business hours in the last 28 days; the limit is 5 for tier-1',
    );
  });

  it('passes the same 6 against the default limit of 10', async () => {
    const result = await runCheck(offHoursPagesUnderCheck, facts('tier-2'));
    expect(result.state).toBe('pass');
    expect(result.message).toBe(
      'Rotation PPOLICY had 6 pages outside business hours in the last 28 days; the limit is 10 for tier-2',
    );
  });

  it('says "1 page" and cannot judge without a rotation', async () => {
    const one = await runCheck(
      offHoursPagesUnderCheck,
      facts('tier-1', {
        onCall: {
          rotationId: 'PPOLICY',
          shifts: 6,
          pages: 1,
          pagesPerShift: 1 / 6,
          offHoursPages: 1,
        },
      }),
    );
    expect(one.message).toContain('had 1 page outside business hours');
    const none = await runCheck(
      offHoursPagesUnderCheck,
      facts('tier-1', { onCall: null }),
    );
    expect(none.state).toBe('error');
  });
});

describe('alert-noise-under', () => {
  it('fails 2 noise incidents of 8 (25 %) against the tier-1 limit of 20 %', async () => {
    const result = await runCheck(alertNoiseUnderCheck, facts('tier-1'));
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      '25% of incidents in the last 28 days were noise (2 of 8); the limit is 20% for tier-1',
    );
  });

  it('passes the same 25 % against the default limit of 30 %', async () => {
    const result = await runCheck(alertNoiseUnderCheck, facts('tier-2'));
    expect(result.state).toBe('pass');
  });

  it('passes exactly at the limit: 1 of 5 is 20 %', async () => {
    const result = await runCheck(
      alertNoiseUnderCheck,
      facts('tier-1', { alerts: { total: 5, noise: 1 } }),
    );
    expect(result.state).toBe('pass');
  });

  it('passes a service without incidents, saying so', async () => {
    const result = await runCheck(
      alertNoiseUnderCheck,
      facts('tier-1', { alerts: { total: 0, noise: 0 } }),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toBe(
      'No incidents in the last 28 days, so no noise',
    );
  });
});
