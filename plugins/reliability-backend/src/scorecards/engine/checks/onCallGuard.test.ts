import {
  buildReadinessFacts,
  neverSyncedSource,
  staleSource,
} from '../__testUtils__/buildReadinessFacts';
import { runCheck } from '../__testUtils__/runCheck';
import {
  mttaUnderThresholdCheck,
  mttrUnderThresholdCheck,
  noStaleHighUrgencyIncidentCheck,
} from './incidentChecks';
import { onCallChecks } from './onCallChecks';

/** Every check that reads PagerDuty data goes through the on-call guard. */
const pagerDutyChecks = [
  ...onCallChecks,
  mttaUnderThresholdCheck,
  mttrUnderThresholdCheck,
  noStaleHighUrgencyIncidentCheck,
].map(check => [check.id, check] as const);

const malformedProblem = {
  entityRef: 'component:default/checkout',
  field: 'metadata.annotations["pagerduty.com/service-id"]',
  message: '"not a service id" is not a PagerDuty service id',
};

describe('checks reading on-call data', () => {
  it.each(pagerDutyChecks)(
    '%s fails when no PagerDuty service is linked',
    async (_id, check) => {
      const result = await runCheck(
        check,
        buildReadinessFacts({
          onCall: {
            state: 'not-configured',
            sourceId: undefined,
            serviceId: undefined,
            freshness: null,
            service: undefined,
            escalationPolicy: undefined,
            incidents: undefined,
          },
        }),
      );
      expect(result.state).toBe('fail');
      expect(result.message).toContain('pagerduty.com/service-id');
      expect(result.facts).toEqual([
        { label: 'PagerDuty service', value: null, sourceId: 'catalog' },
      ]);
    },
  );

  it.each(pagerDutyChecks)(
    '%s fails when the annotation is malformed, naming the field',
    async (_id, check) => {
      const result = await runCheck(
        check,
        buildReadinessFacts({
          onCall: {
            state: 'malformed',
            serviceId: 'not a service id',
            problem: malformedProblem,
            freshness: null,
            service: undefined,
            escalationPolicy: undefined,
            incidents: undefined,
          },
        }),
      );
      expect(result.state).toBe('fail');
      expect(result.message).toBe(
        'metadata.annotations["pagerduty.com/service-id"]: "not a service id" is not a PagerDuty service id',
      );
      expect(result.facts).toEqual([
        {
          label: 'PagerDuty service',
          value: 'not a service id',
          sourceId: 'catalog',
        },
      ]);
    },
  );

  it.each(pagerDutyChecks)(
    '%s fails when PagerDuty does not know the service',
    async (_id, check) => {
      const result = await runCheck(
        check,
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
      expect(result.state).toBe('fail');
      expect(result.facts).toContainEqual(
        expect.objectContaining({ label: 'PagerDuty service', value: 'PGONE' }),
      );
    },
  );

  it.each(pagerDutyChecks)(
    '%s is an error while the on-call source has not synced yet',
    async (_id, check) => {
      const result = await runCheck(
        check,
        buildReadinessFacts({
          onCall: {
            state: 'awaiting-sync',
            freshness: neverSyncedSource('pagerduty:default'),
            service: undefined,
            escalationPolicy: undefined,
            incidents: undefined,
          },
        }),
      );
      expect(result.state).toBe('error');
      expect(result.message).toContain('pagerduty:default has not synced yet');
      expect(result.facts).toEqual([
        {
          label: 'Last successful sync',
          value: null,
          sourceId: 'pagerduty:default',
          asOf: null,
          stale: true,
        },
      ]);
    },
  );

  it.each(pagerDutyChecks)(
    '%s is an error when the on-call data is stale, saying since when',
    async (_id, check) => {
      const result = await runCheck(
        check,
        buildReadinessFacts({
          onCall: { freshness: staleSource('pagerduty:default') },
        }),
      );
      expect(result.state).toBe('error');
      expect(result.message).toContain('pagerduty:default are stale');
      expect(result.message).toContain('last good sync Sun, Nov 22, 08:00 UTC');
      expect(result.facts).toEqual([
        {
          label: 'Last successful sync',
          value: '2026-11-22T08:00:00.000Z',
          sourceId: 'pagerduty:default',
          asOf: '2026-11-22T08:00:00.000Z',
          stale: true,
        },
      ]);
    },
  );

  it.each(pagerDutyChecks)(
    '%s is an error when an ok entity has a source that never synced',
    async (_id, check) => {
      const result = await runCheck(
        check,
        buildReadinessFacts({
          onCall: { freshness: neverSyncedSource('pagerduty:default') },
        }),
      );
      expect(result.state).toBe('error');
      expect(result.message).toContain('has not synced successfully');
    },
  );

  it.each(pagerDutyChecks)(
    '%s is an error when no source reports the on-call data',
    async (_id, check) => {
      const result = await runCheck(
        check,
        buildReadinessFacts({ onCall: { freshness: null } }),
      );
      expect(result.state).toBe('error');
    },
  );
});
