import { generateSliHistory } from './generateSliHistory';
import { openMetricsChunks } from './writeOpenMetrics';
import { SliScenario } from './sliScenario';

const END = Date.UTC(2025, 0, 2) / 1000;
const scenario: SliScenario = {
  seed: 'writer-test',
  endSeconds: END,
  days: 1,
  stepSeconds: 3600,
  services: [
    {
      service: 'svc "quoted" \\ back',
      requestsPerMinute: 10,
      baselineErrorRatio: 0.1,
      baselineErrorCode: '500',
      errorEpisodes: [],
    },
    {
      service: 'lat',
      requestsPerMinute: 10,
      baselineErrorRatio: 0,
      baselineErrorCode: '500',
      errorEpisodes: [],
      latency: { bucketBounds: [0.5], cumulativeShares: [0.9], episodes: [] },
    },
  ],
};

const textFor = (fromSeconds: number, toSeconds: number) =>
  [
    ...openMetricsChunks(generateSliHistory(scenario), {
      fromSeconds,
      toSeconds,
    }),
  ].join('');

describe('openMetricsChunks', () => {
  it('writes OpenMetrics families, counters named without _total, ending in # EOF', () => {
    const lines = textFor(END - 86400, END + 1)
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe('# TYPE http_requests counter');
    expect(lines).toContain('# TYPE http_request_duration_seconds histogram');
    expect(lines[lines.length - 1]).toBe('# EOF');
    const samples = lines.filter(line => !line.startsWith('#'));
    // 25 hourly samples: 3 counters ("quoted" 200 and 500, lat 200) and the
    // histogram's 2 buckets + _count + _sum
    expect(samples).toHaveLength(25 * 7);
    for (const line of samples) {
      expect(line).toMatch(/^[a-z_]+\{[^}]*\} [0-9.]+ \d{10}$/);
    }
    expect(samples[0]).toMatch(
      /^http_requests_total\{service="svc \\"quoted\\" \\\\ back",code="200"\} \d+ 1735689600$/,
    );
  });

  it('groups a histogram by timestamp: buckets, then _count and _sum', () => {
    const samples = textFor(END, END + 1)
      .split('\n')
      .filter(line => line.startsWith('http_request_duration_seconds'));
    expect(
      samples.map(
        line => line.split('{')[0] + line.split('}')[0].match(/le="[^"]*"/g),
      ),
    ).toEqual([
      'http_request_duration_seconds_bucketle="0.5"',
      'http_request_duration_seconds_bucketle="+Inf"',
      'http_request_duration_seconds_countnull',
      'http_request_duration_seconds_sumnull',
    ]);
    expect(samples.every(line => line.endsWith(` ${END}`))).toBe(true);
  });

  it('writes only samples inside [from, to)', () => {
    const timestamps = new Set(
      textFor(END - 3 * 3600, END)
        .split('\n')
        .filter(line => line && !line.startsWith('#'))
        .map(line => Number(line.split(' ').pop())),
    );
    expect([...timestamps].sort()).toEqual([
      END - 3 * 3600,
      END - 2 * 3600,
      END - 3600,
    ]);
  });
});
