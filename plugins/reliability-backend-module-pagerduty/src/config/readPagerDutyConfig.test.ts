import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readPagerDutyConfig } from './readPagerDutyConfig';

function read(pagerduty: JsonObject) {
  return readPagerDutyConfig(new ConfigReader({ reliability: { pagerduty } }));
}

describe('readPagerDutyConfig', () => {
  it('applies defaults', () => {
    const config = read({ accounts: [{ id: 'default', token: 'abc-123' }] });

    expect(config).toEqual({
      accounts: [
        {
          id: 'default',
          baseUrl: 'https://api.pagerduty.com',
          token: 'abc-123',
          tokenType: 'token',
          requestsPerMinute: 960,
          requestTimeoutMs: 30_000,
          displayName: 'PagerDuty (default)',
        },
      ],
      defaultAccount: 'default',
      sync: {
        onCallHorizonDays: 7,
        onCallLookbackDays: 7,
        incidentWindowDays: 90,
        onCallBatchSize: 50,
      },
    });
  });

  it('reads several accounts, an EU base URL and an explicit default', () => {
    const config = read({
      accounts: [
        { id: 'us', token: 'a-token' },
        {
          id: 'eu_ops',
          baseUrl: 'https://api.eu.pagerduty.com/',
          token: 'b-token',
          tokenType: 'bearer',
          requestsPerMinute: 300,
          requestTimeoutMs: 5000,
          displayName: 'PagerDuty EU',
        },
      ],
      defaultAccount: 'eu_ops',
      onCallHorizonDays: 14,
    });

    expect(config.defaultAccount).toBe('eu_ops');
    expect(config.accounts[1]).toMatchObject({
      baseUrl: 'https://api.eu.pagerduty.com',
      tokenType: 'bearer',
      requestsPerMinute: 300,
      requestTimeoutMs: 5000,
      displayName: 'PagerDuty EU',
    });
    expect(config.sync.onCallHorizonDays).toBe(14);
  });

  it('keeps a path prefix of a proxy or simulator base URL', () => {
    const config = read({
      accounts: [
        {
          id: 'sim',
          baseUrl: 'http://localhost:7099/pagerduty/',
          token: 'sim-token',
        },
      ],
    });
    expect(config.accounts[0].baseUrl).toBe('http://localhost:7099/pagerduty');
  });

  it('means no accounts when the section is absent', () => {
    const config = readPagerDutyConfig(new ConfigReader({}));
    expect(config.accounts).toEqual([]);
    expect(config.defaultAccount).toBeUndefined();
  });

  it.each([
    [
      { accounts: [{ id: 'has space', token: 't-1234' }] },
      'reliability.pagerduty.accounts[0].id: "has space" is not a valid account id',
    ],
    [
      {
        accounts: [
          { id: 'a', baseUrl: 'ftp://api.pagerduty.com', token: 't-1234' },
        ],
      },
      'reliability.pagerduty.accounts[0].baseUrl: "ftp://api.pagerduty.com" must be an http(s) URL',
    ],
    [
      {
        accounts: [{ id: 'a', baseUrl: 'api.pagerduty.com', token: 't-1234' }],
      },
      'reliability.pagerduty.accounts[0].baseUrl: "api.pagerduty.com" is not a valid URL',
    ],
    [
      {
        accounts: [
          { id: 'a', token: 't-1234' },
          { id: 'a', token: 't-5678' },
        ],
      },
      'reliability.pagerduty.accounts[1].id: "a" is used twice (also by reliability.pagerduty.accounts[0])',
    ],
    [
      { accounts: [{ id: 'a', token: 't-1234' }], defaultAccount: 'b' },
      'reliability.pagerduty.defaultAccount: "b" is not one of the configured accounts ("a")',
    ],
    [
      { accounts: [{ id: 'a', token: 't-1234', tokenType: 'basic' }] },
      'reliability.pagerduty.accounts[0].tokenType: must be "token" or "bearer"',
    ],
    [
      { accounts: [{ id: 'a', token: 't-1234', requestsPerMinute: 0 }] },
      'reliability.pagerduty.accounts[0].requestsPerMinute: must be a positive number',
    ],
    [
      { accounts: [{ id: 'a', token: 't-1234' }], onCallHorizonDays: 120 },
      'reliability.pagerduty.onCallHorizonDays: must be a whole number from 1 to 90',
    ],
  ])('rejects %j naming the key', (pagerduty, message) => {
    expect(() => read(pagerduty)).toThrow(message);
  });

  it('never puts the token in a validation error', () => {
    expect(() =>
      read({
        accounts: [
          {
            id: 'a',
            baseUrl: 'https://u:pw@api.pagerduty.com',
            token: 'sekrit-token',
          },
        ],
      }),
    ).toThrow(/must not contain credentials/);
    let message = '';
    try {
      read({ accounts: [{ id: 'bad id', token: 'sekrit-token' }] });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('is not a valid account id');
    expect(message).not.toContain('sekrit-token');
  });

  it('reports a missing token with the key', () => {
    expect(() => read({ accounts: [{ id: 'a' }] })).toThrow(/token/);
  });
});
