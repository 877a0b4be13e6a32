import { toSourceHealth } from './toSourceHealth';

const stored = {
  id: 'pagerduty:default',
  type: 'pagerduty',
  displayName: 'PagerDuty (default)',
  lastAttemptAt: '2025-03-01T10:00:00.000Z',
  lastSuccessAt: '2025-03-01T10:00:00.000Z',
  lastError: null,
  errorSince: null,
  warnings: [],
};
const staleAfterMs = 30 * 60_000;

describe('toSourceHealth', () => {
  it('is fresh within the staleness threshold, with its age', () => {
    const health = toSourceHealth(stored, {
      now: new Date('2025-03-01T10:29:59.500Z'),
      staleAfterMs,
    });
    expect(health).toEqual({ ...stored, stale: false, ageSeconds: 1799 });
  });

  it('is stale once the last success is older than the threshold', () => {
    const health = toSourceHealth(stored, {
      now: new Date('2025-03-01T10:30:01.000Z'),
      staleAfterMs,
    });
    expect(health.stale).toBe(true);
    expect(health.ageSeconds).toBe(1801);
  });

  it('is stale as soon as the last attempt failed, however recent the data', () => {
    const health = toSourceHealth(
      {
        ...stored,
        lastAttemptAt: '2025-03-01T10:05:00.000Z',
        lastError: 'PagerDuty answered 503',
        errorSince: '2025-03-01T10:05:00.000Z',
      },
      { now: new Date('2025-03-01T10:05:01.000Z'), staleAfterMs },
    );
    expect(health.stale).toBe(true);
    expect(health.ageSeconds).toBe(301);
  });

  it('has no age before the first success', () => {
    const health = toSourceHealth(
      { ...stored, lastAttemptAt: null, lastSuccessAt: null },
      { now: new Date('2025-03-01T10:05:00.000Z'), staleAfterMs },
    );
    expect(health).toEqual(
      expect.objectContaining({ stale: false, ageSeconds: null }),
    );
  });

  it('never reports a negative age when replica clocks disagree', () => {
    const health = toSourceHealth(stored, {
      now: new Date('2025-03-01T09:59:58.000Z'),
      staleAfterMs,
    });
    expect(health.ageSeconds).toBe(0);
  });
});
