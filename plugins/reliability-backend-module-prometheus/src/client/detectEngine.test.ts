import { detectEngine } from './detectEngine';

function answer(data: unknown, headers: Record<string, string> = {}) {
  return [
    200,
    new Headers(headers),
    JSON.stringify({ status: 'success', data }),
  ] as const;
}

describe('detectEngine', () => {
  it.each([
    [
      'Prometheus',
      answer({ version: '2.42.0', revision: 'abc', goVersion: 'go1.19' }),
      { engine: 'prometheus', version: '2.42.0' },
    ],
    [
      'Thanos',
      answer({ version: '0.34.1', revision: 'def' }),
      { engine: 'thanos', version: '0.34.1' },
    ],
    [
      'Mimir',
      answer({
        application: 'Grafana Mimir',
        version: '2.12.0',
        features: {},
      }),
      { engine: 'mimir', version: '2.12.0' },
    ],
    [
      'VictoriaMetrics 1.79 (empty data, its header)',
      answer({}, { 'X-Server-Hostname': 'vm-1' }),
      { engine: 'victoriametrics' },
    ],
    [
      'VictoriaMetrics behind a proxy that drops the header',
      answer({}),
      { engine: 'victoriametrics' },
    ],
  ])('tells %s', (_name, [status, headers, body], expected) => {
    expect(detectEngine(status, headers, body)).toEqual(expected);
  });

  it('says unknown for a 404 or an answer that is not the API', () => {
    expect(detectEngine(404, new Headers(), 'Not Found')).toEqual({
      engine: 'unknown',
    });
    expect(detectEngine(200, new Headers(), '<html></html>')).toEqual({
      engine: 'unknown',
    });
  });
});
