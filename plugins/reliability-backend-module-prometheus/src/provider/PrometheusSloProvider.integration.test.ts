import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  checkRules,
  type FaultProxy,
  PROMETHEUS_HARNESS_TIMEOUT_MS,
  type PrometheusHarness,
  startFaultProxy,
  startPrometheusWithSliHistory,
} from '@internal/preflight-test/prometheus';
import { parseOpenSloDocuments } from '@preflight/plugin-reliability-node';
import type { AlertRuleRecord } from '@preflight/plugin-reliability-node';
import type { PrometheusModuleConfig } from '../config/PrometheusModuleConfig';
import { generateSloRules } from '../rules/generateSloRules';
import { PrometheusSloProvider } from './PrometheusSloProvider';

const REPO = path.resolve(__dirname, '../../../..');
const DEMO_RULES = path.join(REPO, 'test/prometheus/demo/alert-rules.yml');

let prometheus: PrometheusHarness;
let proxy: FaultProxy;
let dir: string;
let generatedFile: string;
let provider: PrometheusSloProvider;

function configFor(baseUrl: string): PrometheusModuleConfig {
  return {
    instances: [
      {
        name: 'main',
        baseUrl,
        headers: {},
        timeoutMs: 10_000,
        maxConcurrency: 2,
        externalUrl: baseUrl,
      },
    ],
    defaultInstance: 'main',
  };
}

function list(): Promise<AlertRuleRecord[]> {
  return provider.listAlertRules({
    sourceId: 'prometheus:main',
    signal: AbortSignal.timeout(30_000),
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'preflight-alert-rules-'));
  // Rules Preflight exports for checkout-api's SLOs, deployed next to the
  // demo fleet's hand-written rules.
  const { definitions } = parseOpenSloDocuments(
    await readFile(path.join(REPO, 'catalog/slos/checkout-api.yaml'), 'utf8'),
    { entityRef: 'component:default/checkout-api', file: 'checkout-api.yaml' },
  );
  const generated = generateSloRules({
    entityRef: 'component:default/checkout-api',
    slos: definitions,
    owner: 'group:default/team-payments',
  });
  generatedFile = path.join(dir, 'checkout-api-slos.yml');
  await writeFile(generatedFile, generated.yaml);
  prometheus = await startPrometheusWithSliHistory({
    ruleFiles: [DEMO_RULES, generatedFile],
  });
  proxy = await startFaultProxy(prometheus.url);
  provider = new PrometheusSloProvider({ config: configFor(proxy.url) });
}, PROMETHEUS_HARNESS_TIMEOUT_MS);

afterAll(async () => {
  await proxy?.close();
  await prometheus?.stop();
  if (dir) {
    await rm(dir, { recursive: true, force: true });
  }
});

beforeEach(() => proxy.setFault({ kind: 'pass' }));

describe('PrometheusSloProvider.listAlertRules on a real Prometheus', () => {
  it('loads rule files promtool accepts: the demo fleet’s and the exported SLO rules', async () => {
    const check = await checkRules([DEMO_RULES, generatedFile]);
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toContain('SUCCESS: 7 rules found');
    expect(check.stdout).toContain('SUCCESS: 18 rules found');
  });

  it('reads every alerting rule of the loaded files in one request, without recording rules', async () => {
    proxy.requests.length = 0;
    const rules = await list();

    expect(proxy.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/api/v1/rules',
        params: expect.objectContaining({ type: ['alert'] }),
      }),
    ]);
    const byName = (name: string) => rules.filter(rule => rule.name === name);

    // The demo file: 6 alerts, 1 recording rule.
    for (const name of [
      'CheckoutApiHighErrorRate',
      'CheckoutApiSlowRequests',
      'PaymentsGatewayUnavailable',
      'SearchApiHighErrorRate',
    ]) {
      expect(byName(name)).toHaveLength(1);
      expect(byName(name)[0].annotations.runbook_url).toMatch(
        /^https:\/\/runbooks\.example\.com\//,
      );
    }
    expect(byName('SearchIndexerStalled')).toEqual([
      {
        group: 'search',
        file: expect.stringMatching(/alert-rules\.yml$/),
        name: 'SearchIndexerStalled',
        labels: { severity: 'ticket', service: 'search-indexer' },
        annotations: {
          summary: 'The search index has not been refreshed for an hour',
        },
      },
    ]);
    expect(byName('ApiGatewayHighLatency')[0].labels).toEqual({
      severity: 'page',
      entity: 'component:default/api-gateway',
    });
    expect(
      rules.some(rule => rule.name === 'service:http_requests:rate5m'),
    ).toBe(false);

    // The exported SLO rules: a page and a ticket alert per SLO, each
    // carrying the entity ref, and no recording rule.
    const burn = byName('SLOErrorBudgetBurn');
    expect(burn).toHaveLength(4);
    expect(new Set(burn.map(rule => rule.labels.entity))).toEqual(
      new Set(['component:default/checkout-api']),
    );
    expect(rules.filter(rule => rule.name.startsWith('slo:'))).toEqual([]);
    expect(rules).toHaveLength(10);
  });

  it('rejects with the instance and the error type when the server answers with an error envelope', async () => {
    await proxy.setFault({
      kind: 'error',
      httpStatus: 400,
      errorType: 'bad_data',
      error: 'unsupported rule type',
    });
    await expect(list()).rejects.toThrow(
      'Prometheus instance "main": bad_data (HTTP 400): unsupported rule type',
    );
  });

  it('rejects with a deadline error when the server does not answer in time', async () => {
    const impatient = new PrometheusSloProvider({
      config: {
        ...configFor(proxy.url),
        instances: [{ ...configFor(proxy.url).instances[0], timeoutMs: 200 }],
      },
    });
    await proxy.setFault({ kind: 'hang' });
    await expect(
      impatient.listAlertRules({
        sourceId: 'prometheus:main',
        signal: AbortSignal.timeout(30_000),
      }),
    ).rejects.toThrow('deadline: no answer within 200 ms');
  });
});
