import { postPrometheusForm, PrometheusVectorSample } from './queryPrometheus';
import {
  FaultProxy,
  prometheusFaults,
  startFaultProxy,
} from './startFaultProxy';
import {
  PROMETHEUS_HARNESS_TIMEOUT_MS,
  PrometheusHarness,
  startPrometheusWithSliHistory,
} from './startPrometheusWithSliHistory';

const QUERY = 'sum(increase(http_requests_total{service="checkout-api"}[1h]))';

describe('startFaultProxy', () => {
  let prometheus: PrometheusHarness;
  let proxy: FaultProxy;

  beforeAll(async () => {
    prometheus = await startPrometheusWithSliHistory();
  }, PROMETHEUS_HARNESS_TIMEOUT_MS);

  afterAll(async () => {
    await prometheus?.stop();
  });

  beforeEach(async () => {
    proxy = await startFaultProxy(prometheus.url);
  });

  afterEach(async () => {
    await proxy.close();
  });

  const query = (timeoutMs?: number) =>
    postPrometheusForm<PrometheusVectorSample[]>(
      proxy.url,
      '/api/v1/query',
      { query: QUERY, time: String(prometheus.evaluationTimeSeconds) },
      timeoutMs,
    );

  const direct = () =>
    postPrometheusForm<PrometheusVectorSample[]>(
      prometheus.url,
      '/api/v1/query',
      {
        query: QUERY,
        time: String(prometheus.evaluationTimeSeconds),
      },
    );

  it('passes queries through to Prometheus and records what the client sent', async () => {
    const response = await fetch(`${proxy.url}/api/v1/query?dedup=true`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-scope-orgid': 'tenant-a',
      },
      body: new URLSearchParams({
        query: QUERY,
        time: String(prometheus.evaluationTimeSeconds),
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual((await direct()).envelope);
    expect(proxy.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/v1/query',
        params: {
          dedup: ['true'],
          query: [QUERY],
          time: [String(prometheus.evaluationTimeSeconds)],
        },
        headers: expect.objectContaining({ 'x-scope-orgid': 'tenant-a' }),
      }),
    ]);
  });

  it('returns a 422 execution error envelope', async () => {
    await proxy.setFault(prometheusFaults.executionError());
    const { httpStatus, envelope } = await query();
    expect(httpStatus).toBe(422);
    expect(envelope).toEqual({
      status: 'error',
      errorType: 'execution',
      error: expect.stringContaining('too many samples'),
    });
  });

  it('adds warnings to the real result', async () => {
    await proxy.setFault(prometheusFaults.warnings(['partial data']));
    const { httpStatus, envelope } = await query();
    expect(httpStatus).toBe(200);
    expect(envelope.warnings).toEqual(['partial data']);
    expect(envelope.data).toEqual((await direct()).envelope.data);
  });

  it('answers any status and body when told to', async () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'vector',
        result: [{ metric: {}, value: [1, 'NaN'] }],
      },
    };
    await proxy.setFault({ kind: 'respond', httpStatus: 200, body });
    expect((await query()).envelope).toEqual(body);
  });

  it('hangs until the client gives up', async () => {
    await proxy.setFault({ kind: 'hang' });
    await expect(query(300)).rejects.toThrow(/timeout|aborted/i);
    expect(proxy.requests).toHaveLength(1);
  });

  it('answers late when delayed', async () => {
    await proxy.setFault({ kind: 'delay', ms: 200 });
    const { envelope } = await query();
    expect(envelope).toEqual((await direct()).envelope);
  });

  it('drops connections, and refuses them while down, then recovers on the same URL', async () => {
    await proxy.setFault({ kind: 'reset' });
    await expect(query()).rejects.toThrow();
    await proxy.setFault({ kind: 'down' });
    await expect(query()).rejects.toThrow(/fetch failed/);
    await proxy.setFault({ kind: 'pass' });
    expect((await query()).httpStatus).toBe(200);
  });
});
