import type {
  SloDefinition,
  SloMeasurement,
} from '@preflight/plugin-reliability-node';
import { evaluateMeasurement } from './evaluateMeasurement';

const now = '2026-11-22T08:00:00.000Z';
const base: SloDefinition = {
  id: 'latency',
  name: 'latency',
  displayName: 'Latency',
  service: 'api',
  entityRef: 'component:default/api',
  file: 'slos.yaml',
  indicatorName: 'p99',
  indicator: { kind: 'threshold', query: 'p99' },
  window: '1d',
  windowSeconds: 86_400,
  rolling: true,
  budgetingMethod: 'Timeslices',
  objectiveIndex: 0,
  target: 0.9,
  thresholdOp: 'lt',
  thresholdValue: 0.3,
};

function measurement(extra: Partial<SloMeasurement>): SloMeasurement {
  return {
    ref: 'component:default/api/latency',
    entityRef: 'component:default/api',
    sloId: 'latency',
    evaluatedAt: now,
    windows: {},
    warnings: [],
    errors: [],
    ...extra,
  };
}

describe('evaluateMeasurement', () => {
  it('judges threshold SLIs slice by slice', () => {
    // 24 hourly slices, the last 3 too slow: 21/24 good.
    const points = Array.from({ length: 24 }, (_, i) => ({
      timestamp: new Date(Date.parse(now) - (23 - i) * 3_600_000).toISOString(),
      value: i >= 21 ? 0.5 : 0.1,
      good: i < 21,
    }));
    const status = evaluateMeasurement(
      base,
      measurement({ threshold: { stepSeconds: 3600, points } }),
    );
    expect(status.state).toBe('ok');
    expect(status.evaluation!.attainment).toBeCloseTo(21 / 24);
    // Windows shorter than a slice cannot be judged.
    const burn = Object.fromEntries(
      status.evaluation!.burnRates.map(b => [b.window, b.burnRate]),
    );
    // A 1-day period scales the 30-day windows by 1/30: 2h → 5m (floor),
    // 1d → 48m, 3d → 144m.
    expect(burn['5m']).toBeNull();
    expect(burn['1d']).toBeNull();
    expect(burn['3d']).toBeCloseTo(10); // 144m: the last 3 slices, all bad; budget 10%
    expect(status.burnDown).toHaveLength(24);
  });

  it("averages the slices' ratios under RatioTimeslices, and counts met slices under Timeslices", () => {
    // Four hourly slices: a burst of 1000 requests at 50% (an attack), then
    // three quiet hours at 100%, 90% and no traffic.
    const buckets = [
      { good: 500, total: 1000 },
      { good: 10, total: 10 },
      { good: 9, total: 10 },
      { good: 0, total: 0 },
    ].map((counts, i) => ({
      timestamp: new Date(Date.parse(now) - (3 - i) * 3_600_000).toISOString(),
      ...counts,
    }));
    const ratio: SloDefinition = {
      ...base,
      indicator: {
        kind: 'ratio-good',
        counter: true,
        goodQuery: 'g',
        totalQuery: 't',
      },
      thresholdOp: undefined,
      thresholdValue: undefined,
      timeSliceWindowSeconds: 3600,
    };
    const observed = measurement({
      period: { good: 519, total: 1020 },
      burnDown: {
        windowStart: new Date(Date.parse(now) - 86_400_000).toISOString(),
        stepSeconds: 3600,
        buckets,
      },
    });
    const averaged = evaluateMeasurement(
      { ...ratio, budgetingMethod: 'RatioTimeslices' },
      observed,
    );
    // (0.5 + 1 + 0.9) / 3 slices with traffic, not 519/1020.
    expect(averaged.evaluation!.attainment).toBeCloseTo(0.8);
    expect(averaged.burnDown).toHaveLength(4);

    const counted = evaluateMeasurement(
      { ...ratio, budgetingMethod: 'Timeslices', timeSliceTarget: 0.9 },
      observed,
    );
    expect(counted.evaluation!.attainment).toBeCloseTo(2 / 3);
  });

  it('yields no data, not NaN, without traffic', () => {
    const status = evaluateMeasurement(
      {
        ...base,
        indicator: {
          kind: 'ratio-good',
          counter: true,
          goodQuery: 'g',
          totalQuery: 't',
        },
        budgetingMethod: 'Occurrences',
      },
      measurement({ period: null }),
    );
    expect(status.state).toBe('no-data');
    expect(status.evaluation!.budgetRemaining).toBeNull();
  });

  it('reports errors without an evaluation, so the last good one is kept', () => {
    expect(
      evaluateMeasurement(
        base,
        measurement({ errors: [{ message: 'latency: 422 execution' }] }),
      ),
    ).toEqual({
      entityRef: 'component:default/api',
      sloId: 'latency',
      state: 'error',
      errors: ['latency: 422 execution'],
      warnings: [],
    });
    expect(evaluateMeasurement(base, undefined)).toMatchObject({
      state: 'error',
      errors: [expect.stringContaining('no measurement')],
    });
  });

  it('keeps the field of a measurement error in the message the card shows', () => {
    const status = evaluateMeasurement(
      base,
      measurement({
        errors: [
          {
            message:
              'SLO "latency" of component:default/api: the threshold query returned 3 series',
            field:
              'spec.indicator.spec.thresholdMetric.metricSource.spec.query',
          },
        ],
      }),
    );
    expect(status.state).toBe('error');
    expect(status.errors).toEqual([
      'SLO "latency" of component:default/api: the threshold query returned 3 series (field spec.indicator.spec.thresholdMetric.metricSource.spec.query)',
    ]);
  });
});
