import { ConfigReader } from '@backstage/config';
import { readReportConfig } from './readReportConfig';

describe('readReportConfig', () => {
  it('applies defaults', () => {
    expect(readReportConfig(new ConfigReader({}))).toEqual({
      timeZone: 'UTC',
      changeFailureWindowMinutes: 60,
      transientMinutes: 5,
      historyDays: 400,
      resyncDays: 3,
      hours: {
        businessDays: [1, 2, 3, 4, 5],
        businessStart: '09:00',
        businessEnd: '18:00',
        sleepStart: '22:00',
        sleepEnd: '07:00',
        defaultTimeZone: 'UTC',
      },
      digest: {
        enabled: false,
        schedule: {
          frequency: { hours: 6 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 5 },
        },
      },
    });
  });

  it('reads the digest switch and its schedule', () => {
    const config = readReportConfig(
      new ConfigReader({
        reliability: {
          reports: {
            digest: {
              enabled: true,
              schedule: { frequency: { cron: '0 8 1 * *' }, timeout: '10m' },
            },
          },
        },
      }),
    );
    expect(config.digest.enabled).toBe(true);
    expect(config.digest.schedule.frequency).toEqual({ cron: '0 8 1 * *' });
  });

  it('reads every key, the zone becoming the hours’ default', () => {
    const config = readReportConfig(
      new ConfigReader({
        reliability: {
          reports: {
            timeZone: 'Europe/Berlin',
            changeFailureWindowMinutes: 30,
            onCallHours: { businessDays: [1, 2, 3, 4], businessEnd: '17:00' },
          },
        },
      }),
    );
    expect(config.timeZone).toBe('Europe/Berlin');
    expect(config.changeFailureWindowMinutes).toBe(30);
    expect(config.hours).toMatchObject({
      businessDays: [1, 2, 3, 4],
      businessEnd: '17:00',
      defaultTimeZone: 'Europe/Berlin',
    });
  });

  it.each([
    [{ timeZone: 'Mars/Base' }, /timeZone "Mars\/Base"/],
    [{ historyDays: -1 }, /historyDays must be a whole number/],
    [
      { onCallHours: { businessStart: '25:00' } },
      /onCallHours: .*businessStart/,
    ],
    [
      { digest: { schedule: { frequency: 'often' } } },
      /reliability\.reports\.digest\.schedule/,
    ],
  ])('refuses %j naming the key', (reports, message) => {
    expect(() =>
      readReportConfig(new ConfigReader({ reliability: { reports } })),
    ).toThrow(message);
  });
});
