import { compileSli } from './compileSli';

describe('compileSli', () => {
  it('reads counter selectors', () => {
    expect(
      compileSli({
        kind: 'ratio-bad',
        counter: true,
        badQuery: 'http_requests_total{service="a",code=~"5.."}',
        totalQuery: 'http_requests_total{service="a"}',
      }),
    ).toEqual({
      ok: true,
      sli: {
        kind: 'counters',
        numerator: 'bad',
        numeratorSelector: {
          metric: 'http_requests_total',
          matchers: [
            { name: 'service', op: '=', value: 'a' },
            { name: 'code', op: '=~', value: '5..' },
          ],
        },
        totalSelector: {
          metric: 'http_requests_total',
          matchers: [{ name: 'service', op: '=', value: 'a' }],
        },
      },
    });
  });

  it('reads sum(rate(<selector>[$window])) and Sloth templates as the same counters', () => {
    const result = compileSli({
      kind: 'ratio-good',
      counter: true,
      goodQuery: 'sum ( rate( x_bucket{le="0.3"} [ $window ] ) )',
      totalQuery: 'increase(x_count[{{ .window }}])',
    });
    expect(result).toMatchObject({
      ok: true,
      sli: {
        kind: 'counters',
        numerator: 'good',
        numeratorSelector: { metric: 'x_bucket' },
        totalSelector: { metric: 'x_count', matchers: [] },
      },
    });
  });

  it('keeps other templates as expressions', () => {
    const result = compileSli({
      kind: 'ratio-bad',
      counter: false,
      badQuery: 'sum by (pod) (rate(x{code=~"5.."}[$window]))',
      totalQuery: 'x_total_selector{a="b"}',
    });
    expect(result).toEqual({
      ok: false,
      problem: expect.objectContaining({
        field: 'ratioMetric.total.metricSource.spec.query',
        message: expect.stringContaining('counter: false'),
      }),
    });
    expect(
      compileSli({
        kind: 'ratio-bad',
        counter: true,
        badQuery: 'sum by (pod) (rate(x{code=~"5.."}[$window]))',
        totalQuery: 'x{a="b"}',
      }),
    ).toEqual({
      ok: true,
      sli: {
        kind: 'expressions',
        numerator: 'bad',
        numeratorTemplate: 'sum by (pod) (rate(x{code=~"5.."}[$window]))',
        // Per second, like the rate it is divided into.
        totalTemplate: 'rate(x{a="b"}[$window])',
      },
    });
    expect(
      compileSli({
        kind: 'ratio-bad',
        counter: true,
        badQuery: 'sum by (pod) (increase(x{code=~"5.."}[$window]))',
        totalQuery: 'x{a="b"}',
      }),
    ).toMatchObject({
      ok: true,
      sli: { totalTemplate: 'increase(x{a="b"}[$window])' },
    });
  });

  it('keeps a plain rate template as written when the other query is a complex rate template (Sloth latency)', () => {
    // Sloth's latency example: slow requests are all requests minus the fast
    // ones, over all requests, both per second. Rewriting only the total to
    // increase() would make the ratio smaller by the window's seconds.
    const bad =
      'sum(rate(http_request_duration_seconds_count{job="api"}[{{.window}}])) - sum(rate(http_request_duration_seconds_bucket{job="api",le="0.25"}[{{.window}}]))';
    const total =
      'sum(rate(http_request_duration_seconds_count{job="api"}[{{.window}}]))';
    expect(
      compileSli({
        kind: 'ratio-bad',
        counter: true,
        badQuery: bad,
        totalQuery: total,
      }),
    ).toEqual({
      ok: true,
      sli: {
        kind: 'expressions',
        numerator: 'bad',
        numeratorTemplate: bad,
        totalTemplate: total,
      },
    });
  });

  it('names the field of a query it cannot measure', () => {
    expect(
      compileSli({
        kind: 'ratio-good',
        counter: true,
        goodQuery: 'sum(x{a="b"})',
        totalQuery: 'x',
      }),
    ).toEqual({
      ok: false,
      problem: {
        field: 'ratioMetric.good.metricSource.spec.query',
        message: expect.stringContaining(
          'neither a counter selector nor a template with $window',
        ),
        fix: expect.stringContaining('$window'),
      },
    });
    expect(
      compileSli({
        kind: 'ratio-bad',
        counter: true,
        badQuery: 'sum(rate(x[$window]))) or vector(1',
        totalQuery: 'x',
      }),
    ).toMatchObject({
      ok: false,
      problem: {
        field: 'ratioMetric.bad.metricSource.spec.query',
        message: expect.stringContaining('unbalanced'),
      },
    });
  });

  it('keeps threshold queries as written', () => {
    const query =
      'histogram_quantile(0.99, sum by (le) (rate(x_bucket[$window])))';
    expect(compileSli({ kind: 'threshold', query })).toEqual({
      ok: true,
      sli: { kind: 'threshold', template: query },
    });
  });
});
