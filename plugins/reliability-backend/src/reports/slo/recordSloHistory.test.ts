import type {
  SloDefinition,
  SloMeasurement,
} from '@preflight/plugin-reliability-node';
import { evaluateMeasurement } from '../../slo/evaluateMeasurement';
import { sloHistoryWrites } from './recordSloHistory';
import { sloKey } from './SloHistoryStore';

const ms = (iso: string) => Date.parse(iso);
const measuredAt = '2026-11-22T00:02:00.000Z';

const definition: SloDefinition = {
  id: 'availability',
  name: 'availability',
  displayName: 'Availability',
  service: 'api',
  entityRef: 'component:default/api',
  file: 'slos.yaml',
  indicatorName: 'errors',
  indicator: {
    kind: 'ratio-good',
    counter: true,
    goodQuery: 'good',
    totalQuery: 'total',
  },
  window: '30d',
  windowSeconds: 30 * 86_400,
  rolling: true,
  budgetingMethod: 'Occurrences',
  objectiveIndex: 0,
  target: 0.99,
};

// 21 November in hourly buckets of 1,000 events; only the last hour (ending
// at midnight) had 100 bad events.
const buckets = Array.from({ length: 24 }, (_, hour) => ({
  timestamp: new Date(
    ms('2026-11-21T01:00:00Z') + hour * 3_600_000,
  ).toISOString(),
  good: hour === 23 ? 900 : 1_000,
  total: 1_000,
}));

const measurement: SloMeasurement = {
  ref: 'component:default/api/availability',
  entityRef: 'component:default/api',
  sloId: 'availability',
  evaluatedAt: measuredAt,
  // 500 bad of 100,000: attainment 99.5 %, half the budget left.
  period: { good: 99_500, total: 100_000 },
  // Half the requests of the last hour and five minutes fail: burn rate 50
  // over both page windows, so the page alert fires.
  windows: {
    '5m': { good: 50, total: 100 },
    '30m': { good: 500, total: 1_000 },
    '1h': { good: 500, total: 1_000 },
    '6h': { good: 5_000, total: 6_000 },
  },
  burnDown: {
    windowStart: '2026-10-23T00:02:00.000Z',
    stepSeconds: 3_600,
    buckets,
  },
  warnings: [],
  errors: [],
};

describe('sloHistoryWrites', () => {
  it('writes the day of the measurement and completes the day before at midnight', () => {
    const status = evaluateMeasurement(definition, measurement);
    expect(status.evaluation!.alerts.state).toBe('page');
    const writes = sloHistoryWrites({
      measured: [
        {
          definition,
          measurement,
          status,
          ownerRef: 'group:default/payments',
        },
      ],
      measuredAtMs: ms(measuredAt),
      timeZone: 'UTC',
      maxGapSeconds: 300,
      previous: new Map([
        [
          sloKey(definition.entityRef, definition.id),
          { day: '2026-11-21', measuredAtMs: ms('2026-11-21T23:58:00Z') },
        ],
      ]),
    });
    expect(writes.days).toEqual([
      {
        entityRef: 'component:default/api',
        sloId: 'availability',
        ownerRef: 'group:default/payments',
        sloName: 'Availability',
        objective: 0.99,
        day: '2026-11-22',
        attainment: 0.995,
        budgetRemaining: expect.closeTo(0.5, 12),
        // No bucket ends on 22 November yet.
        budgetConsumed: 0,
        // 00:00 to 00:02.
        pageAlertSeconds: 120,
        measuredAtMs: ms(measuredAt),
      },
    ]);
    expect(writes.closes).toEqual([
      {
        entityRef: 'component:default/api',
        sloId: 'availability',
        day: '2026-11-21',
        // 23:58 to midnight.
        pageAlertSeconds: 120,
        // 100 bad events of a budget of 1 % × 100,000 = 1,000.
        budgetConsumed: expect.closeTo(0.1, 12),
      },
    ]);
  });

  it('writes nothing for an SLO whose measurement failed', () => {
    const failed = { ...measurement, errors: [{ message: 'timeout' }] };
    const writes = sloHistoryWrites({
      measured: [
        {
          definition,
          measurement: failed,
          status: evaluateMeasurement(definition, failed),
          ownerRef: null,
        },
      ],
      measuredAtMs: ms(measuredAt),
      timeZone: 'UTC',
      maxGapSeconds: 300,
      previous: new Map(),
    });
    expect(writes).toEqual({ days: [], closes: [] });
  });
});
