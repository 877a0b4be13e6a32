import { ConfigReader } from '@backstage/config';
import { readReliabilityConfig } from './readReliabilityConfig';

describe('readReliabilityConfig', () => {
  it('runs with no configuration at all', () => {
    expect(readReliabilityConfig(new ConfigReader({}))).toEqual({
      sync: {
        schedule: {
          frequency: { minutes: 5 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 5 },
        },
        timeoutMs: 600_000,
        staleAfterMs: 1_800_000,
      },
      refresh: {
        perEntityIntervalMs: 30_000,
        perUserPerMinute: 10,
        timeoutMs: 30_000,
      },
    });
  });

  it('reads duration objects, ISO strings and cron', () => {
    const config = readReliabilityConfig(
      new ConfigReader({
        reliability: {
          sync: {
            frequency: { cron: '*/2 * * * *' },
            timeout: 'PT3M',
            initialDelay: { seconds: 1 },
            staleAfter: '1h',
          },
          refresh: { perEntityInterval: { minutes: 1 }, perUserPerMinute: 4 },
        },
      }),
    );
    expect(config.sync.schedule).toEqual({
      frequency: { cron: '*/2 * * * *' },
      timeout: { minutes: 3 },
      initialDelay: { seconds: 1 },
    });
    expect(config.sync.timeoutMs).toBe(180_000);
    expect(config.sync.staleAfterMs).toBe(3_600_000);
    expect(config.refresh.perEntityIntervalMs).toBe(60_000);
    expect(config.refresh.perUserPerMinute).toBe(4);
  });

  it('rejects values that would disable a limit', () => {
    expect(() =>
      readReliabilityConfig(
        new ConfigReader({ reliability: { sync: { staleAfter: 'PT0S' } } }),
      ),
    ).toThrow('reliability.sync.staleAfter must be a positive duration');
    expect(() =>
      readReliabilityConfig(
        new ConfigReader({ reliability: { refresh: { perUserPerMinute: 0 } } }),
      ),
    ).toThrow(
      'reliability.refresh.perUserPerMinute must be a positive integer',
    );
    expect(() =>
      readReliabilityConfig(
        new ConfigReader({ reliability: { sync: { timeout: 'soon' } } }),
      ),
    ).toThrow(/reliability.sync.timeout|timeout/);
  });
});
