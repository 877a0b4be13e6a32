import { change, incident } from './__testUtils__/builders';
import { april, aprilChanges, aprilIncidents } from './__testUtils__/timelines';
import {
  computeChangeFailureRate,
  failedChangeIds,
  timedChanges,
} from './changeFailureRate';

describe('change failure rate', () => {
  const input = {
    serviceIds: ['A', 'B', 'C', 'D'],
    changes: aprilChanges,
    incidents: aprilIncidents,
    period: april,
  };

  it('blames each high-urgency incident on the latest change within the hour before it', () => {
    // see the April timeline: c2 (not c1), c4 (exactly 60 m), c6, c5
    expect(
      [...failedChangeIds(timedChanges(aprilChanges), aprilIncidents)].sort(),
    ).toEqual(['c2', 'c4', 'c5', 'c6']);
  });

  it('rates each service and, over the services with change data, the whole', () => {
    expect(computeChangeFailureRate(input)).toEqual({
      windowMinutes: 60,
      // A 2 of 4 + C 1 of 1 = 3 of 5
      overall: { status: 'measured', changes: 5, failedChanges: 3, rate: 0.6 },
      services: [
        {
          serviceId: 'A',
          status: 'measured',
          changes: 4,
          failedChanges: 2,
          rate: 0.5,
        },
        // incidents but no change events: no data, never 0 %
        {
          serviceId: 'B',
          status: 'no-change-data',
          changes: 0,
          failedChanges: 0,
          rate: null,
        },
        // c5 failed through an incident just after April
        {
          serviceId: 'C',
          status: 'measured',
          changes: 1,
          failedChanges: 1,
          rate: 1,
        },
        // a change in March only: no data for April
        {
          serviceId: 'D',
          status: 'no-change-data',
          changes: 0,
          failedChanges: 0,
          rate: null,
        },
      ],
    });
  });

  it('honours a shorter window', () => {
    // 30 minutes: c2 (15 m before x1) and c5 (30 m, inclusive) still fail,
    // c4 (60 m) no longer; c6 is March's. A 1 of 4, C 1 of 1: 2 of 5
    const result = computeChangeFailureRate({ ...input, windowMinutes: 30 });
    expect(result.windowMinutes).toBe(30);
    expect(result.overall.rate).toBe(0.4);
    expect(result.services[0]).toMatchObject({ changes: 4, failedChanges: 1 });
  });

  it('has no overall figure when no service has change data', () => {
    expect(
      computeChangeFailureRate({ ...input, serviceIds: ['B', 'D'] }).overall,
    ).toEqual({
      status: 'no-change-data',
      changes: 0,
      failedChanges: 0,
      rate: null,
    });
  });

  it('counts a change listed twice once and skips an undatable one', () => {
    const result = computeChangeFailureRate({
      serviceIds: ['A'],
      changes: [
        change('d1', 'A', '2026-04-02T10:00:00Z'),
        change('d1', 'A', '2026-04-02T10:00:00Z'),
        change('d2', 'A', 'soon'),
        change('d3', 'A', '2026-04-03T10:00:00Z'),
      ],
      incidents: [incident('y1', 'A', '2026-04-02T10:20:00Z', 1, 5)],
      period: april,
    });
    expect(result.services[0]).toMatchObject({
      changes: 2,
      failedChanges: 1,
      rate: 0.5,
    });
  });

  it('does not blame a change for an incident on another service', () => {
    const result = computeChangeFailureRate({
      serviceIds: ['A'],
      changes: [change('e1', 'A', '2026-04-02T10:00:00Z')],
      incidents: [incident('y2', 'B', '2026-04-02T10:05:00Z', 1, 5)],
      period: april,
    });
    expect(result.overall.rate).toBe(0);
    expect(result.overall.status).toBe('measured');
  });

  it('rejects a negative window', () => {
    expect(() =>
      computeChangeFailureRate({ ...input, windowMinutes: -1 }),
    ).toThrow(/non-negative number of minutes/);
  });
});
