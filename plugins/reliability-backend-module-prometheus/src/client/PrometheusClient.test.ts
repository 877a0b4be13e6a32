import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  PrometheusClient,
  type PrometheusClientOptions,
} from './PrometheusClient';
import {
  isPrometheusQueryError,
  PrometheusQueryError,
} from './PrometheusQueryError';

const BASE = 'http://mimir.test/prometheus';
const TENANT = 'tenant-sekrit-42';
const TOKEN = 'Bearer tok-sekrit-99';
const AT = Date.UTC(2025, 0, 15, 12, 0, 0) / 1000;

const server = setupServer();
registerMswTestHooks(server);

function makeClient(
  overrides: Partial<PrometheusClientOptions['instance']> = {},
  retry: PrometheusClientOptions['retry'] = {},
) {
  const sleeps: number[] = [];
  const client = new PrometheusClient({
    instance: {
      name: 'mimir-eu',
      baseUrl: BASE,
      headers: { 'X-Scope-OrgID': TENANT, Authorization: TOKEN },
      timeoutMs: 5_000,
      maxConcurrency: 4,
      ...overrides,
    },
    retry: { random: () => 0.5, ...retry },
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
    },
  });
  return { client, sleeps };
}

async function failure(
  promise: Promise<unknown>,
): Promise<PrometheusQueryError> {
  try {
    await promise;
  } catch (error) {
    if (isPrometheusQueryError(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the query to fail');
}

function vector(result: unknown[], extra: Record<string, unknown> = {}) {
  return HttpResponse.json({
    status: 'success',
    data: { resultType: 'vector', result },
    ...extra,
  });
}

function envelopeError(status: number, errorType: string, error: string) {
  return HttpResponse.json({ status: 'error', errorType, error }, { status });
}

describe('PrometheusClient', () => {
  it('POSTs a form with the query, an explicit time and a server timeout, with the configured headers', async () => {
    const seen: { form: URLSearchParams; headers: Headers }[] = [];
    server.use(
      http.post(`${BASE}/api/v1/query`, async ({ request }) => {
        seen.push({
          form: new URLSearchParams(await request.text()),
          headers: request.headers,
        });
        return vector([]);
      }),
    );
    const { client } = makeClient();
    const longQuery = `sum(x{service=~"${'a|'.repeat(3000)}b"})`;
    await client.instantQuery(longQuery, { time: new Date(AT * 1000) });

    expect(seen).toHaveLength(1);
    const [{ form, headers }] = seen;
    expect(form.get('query')).toBe(longQuery);
    expect(form.get('time')).toBe(String(AT));
    expect(form.get('timeout')).toBe('4.5');
    expect(form.get('partial_response')).toBe('false');
    expect(form.get('deny_partial_response')).toBe('1');
    expect(headers.get('content-type')).toBe(
      'application/x-www-form-urlencoded',
    );
    expect(headers.get('x-scope-orgid')).toBe(TENANT);
    expect(headers.get('authorization')).toBe(TOKEN);
  });

  it('turns "NaN" into null and ±Inf into infinities, so no NaN leaves the client', async () => {
    server.use(
      http.post(`${BASE}/api/v1/query`, () =>
        vector([
          { metric: { service: 'a' }, value: [AT, '12.5'] },
          { metric: { service: 'b' }, value: [AT, 'NaN'] },
          { metric: { service: 'c' }, value: [AT, '+Inf'] },
          { metric: { service: 'd' }, value: [AT, '-Inf'] },
          { metric: { service: 'e' }, value: [AT, '1e-3'] },
        ]),
      ),
    );
    const { client } = makeClient();
    const result = await client.instantQuery('x', { time: AT });

    expect(result.samples.map(sample => sample.value)).toEqual([
      12.5,
      null,
      Infinity,
      -Infinity,
      0.001,
    ]);
    expect(result.samples.some(sample => Number.isNaN(sample.value))).toBe(
      false,
    );
    expect(result.samples[0]).toEqual({
      labels: { service: 'a' },
      timestampSeconds: AT,
      value: 12.5,
    });
  });

  it('reads a scalar result as one unlabelled sample', async () => {
    server.use(
      http.post(`${BASE}/api/v1/query`, () =>
        HttpResponse.json({
          status: 'success',
          data: { resultType: 'scalar', result: [AT, 'NaN'] },
        }),
      ),
    );
    const { client } = makeClient();
    const result = await client.instantQuery('0/0', { time: AT });
    expect(result).toMatchObject({
      resultType: 'scalar',
      samples: [{ labels: {}, value: null }],
    });
  });

  it('surfaces warnings and infos of a successful answer', async () => {
    server.use(
      http.post(`${BASE}/api/v1/query`, () =>
        vector([{ metric: {}, value: [AT, '1'] }], {
          warnings: ['partial response: store gateway unavailable'],
          infos: ['PromQL info: metric might not be a counter'],
        }),
      ),
    );
    const { client } = makeClient();
    const result = await client.instantQuery('x', { time: AT });
    expect(result.warnings).toEqual([
      'partial response: store gateway unavailable',
    ]);
    expect(result.infos).toEqual([
      'PromQL info: metric might not be a counter',
    ]);
  });

  it('warns on an answer marked partial (VictoriaMetrics cluster isPartial) instead of passing it as complete', async () => {
    server.use(
      http.post(`${BASE}/api/v1/query_range`, () =>
        HttpResponse.json({
          status: 'success',
          isPartial: true,
          data: { resultType: 'matrix', result: [] },
        }),
      ),
    );
    const { client } = makeClient();
    const result = await client.rangeQuery('x', {
      start: AT - 600,
      end: AT,
      stepSeconds: 60,
    });
    expect(result.warnings).toEqual([
      'partial response: the engine answered without some of its storage nodes (isPartial), so counts may be too low',
    ]);
  });

  it.each([
    [
      400,
      'bad_data',
      'invalid parameter "query": 1:5: parse error: unexpected "}"',
    ],
    [
      422,
      'execution',
      'query processing would load too many samples into memory',
    ],
  ])(
    'fails at once on HTTP %i %s, naming the instance and the error type',
    async (status, errorType, message) => {
      let requests = 0;
      server.use(
        http.post(`${BASE}/api/v1/query`, () => {
          requests += 1;
          return envelopeError(status, errorType, message);
        }),
      );
      const { client, sleeps } = makeClient();
      const error = await failure(client.instantQuery('x{', { time: AT }));

      expect(requests).toBe(1);
      expect(sleeps).toEqual([]);
      expect(error).toMatchObject({
        instance: 'mimir-eu',
        errorType,
        httpStatus: status,
        retryable: false,
        attempts: 1,
      });
      expect(error.message).toBe(
        `Prometheus instance "mimir-eu": ${errorType} (HTTP ${status}): ${message}`,
      );
    },
  );

  it('keeps the cause of an error whose message echoes a long query first (VictoriaMetrics)', async () => {
    const query = `sum by (service) (increase(http_requests_total{service=~"${Array.from(
      { length: 60 },
      (_, i) => `service-${i}`,
    ).join('|')}"}[30d]))`;
    const reason =
      'cannot select more than -search.maxSamplesPerQuery=1000000 samples; possible solutions: to increase the -search.maxSamplesPerQuery; to reduce time range for the query; to use more specific label filters in order to select lower number of series';
    server.use(
      http.post(`${BASE}/api/v1/query`, () =>
        // errorType "422" and the Go-quoted query are what VictoriaMetrics 1.79 sends.
        envelopeError(
          422,
          '422',
          `error when executing query=${JSON.stringify(
            query,
          )} for (time=1736942400000, step=300000): ${reason}`,
        ),
      ),
    );
    const { client } = makeClient();
    const error = await failure(client.instantQuery(query, { time: AT }));

    expect(error.detail).toBe(
      `error when executing query=(the query) for (time=1736942400000, step=300000): ${reason}`,
    );
    expect(error.retryable).toBe(false);
  });

  it('bounds a long error message but keeps its end, where engines put the cause', async () => {
    const message = `${'context '.repeat(200)}: the cause at the end`;
    server.use(
      http.post(`${BASE}/api/v1/query`, () =>
        envelopeError(422, 'execution', message),
      ),
    );
    const { client } = makeClient();
    const error = await failure(client.instantQuery('up', { time: AT }));

    expect(error.detail.length).toBeLessThanOrEqual(500);
    expect(error.detail).toMatch(/^context context/);
    expect(error.detail).toMatch(/: the cause at the end$/);
  });

  it('retries a server-side timeout a bounded number of times with growing backoff', async () => {
    let requests = 0;
    server.use(
      http.post(`${BASE}/api/v1/query`, () => {
        requests += 1;
        return envelopeError(
          503,
          'timeout',
          'query timed out in expression evaluation',
        );
      }),
    );
    const { client, sleeps } = makeClient(
      {},
      { maxAttempts: 3, baseDelayMs: 200 },
    );
    const error = await failure(client.instantQuery('x', { time: AT }));

    expect(requests).toBe(3);
    expect(sleeps).toEqual([150, 300]);
    expect(error).toMatchObject({
      errorType: 'timeout',
      attempts: 3,
      retryable: true,
    });
    expect(client.stats()).toMatchObject({
      queries: 1,
      requests: 3,
      retries: 2,
      failures: 1,
    });
  });

  it('recovers when a retry succeeds after a 503 canceled and an HTML 502 from a proxy', async () => {
    const answers = [
      () => envelopeError(503, 'canceled', 'query was canceled'),
      () =>
        new HttpResponse('<html><body>502 Bad Gateway</body></html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
      () => vector([{ metric: {}, value: [AT, '7'] }]),
    ];
    server.use(http.post(`${BASE}/api/v1/query`, () => answers.shift()!()));
    const { client } = makeClient();
    const result = await client.instantQuery('x', { time: AT });
    expect(result.samples[0].value).toBe(7);
    expect(answers).toHaveLength(0);
  });

  it('retries network errors and reports them as network errors when they persist', async () => {
    let requests = 0;
    server.use(
      http.post(`${BASE}/api/v1/query`, () => {
        requests += 1;
        return HttpResponse.error();
      }),
    );
    const { client } = makeClient({}, { maxAttempts: 2 });
    const error = await failure(client.instantQuery('x', { time: AT }));
    expect(requests).toBe(2);
    expect(error.errorType).toBe('network');
  });

  it('honours Retry-After on 429, capped at the longest backoff', async () => {
    const answers = [
      () =>
        new HttpResponse('slow down', {
          status: 429,
          headers: { 'retry-after': '2' },
        }),
      () =>
        new HttpResponse('slow down', {
          status: 429,
          headers: { 'retry-after': '3600' },
        }),
      () => vector([]),
    ];
    server.use(http.post(`${BASE}/api/v1/query`, () => answers.shift()!()));
    const { client, sleeps } = makeClient(
      {},
      { maxAttempts: 3, maxDelayMs: 5_000 },
    );
    await client.instantQuery('x', { time: AT });
    expect(sleeps).toEqual([2_000, 5_000]);
  });

  it('gives up at the deadline of a request that never answers, without retrying it', async () => {
    let requests = 0;
    server.use(
      http.post(`${BASE}/api/v1/query`, async () => {
        requests += 1;
        await delay('infinite');
        return vector([]);
      }),
    );
    const { client } = makeClient({ timeoutMs: 50 });
    const error = await failure(client.instantQuery('x', { time: AT }));
    expect(error).toMatchObject({
      instance: 'mimir-eu',
      errorType: 'deadline',
      retryable: false,
    });
    expect(error.message).toContain('no answer within 50 ms');
    expect(requests).toBe(1);
  });

  it('stops when the caller aborts', async () => {
    server.use(
      http.post(`${BASE}/api/v1/query`, async () => {
        await delay('infinite');
        return vector([]);
      }),
    );
    const { client } = makeClient();
    const controller = new AbortController();
    const pending = failure(
      client.instantQuery('x', { time: AT, signal: controller.signal }),
    );
    controller.abort();
    expect((await pending).errorType).toBe('aborted');
  });

  it('explains 401 and 404 without repeating header values, even when the server echoes them', async () => {
    server.use(
      http.post(`${BASE}/api/v1/query`, () =>
        HttpResponse.json(
          {
            status: 'error',
            errorType: 'unauthorized',
            error: `no org id; got ${TENANT} and ${TOKEN}`,
          },
          { status: 401 },
        ),
      ),
      http.post(
        `${BASE}/api/v1/query_range`,
        () => new HttpResponse('404 page not found', { status: 404 }),
      ),
    );
    const { client } = makeClient();
    const unauthorized = await failure(client.instantQuery('x', { time: AT }));
    expect(unauthorized.httpStatus).toBe(401);
    expect(unauthorized.retryable).toBe(false);
    expect(unauthorized.message).not.toContain(TENANT);
    expect(unauthorized.message).not.toContain('tok-sekrit-99');
    expect(unauthorized.message).toContain('[redacted]');

    const missing = await failure(
      client.rangeQuery('x', { start: AT - 3600, end: AT, stepSeconds: 60 }),
    );
    expect(missing.errorType).toBe('not_found');
    expect(missing.message).toContain('check baseUrl');
  });

  it('rejects a 200 answer that is not a Prometheus envelope', async () => {
    server.use(
      http.post(
        `${BASE}/api/v1/query`,
        () =>
          new HttpResponse('<html>Sign in</html>', {
            status: 200,
            headers: { 'content-type': 'text/html' },
          }),
      ),
    );
    const { client } = makeClient();
    const error = await failure(client.instantQuery('x', { time: AT }));
    expect(error.errorType).toBe('invalid_response');
    expect(error.retryable).toBe(false);
  });

  it('sends range queries with start, end and step, and parses the matrix', async () => {
    const forms: URLSearchParams[] = [];
    server.use(
      http.post(`${BASE}/api/v1/query_range`, async ({ request }) => {
        forms.push(new URLSearchParams(await request.text()));
        return HttpResponse.json({
          status: 'success',
          data: {
            resultType: 'matrix',
            result: [
              {
                metric: { service: 'a' },
                values: [
                  [AT - 240, '1'],
                  [AT, 'NaN'],
                ],
              },
            ],
          },
        });
      }),
    );
    const { client } = makeClient();
    const result = await client.rangeQuery('x', {
      start: AT - 30 * 86_400 + 240,
      end: AT,
      stepSeconds: 240,
    });
    expect(forms[0].get('start')).toBe(String(AT - 30 * 86_400 + 240));
    expect(forms[0].get('end')).toBe(String(AT));
    expect(forms[0].get('step')).toBe('240');
    expect(result.series).toEqual([
      {
        labels: { service: 'a' },
        points: [
          { timestampSeconds: AT - 240, value: 1 },
          { timestampSeconds: AT, value: null },
        ],
      },
    ]);
  });

  it('refuses, without a request, a range that would exceed 11,000 points per series', async () => {
    const { client } = makeClient();
    // msw fails the test on any unhandled request, so none is sent.
    const error = await failure(
      client.rangeQuery('x', {
        start: AT - 30 * 86_400,
        end: AT,
        stepSeconds: 180,
      }),
    );
    expect(error.errorType).toBe('too_many_points');
    expect(error.message).toContain('14401 points per series');
  });

  it('keeps at most maxConcurrency requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const gates: Array<() => void> = [];
    server.use(
      http.post(`${BASE}/api/v1/query`, async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise<void>(resolve => gates.push(resolve));
        inFlight -= 1;
        return vector([]);
      }),
    );
    const { client } = makeClient({ maxConcurrency: 2 });
    const queries = Array.from({ length: 6 }, () =>
      client.instantQuery('x', { time: AT }),
    );
    // Open a gate whenever a request is waiting, until all six are done.
    let done = false;
    const all = Promise.all(queries).finally(() => {
      done = true;
    });
    while (!done) {
      await new Promise(resolve => setImmediate(resolve));
      gates.shift()?.();
    }
    await all;
    expect(most).toBe(2);
    expect(client.stats()).toMatchObject({
      queries: 6,
      requests: 6,
      peakConcurrency: 2,
    });
  });
});

describe('PrometheusClient.alertingRules', () => {
  const RULES = `${BASE}/api/v1/rules`;

  function rulesAnswer(groups: unknown[]) {
    return HttpResponse.json({ status: 'success', data: { groups } });
  }

  const checkoutGroup = {
    name: 'checkout-api',
    file: '/etc/prometheus/rules/checkout.yaml',
    interval: 60,
    rules: [
      {
        type: 'recording',
        name: 'job:http_requests:rate5m',
        query: 'sum by (job) (rate(http_requests_total[5m]))',
        labels: {},
        health: 'ok',
      },
      {
        type: 'alerting',
        name: 'CheckoutHighErrorRate',
        query: 'job:http_errors:ratio5m{service="checkout-api"} > 0.05',
        duration: 600,
        labels: { severity: 'page', service: 'checkout-api' },
        annotations: {
          summary: 'Checkout fails requests',
          runbook_url: 'https://runbooks.example.com/checkout/errors',
        },
        alerts: [],
        health: 'ok',
        state: 'inactive',
      },
    ],
  };

  it('GETs the alerting rules with the configured headers and leaves recording rules out', async () => {
    const seen: { url: URL; method: string; headers: Headers }[] = [];
    server.use(
      http.get(RULES, ({ request }) => {
        seen.push({
          url: new URL(request.url),
          method: request.method,
          headers: request.headers,
        });
        return rulesAnswer([
          checkoutGroup,
          {
            name: 'search',
            // Engines without rule files (Mimir's ruler) may send no file.
            rules: [
              {
                type: 'alerting',
                name: 'SearchIndexLag',
                query: 'indexer_lag_seconds > 600',
                labels: { service: 'search-indexer' },
                annotations: {},
              },
            ],
          },
        ]);
      }),
    );
    const { client } = makeClient();
    const rules = await client.alertingRules();

    expect(rules).toEqual([
      {
        group: 'checkout-api',
        file: '/etc/prometheus/rules/checkout.yaml',
        name: 'CheckoutHighErrorRate',
        query: 'job:http_errors:ratio5m{service="checkout-api"} > 0.05',
        labels: { severity: 'page', service: 'checkout-api' },
        annotations: {
          summary: 'Checkout fails requests',
          runbook_url: 'https://runbooks.example.com/checkout/errors',
        },
      },
      {
        group: 'search',
        name: 'SearchIndexLag',
        query: 'indexer_lag_seconds > 600',
        labels: { service: 'search-indexer' },
        annotations: {},
      },
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('GET');
    expect(seen[0].url.searchParams.get('type')).toBe('alert');
    expect(seen[0].headers.get('x-scope-orgid')).toBe(TENANT);
    expect(seen[0].headers.get('authorization')).toBe(TOKEN);
  });

  it('fails at once on an error envelope, naming the instance and the error type', async () => {
    let requests = 0;
    server.use(
      http.get(RULES, () => {
        requests += 1;
        return envelopeError(400, 'bad_data', 'unsupported type "alert"');
      }),
    );
    const { client } = makeClient();
    const error = await failure(client.alertingRules());
    expect(requests).toBe(1);
    expect(error.message).toBe(
      'Prometheus instance "mimir-eu": bad_data (HTTP 400): unsupported type "alert"',
    );
  });

  it('retries an unavailable server and reads the rules once it answers', async () => {
    const answers = [
      () => envelopeError(503, 'unavailable', 'rule manager not ready'),
      () => rulesAnswer([checkoutGroup]),
    ];
    server.use(http.get(RULES, () => answers.shift()!()));
    const { client, sleeps } = makeClient();
    const rules = await client.alertingRules();
    expect(rules.map(rule => rule.name)).toEqual(['CheckoutHighErrorRate']);
    expect(sleeps).toHaveLength(1);
  });

  it('gives up at the deadline of a rules request that never answers', async () => {
    server.use(
      http.get(RULES, async () => {
        await delay('infinite');
        return rulesAnswer([]);
      }),
    );
    const { client } = makeClient({ timeoutMs: 50 });
    const error = await failure(client.alertingRules());
    expect(error).toMatchObject({ errorType: 'deadline', retryable: false });
    expect(error.message).toContain('no answer within 50 ms');
  });

  it('refuses an answer that is not the rules API, rather than reading half of it', async () => {
    server.use(
      http.get(RULES, () =>
        rulesAnswer([
          {
            ...checkoutGroup,
            rules: [
              {
                ...checkoutGroup.rules[1],
                labels: { severity: 3 },
              },
            ],
          },
        ]),
      ),
    );
    const { client } = makeClient();
    const error = await failure(client.alertingRules());
    expect(error.errorType).toBe('invalid_response');
    expect(error.message).toContain(
      'data.groups[0].rules[0].labels.severity is not a string',
    );

    server.use(
      http.get(RULES, () =>
        HttpResponse.json({
          status: 'success',
          data: { resultType: 'vector', result: [] },
        }),
      ),
    );
    expect((await failure(client.alertingRules())).message).toContain(
      'no data.groups list',
    );
  });
});
