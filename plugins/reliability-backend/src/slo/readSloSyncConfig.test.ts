import { ConfigReader } from '@backstage/config';
import { readSloSyncConfig } from './readSloSyncConfig';

describe('readSloSyncConfig', () => {
  it('bounds SLO windows at 90 days and blocks deploys on unknown page alerts and unknown decisions by default', () => {
    const config = readSloSyncConfig(new ConfigReader({}));
    expect(config.maxWindowSeconds).toBe(90 * 86_400);
    expect(config.deployGate).toEqual({
      unknownPageAlert: 'block',
      onUnknown: 'block',
    });
  });

  it('reads the window bound and the gate policy', () => {
    const config = readSloSyncConfig(
      new ConfigReader({
        reliability: {
          slos: {
            maxWindow: '400d',
            deployGate: { unknownPageAlert: 'allow', onUnknown: 'allow' },
          },
        },
      }),
    );
    expect(config.maxWindowSeconds).toBe(400 * 86_400);
    expect(config.deployGate).toEqual({
      unknownPageAlert: 'allow',
      onUnknown: 'allow',
    });
    expect(
      readSloSyncConfig(
        new ConfigReader({
          reliability: { slos: { maxWindow: { days: 28 } } },
        }),
      ).maxWindowSeconds,
    ).toBe(28 * 86_400);
  });

  it('names the key of a bad value', () => {
    expect(() =>
      readSloSyncConfig(
        new ConfigReader({
          reliability: { slos: { deployGate: { unknownPageAlert: 'maybe' } } },
        }),
      ),
    ).toThrow(
      'reliability.slos.deployGate.unknownPageAlert must be "block" or "allow", got "maybe"',
    );
    expect(() =>
      readSloSyncConfig(
        new ConfigReader({
          reliability: { slos: { deployGate: { onUnknown: 'open' } } },
        }),
      ),
    ).toThrow(
      'reliability.slos.deployGate.onUnknown must be "block" or "allow", got "open"',
    );
    expect(() =>
      readSloSyncConfig(
        new ConfigReader({ reliability: { slos: { maxWindow: '0d' } } }),
      ),
    ).toThrow('reliability.slos.maxWindow: "0d" is not a duration');
  });
});
