import type { ChangeFailureMeasure } from '@preflight/plugin-reliability-common';
import { boundedChangeFailure } from './boundedLists';
import { changeFailureRateOf } from '../metrics/changeFailureRate';

function measureOf(
  counts: Array<[string, number, number]>,
): ChangeFailureMeasure {
  return {
    windowMinutes: 60,
    overall: changeFailureRateOf(
      counts.reduce((n, [, changes]) => n + changes, 0),
      counts.reduce((n, [, , failed]) => n + failed, 0),
    ),
    services: counts.map(([serviceId, changes, failed]) => ({
      serviceId,
      ...changeFailureRateOf(changes, failed),
    })),
  };
}

describe('boundedChangeFailure', () => {
  it('lists the worst services first and counts every one', () => {
    const measure = measureOf([
      ['A', 10, 1],
      ['B', 0, 0],
      ['C', 2, 2],
      ['D', 4, 2],
      ['E', 5, 0],
      ['F', 0, 0],
    ]);
    const bounded = boundedChangeFailure(measure, 4);

    // Most failed changes, then the higher rate; then no failures; the
    // services without change data only where room is left.
    expect(bounded.services.map(s => s.serviceId)).toEqual([
      'C',
      'D',
      'A',
      'E',
    ]);
    expect(bounded.serviceCount).toBe(6);
    expect(bounded.measuredServiceCount).toBe(4);
    // The overall figure stays over every service.
    expect(bounded.overall).toEqual(measure.overall);
    expect(boundedChangeFailure(measure, 10).services.slice(4)).toEqual([
      expect.objectContaining({ serviceId: 'B', status: 'no-change-data' }),
      expect.objectContaining({ serviceId: 'F', status: 'no-change-data' }),
    ]);
  });
});
