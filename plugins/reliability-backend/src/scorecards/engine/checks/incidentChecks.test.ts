import { buildReadinessFacts } from '../__testUtils__/buildReadinessFacts';
import { runCheck } from '../__testUtils__/runCheck';
import {
  mttaUnderThresholdCheck,
  mttrUnderThresholdCheck,
  noStaleHighUrgencyIncidentCheck,
} from './incidentChecks';

const pagerDutyFact = {
  sourceId: 'pagerduty:default',
  asOf: '2026-11-23T11:55:00.000Z',
  stale: false,
};

describe('mtta-under-threshold', () => {
  it('passes under the tier-1 limit of 5 minutes, naming both values', async () => {
    const result = await runCheck(
      mttaUnderThresholdCheck,
      buildReadinessFacts(),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toBe(
      'MTTA over 90 days is 3m; the limit is 5m for tier-1',
    );
    expect(result.facts).toEqual([
      { label: 'Incidents in 90 days', value: 4, ...pagerDutyFact },
      { label: 'MTTA', value: '3m', ...pagerDutyFact },
      { label: 'Limit', value: '5m for tier-1', ...pagerDutyFact },
    ]);
  });

  it('fails a tier-1 service acknowledging in 10 minutes', async () => {
    const result = await runCheck(
      mttaUnderThresholdCheck,
      buildReadinessFacts({ onCall: { incidents: { mttaSeconds: 600 } } }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'MTTA over 90 days is 10m; the limit is 5m for tier-1',
    );
  });

  it('passes the same 10 minutes under the default 30-minute limit of other tiers', async () => {
    const result = await runCheck(
      mttaUnderThresholdCheck,
      buildReadinessFacts({
        tier: 'tier-2',
        onCall: { incidents: { mttaSeconds: 600 } },
      }),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toBe(
      'MTTA over 90 days is 10m; the limit is 30m for tier-2',
    );
  });

  it('uses the default limit for an entity without a tier', async () => {
    const result = await runCheck(
      mttaUnderThresholdCheck,
      buildReadinessFacts({
        tier: undefined,
        onCall: { incidents: { mttaSeconds: 2400 } },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe('MTTA over 90 days is 40m; the limit is 30m');
  });

  it('matches the tier case-insensitively', async () => {
    const result = await runCheck(
      mttaUnderThresholdCheck,
      buildReadinessFacts({
        tier: 'Tier-1',
        onCall: { incidents: { mttaSeconds: 600 } },
      }),
    );
    expect(result.state).toBe('fail');
  });

  it('passes exactly at the limit', async () => {
    const result = await runCheck(
      mttaUnderThresholdCheck,
      buildReadinessFacts({ onCall: { incidents: { mttaSeconds: 300 } } }),
    );
    expect(result.state).toBe('pass');
  });

  it('warns when no incident was acknowledged yet', async () => {
    const result = await runCheck(
      mttaUnderThresholdCheck,
      buildReadinessFacts({ onCall: { incidents: { mttaSeconds: null } } }),
    );
    expect(result.state).toBe('warning');
    expect(result.message).toBe(
      'No incident has been acknowledged yet (4 in 90 days), so there is no MTTA',
    );
  });

  it('passes without incidents in the window', async () => {
    const result = await runCheck(
      mttaUnderThresholdCheck,
      buildReadinessFacts({
        onCall: {
          incidents: {
            total: 0,
            highUrgency: 0,
            mttaSeconds: null,
            mttrSeconds: null,
          },
        },
      }),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toBe('No incidents in the last 90 days');
  });

  it('is an error when the source reports no incident statistics', async () => {
    const result = await runCheck(
      mttaUnderThresholdCheck,
      buildReadinessFacts({ onCall: { incidents: undefined } }),
    );
    expect(result.state).toBe('error');
    expect(result.message).toBe(
      'pagerduty:default reports no incident statistics for service PCHKOUT, so they are not known',
    );
    expect(result.facts).toEqual([
      { label: 'Incident statistics', value: null, ...pagerDutyFact },
    ]);
  });
});

describe('mttr-under-threshold', () => {
  it('passes 45 minutes under the tier-1 limit of 1 hour', async () => {
    const result = await runCheck(
      mttrUnderThresholdCheck,
      buildReadinessFacts(),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toBe(
      'MTTR over 90 days is 45m; the limit is 1h for tier-1',
    );
  });

  it('fails 2 hours for tier-1, and passes them under the default 4 hours', async () => {
    const slow = { onCall: { incidents: { mttrSeconds: 7200 } } };
    const tier1 = await runCheck(
      mttrUnderThresholdCheck,
      buildReadinessFacts(slow),
    );
    expect(tier1.state).toBe('fail');
    expect(tier1.message).toBe(
      'MTTR over 90 days is 2h; the limit is 1h for tier-1',
    );
    const tier3 = await runCheck(
      mttrUnderThresholdCheck,
      buildReadinessFacts({ ...slow, tier: 'tier-3' }),
    );
    expect(tier3.state).toBe('pass');
    expect(tier3.message).toBe(
      'MTTR over 90 days is 2h; the limit is 4h for tier-3',
    );
  });

  it('warns when no incident was resolved yet', async () => {
    const result = await runCheck(
      mttrUnderThresholdCheck,
      buildReadinessFacts({ onCall: { incidents: { mttrSeconds: null } } }),
    );
    expect(result.state).toBe('warning');
  });

  it('is an error when incident statistics are missing', async () => {
    const result = await runCheck(
      mttrUnderThresholdCheck,
      buildReadinessFacts({ onCall: { incidents: undefined } }),
    );
    expect(result.state).toBe('error');
  });
});

describe('no-stale-high-urgency-incident', () => {
  const incident = (createdAt: string, urgency: 'high' | 'low' = 'high') => ({
    id: `P${createdAt}`,
    title: `Checkout errors since ${createdAt}`,
    status: 'triggered' as const,
    urgency,
    createdAt,
  });

  it('passes with no open incident', async () => {
    const result = await runCheck(
      noStaleHighUrgencyIncidentCheck,
      buildReadinessFacts(),
    );
    expect(result.state).toBe('pass');
    expect(result.facts).toEqual([
      { label: 'Open high-urgency incidents', value: 0, ...pagerDutyFact },
    ]);
  });

  it('fails when the oldest high-urgency incident is open for more than 24 hours', async () => {
    const result = await runCheck(
      noStaleHighUrgencyIncidentCheck,
      buildReadinessFacts({
        onCall: {
          incidents: {
            open: [
              incident('2026-11-23T10:00:00.000Z'),
              incident('2026-11-21T12:00:00.000Z'),
            ],
          },
        },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      '"Checkout errors since 2026-11-21T12:00:00.000Z" has been open for 2d; the limit is 1d',
    );
    expect(result.facts).toContainEqual({
      label: 'Open for',
      value: '2d',
      ...pagerDutyFact,
    });
  });

  it('passes while the high-urgency incident is younger than the limit', async () => {
    const result = await runCheck(
      noStaleHighUrgencyIncidentCheck,
      buildReadinessFacts({
        onCall: { incidents: { open: [incident('2026-11-23T09:00:00.000Z')] } },
      }),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toContain('is open for 3h, within the 1d limit');
  });

  it('ignores old low-urgency incidents', async () => {
    const result = await runCheck(
      noStaleHighUrgencyIncidentCheck,
      buildReadinessFacts({
        onCall: {
          incidents: { open: [incident('2026-10-01T00:00:00.000Z', 'low')] },
        },
      }),
    );
    expect(result.state).toBe('pass');
  });

  it('uses a configured limit', async () => {
    const result = await runCheck(
      noStaleHighUrgencyIncidentCheck,
      buildReadinessFacts({
        onCall: { incidents: { open: [incident('2026-11-23T09:00:00.000Z')] } },
      }),
      { params: { maxOpenHours: 2 } },
    );
    expect(result.state).toBe('fail');
  });

  it('is an error when incident statistics are missing', async () => {
    const result = await runCheck(
      noStaleHighUrgencyIncidentCheck,
      buildReadinessFacts({ onCall: { incidents: undefined } }),
    );
    expect(result.state).toBe('error');
  });
});
