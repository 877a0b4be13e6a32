import { incident } from './__testUtils__/builders';
import { march, marchIncidents } from './__testUtils__/timelines';
import { computeIncidentMeasures } from './incidentMeasures';

describe('computeIncidentMeasures', () => {
  const measures = computeIncidentMeasures(marchIncidents, march);

  it('counts the incidents created in the local month, by urgency', () => {
    // i1 i3 i4 i7 i8 i9; i1 is in March although created on 28 February UTC
    expect(measures.total).toBe(6);
    expect(measures.byUrgency).toEqual({ high: 4, low: 2 });
  });

  it('MTTA: mean and nearest-rank p90 of the acknowledged, the others counted apart', () => {
    // acknowledged: i1 4m, i3 10m, i8 20m, i9 1m; mean 35/4 = 8.75 m = 525 s
    // p90: rank ceil(0.9 x 4) = 4 of [1, 4, 10, 20] -> 20 m = 1200 s
    expect(measures.mtta).toEqual({
      count: 4,
      meanSeconds: 525,
      p90Seconds: 1200,
      p90Approximate: false,
    });
    // i4 and i7 were never acknowledged
    expect(measures.unacknowledged).toBe(2);
  });

  it('MTTR: mean and p90 of the resolved, across the DST change by real elapsed time', () => {
    // resolved: i1 30m, i3 180m (01:30 CET to 04:30 CEST is 3 real hours),
    // i7 2m, i8 300m, i9 16440m; sum 16952 m, mean 3390.4 m = 203424 s
    // p90: rank ceil(4.5) = 5 -> 16440 m = 986400 s
    expect(measures.mttr).toEqual({
      count: 5,
      meanSeconds: 203424,
      p90Seconds: 986400,
      p90Approximate: false,
    });
    expect(measures.unresolved).toBe(1);
  });

  it('open at the period end: created before it, not resolved by it', () => {
    // i4 (open) and i6 (February, resolved 2 April); not i5 (created at the
    // end), not i9 (resolved exactly at the end)
    expect(measures.openAtPeriodEnd).toBe(2);
  });

  it('names the longest resolved incident', () => {
    expect(measures.longest).toEqual({
      incidentId: 'i9',
      serviceId: 'A',
      durationSeconds: 986400,
    });
  });

  it('gives zero counts and null figures for an empty month, never NaN', () => {
    expect(computeIncidentMeasures([], march)).toEqual({
      total: 0,
      byUrgency: { high: 0, low: 0 },
      mtta: {
        count: 0,
        meanSeconds: null,
        p90Seconds: null,
        p90Approximate: false,
      },
      unacknowledged: 0,
      mttr: {
        count: 0,
        meanSeconds: null,
        p90Seconds: null,
        p90Approximate: false,
      },
      unresolved: 0,
      openAtPeriodEnd: 0,
      longest: null,
    });
  });

  it('keeps an acknowledgement with an unusable time out of MTTA but not out of "acknowledged"', () => {
    const skewed = incident('s1', 'A', '2026-03-05T10:00:00Z', -3, 10);
    const undatable = {
      ...incident('s2', 'A', '2026-03-05T10:00:00Z', 1, 2),
      createdAt: 'yesterday',
    };
    const result = computeIncidentMeasures([skewed, undatable], march);
    expect(result.total).toBe(1);
    expect(result.mtta.count).toBe(0);
    expect(result.unacknowledged).toBe(0);
    expect(result.mttr.meanSeconds).toBe(600);
  });

  it('only open, never acknowledged incidents leave MTTA and MTTR empty', () => {
    const result = computeIncidentMeasures(
      [incident('o1', 'A', '2026-03-05T10:00:00Z', null, null)],
      march,
    );
    expect(result.mtta.meanSeconds).toBeNull();
    expect(result.mttr.p90Seconds).toBeNull();
    expect(result.unacknowledged).toBe(1);
    expect(result.unresolved).toBe(1);
    expect(result.openAtPeriodEnd).toBe(1);
  });
});
