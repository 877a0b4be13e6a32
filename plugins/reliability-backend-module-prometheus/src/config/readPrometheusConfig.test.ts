import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readPrometheusConfig } from './readPrometheusConfig';

function read(prometheus: JsonObject) {
  return readPrometheusConfig(
    new ConfigReader({ reliability: { prometheus } }),
  );
}

describe('readPrometheusConfig', () => {
  it('applies defaults', () => {
    expect(
      read({
        instances: [{ name: 'main', baseUrl: 'http://localhost:9090/' }],
      }),
    ).toEqual({
      instances: [
        {
          name: 'main',
          baseUrl: 'http://localhost:9090',
          headers: {},
          timeoutMs: 30_000,
          maxConcurrency: 4,
          externalUrl: 'http://localhost:9090',
        },
      ],
      defaultInstance: 'main',
    });
  });

  it('reads a Mimir instance with a path prefix, tenant header and an explicit default', () => {
    const config = read({
      instances: [
        { name: 'main', baseUrl: 'http://prometheus:9090' },
        {
          name: 'mimir_eu',
          baseUrl: 'https://mimir.example.com/prometheus/',
          headers: { 'X-Scope-OrgID': 'team-a', Authorization: 'Bearer abc' },
          timeoutMs: 10_000,
          maxConcurrency: 8,
          externalUrl: 'https://grafana.example.com/explore',
        },
      ],
      defaultInstance: 'mimir_eu',
    });
    expect(config.defaultInstance).toBe('mimir_eu');
    expect(config.instances[1]).toEqual({
      name: 'mimir_eu',
      baseUrl: 'https://mimir.example.com/prometheus',
      headers: { 'X-Scope-OrgID': 'team-a', Authorization: 'Bearer abc' },
      timeoutMs: 10_000,
      maxConcurrency: 8,
      externalUrl: 'https://grafana.example.com/explore',
    });
  });

  it('reads where a VictoriaMetrics instance’s rules come from and its query link template', () => {
    const config = read({
      instances: [
        {
          name: 'vm',
          baseUrl: 'http://victoria:8428',
          rulesUrl: 'http://vmalert:8880/',
          queryLinkTemplate:
            'https://grafana.example.com/explore?left={"queries":[{"expr":"{{query}}"}],"range":{"from":"now-{{range}}"}}',
        },
      ],
    });
    expect(config.instances[0]).toMatchObject({
      rulesUrl: 'http://vmalert:8880',
      queryLinkTemplate:
        'https://grafana.example.com/explore?left={"queries":[{"expr":"{{query}}"}],"range":{"from":"now-{{range}}"}}',
    });
  });

  it.each([
    [
      'http://vm:8428/vmui/',
      'reliability.prometheus.instances[0].queryLinkTemplate: must contain {{query}}',
    ],
    [
      'http://vm:8428/vmui/#/?g0.expr={{query}}&t={{time}}',
      'reliability.prometheus.instances[0].queryLinkTemplate: unknown placeholder {{time}}',
    ],
    [
      'ftp://files.example.com/{{query}}',
      'reliability.prometheus.instances[0].queryLinkTemplate: must be an http(s) URL',
    ],
  ])(
    'rejects the query link template %j naming the key',
    (template, message) => {
      expect(() =>
        read({
          instances: [
            {
              name: 'vm',
              baseUrl: 'http://vm:8428',
              queryLinkTemplate: template,
            },
          ],
        }),
      ).toThrow(message);
    },
  );

  it('means no instances when the section is absent', () => {
    expect(readPrometheusConfig(new ConfigReader({}))).toEqual({
      instances: [],
    });
  });

  it.each([
    [
      { instances: [{ name: 'has space', baseUrl: 'http://p:9090' }] },
      'reliability.prometheus.instances[0].name: "has space" is not a valid instance name',
    ],
    [
      { instances: [{ name: 'a', baseUrl: 'prometheus:9090' }] },
      'reliability.prometheus.instances[0].baseUrl: "prometheus:9090" must be an http(s) URL',
    ],
    [
      { instances: [{ name: 'a', baseUrl: 'not a url' }] },
      'reliability.prometheus.instances[0].baseUrl: "not a url" is not a valid URL',
    ],
    [
      { instances: [{ name: 'a', baseUrl: 'http://p:9090/?x=1' }] },
      'reliability.prometheus.instances[0].baseUrl: "http://p:9090/?x=1" must not contain a query or a fragment',
    ],
    [
      {
        instances: [
          { name: 'a', baseUrl: 'http://p:9090' },
          { name: 'a', baseUrl: 'http://q:9090' },
        ],
      },
      'reliability.prometheus.instances[1].name: "a" is used twice (also by reliability.prometheus.instances[0])',
    ],
    [
      {
        instances: [{ name: 'a', baseUrl: 'http://p:9090' }],
        defaultInstance: 'b',
      },
      'reliability.prometheus.defaultInstance: "b" is not one of the configured instances ("a")',
    ],
    [
      { instances: [{ name: 'a', baseUrl: 'http://p:9090', timeoutMs: 0 }] },
      'reliability.prometheus.instances[0].timeoutMs: must be a whole number from 1 to 600000, got 0',
    ],
    [
      {
        instances: [
          { name: 'a', baseUrl: 'http://p:9090', maxConcurrency: 1.5 },
        ],
      },
      'reliability.prometheus.instances[0].maxConcurrency: must be a whole number from 1 to 64, got 1.5',
    ],
    [
      {
        instances: [
          {
            name: 'a',
            baseUrl: 'http://p:9090',
            headers: { 'Content-Type': 'text/plain' },
          },
        ],
      },
      'reliability.prometheus.instances[0].headers.Content-Type: the client sets this header itself',
    ],
    [
      {
        instances: [
          {
            name: 'a',
            baseUrl: 'http://p:9090',
            headers: { 'X-Scope-OrgID': 'a', 'x-scope-orgid': 'b' },
          },
        ],
      },
      'reliability.prometheus.instances[0].headers.x-scope-orgid: header given twice',
    ],
  ])('rejects %j naming the key', (prometheus, message) => {
    expect(() => read(prometheus as JsonObject)).toThrow(message);
  });

  it('reports a missing baseUrl with the key', () => {
    expect(() => read({ instances: [{ name: 'a' }] })).toThrow(/baseUrl/);
  });

  it('never puts a header value or URL credentials in a validation error', () => {
    const messages: string[] = [];
    for (const prometheus of [
      {
        instances: [
          {
            name: 'a',
            baseUrl: 'http://p:9090',
            headers: { Authorization: 'Bearer sekrit\nX-Evil: 1' },
          },
        ],
      },
      {
        instances: [
          {
            name: 'a',
            baseUrl: 'http://p:9090',
            headers: { Authorization: '   ' },
          },
        ],
      },
      { instances: [{ name: 'a', baseUrl: 'http://user:sekrit@p:9090' }] },
    ]) {
      try {
        read(prometheus);
      } catch (error) {
        messages.push(String(error));
      }
    }
    expect(messages).toEqual([
      expect.stringContaining('headers.Authorization: contains a line break'),
      expect.stringContaining('headers.Authorization: is empty'),
      expect.stringContaining('baseUrl: must not contain credentials'),
    ]);
    expect(messages.join('\n')).not.toContain('sekrit');
  });
});
