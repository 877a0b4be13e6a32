import { metricDelta, servicesThatMovedMost } from './deltas';

describe('metricDelta', () => {
  it("judges the change by the figure's better direction", () => {
    // MTTR 40 m -> 30 m: 10 m shorter, a quarter less, better
    expect(metricDelta(30, 40, 'lower')).toEqual({
      current: 30,
      previous: 40,
      change: -10,
      relativeChange: -0.25,
      direction: 'improved',
    });
    // actionable share 50 % -> 40 %: worse
    expect(metricDelta(0.4, 0.5, 'higher')).toMatchObject({
      direction: 'worsened',
    });
    expect(metricDelta(3, 3, 'lower').direction).toBe('unchanged');
  });

  it('has no relative change from zero and no change from no data', () => {
    expect(metricDelta(5, 0, 'lower')).toEqual({
      current: 5,
      previous: 0,
      change: 5,
      relativeChange: null,
      direction: 'worsened',
    });
    expect(metricDelta(null, 0.2, 'lower')).toEqual({
      current: null,
      previous: 0.2,
      change: null,
      relativeChange: null,
      direction: null,
    });
  });
});

describe('servicesThatMovedMost', () => {
  it('ranks services by the size of their change, leaving out the unchanged and the unknown', () => {
    const current = new Map<string, number | null>([
      ['A', 100],
      ['B', 50],
      ['C', 10],
      ['D', null],
      ['E', 7],
    ]);
    const previous = new Map<string, number | null>([
      ['A', 90],
      ['B', 80],
      ['C', 10],
      ['D', 5],
      ['F', 3],
    ]);
    // B -30, A +10; C unchanged; D and E lack a figure in one period
    const moved = servicesThatMovedMost(current, previous, 'lower');
    expect(
      moved.map(m => [m.serviceId, m.delta.change, m.delta.direction]),
    ).toEqual([
      ['B', -30, 'improved'],
      ['A', 10, 'worsened'],
    ]);
    expect(servicesThatMovedMost(current, previous, 'lower', 1)).toHaveLength(
      1,
    );
  });
});
