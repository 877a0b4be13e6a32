import { readFileSync } from 'fs';
import { join } from 'path';
import { parseOpenSloDocuments } from '../parseOpenSloDocuments';
import { convertPyrraToOpenSlo } from './convertPyrraToOpenSlo';
import { formatOpenSloYaml } from './convertSloText';
import { readSloText } from './readSloText';

const source = {
  entityRef: 'component:default/ledger-api',
  file: 'slos/ledger-api.pyrra.yaml',
};

function fixture(name: string): string {
  return readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
}

function pyrra(spec: Record<string, unknown>, name = 'ledger-api-errors') {
  return {
    apiVersion: 'pyrra.dev/v1alpha1',
    kind: 'ServiceLevelObjective',
    metadata: { name, namespace: 'ledger' },
    spec,
  };
}

const RATIO = {
  ratio: {
    errors: { metric: 'http_requests_total{job="ledger-api",code=~"5.."}' },
    total: { metric: 'http_requests_total{job="ledger-api"}' },
  },
};

function convertAndParse(document: unknown, defaultService?: string) {
  const conversion = convertPyrraToOpenSlo(document, { defaultService });
  const parsed = parseOpenSloDocuments(
    formatOpenSloYaml(conversion.documents),
    source,
  );
  return { conversion, parsed };
}

describe('convertPyrraToOpenSlo', () => {
  it('measures every Pyrra indicator type', () => {
    const { definitions, problems } = readSloText(
      fixture('pyrra-slos.yaml'),
      source,
      { defaultService: 'ledger-api' },
    );
    expect(definitions.map(definition => definition.id)).toEqual([
      'ledger-api-errors',
      'ledger-api-latency',
      'ledger-probe-success',
      'ledger-grpc-latency',
    ]);
    const [errors, latency, probe, grpc] = definitions;
    expect(errors).toMatchObject({
      service: 'ledger-api',
      description: 'Ledger API requests answered without a server error.',
      target: 0.995,
      window: '4w',
      windowSeconds: 28 * 86_400,
      rolling: true,
      budgetingMethod: 'Occurrences',
      indicator: {
        kind: 'ratio-bad',
        counter: true,
        badQuery: 'http_requests_total{job="ledger-api",code=~"5.."}',
        totalQuery: 'http_requests_total{job="ledger-api"}',
      },
    });
    // 1w3d is a Prometheus duration; OpenSLO has no compound form.
    expect(latency).toMatchObject({
      target: 0.95,
      window: '10d',
      windowSeconds: 10 * 86_400,
      indicator: {
        kind: 'ratio-good',
        counter: true,
        goodQuery:
          'http_request_duration_seconds_bucket{job="ledger-api",le="0.25"}',
        totalQuery: 'http_request_duration_seconds_count{job="ledger-api"}',
      },
    });
    expect(probe).toMatchObject({
      target: 0.99,
      window: '7d',
      indicator: {
        kind: 'ratio-good',
        counter: false,
        goodQuery:
          'sum(sum_over_time(probe_success{job="blackbox",target="ledger-api"}[$window]))',
        totalQuery:
          'sum(count_over_time(probe_success{job="blackbox",target="ledger-api"}[$window]))',
      },
    });
    const histogram =
      'sum(increase(grpc_server_handling_seconds{job="ledger-api",grpc_code="OK"}[$window]))';
    expect(grpc).toMatchObject({
      target: 0.99,
      window: '2w',
      indicator: {
        kind: 'ratio-good',
        goodQuery: `histogram_fraction(0, 0.2, ${histogram}) * histogram_count(${histogram})`,
        totalQuery: `histogram_count(${histogram})`,
      },
    });

    expect(
      problems.map(problem => [problem.document?.index, problem.field]),
    ).toEqual([
      [0, 'metadata.labels'],
      [0, 'spec.alerting.name'],
      [0, 'spec.indicator.ratio.grouping'],
      [3, 'spec.alerting.burnrates'],
    ]);
    expect(problems[2].message).toBe(
      'Pyrra ServiceLevelObjective: Pyrra measures one SLO per handler; Preflight measures this SLO over all of them together',
    );
  });

  it('names the service after the SLO when it is given none', () => {
    const { parsed } = convertAndParse(
      pyrra({ target: '99', window: '28d', indicator: RATIO }, 'Ledger.API'),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.definitions[0]).toMatchObject({
      id: 'ledger-api',
      displayName: 'Ledger.API',
      service: 'ledger-api',
    });
  });

  it.each([
    ['0.99', 'spec.target', 'means 0.99% in Pyrra'],
    ['100', 'spec.target', 'outside (0, 100)'],
    ['ninety', 'spec.target', 'is not a number'],
    [undefined, 'spec.target', 'has no target'],
  ])('refuses target %p, naming the field', (target, field, message) => {
    const { conversion } = convertAndParse(
      pyrra({ target, window: '28d', indicator: RATIO }),
    );
    expect(conversion.documents).toEqual([]);
    expect(conversion.problems).toEqual([
      expect.objectContaining({
        field,
        message: expect.stringContaining(message),
      }),
    ]);
  });

  it.each(['90s', '1h30s', '', 'monthly'])(
    'refuses window %p, naming the field',
    window => {
      const { conversion } = convertAndParse(
        pyrra({ target: '99', window, indicator: RATIO }),
      );
      expect(conversion.documents).toEqual([]);
      expect(conversion.problems).toEqual([
        expect.objectContaining({ field: 'spec.window' }),
      ]);
    },
  );

  it('refuses an indicator with two types, or none', () => {
    const two = convertPyrraToOpenSlo(
      pyrra({
        target: '99',
        window: '28d',
        indicator: { ...RATIO, bool_gauge: { metric: 'up' } },
      }),
    );
    expect(two.documents).toEqual([]);
    expect(two.problems).toEqual([
      expect.objectContaining({
        field: 'spec.indicator',
        message: 'the indicator has ratio and bool_gauge; give exactly one',
      }),
    ]);
    const misspelt = convertPyrraToOpenSlo(
      pyrra({ target: '99', window: '28d', indicator: { boolGauge: {} } }),
    );
    expect(misspelt.problems.map(problem => problem.field)).toEqual([
      'spec.indicator.boolGauge',
      'spec.indicator',
    ]);
  });

  it('reports alerting and rule settings without an equivalent by name', () => {
    const { conversion, parsed } = convertAndParse(
      pyrra({
        target: '99',
        window: '28d',
        indicator: RATIO,
        partial_response_strategy: 'warn',
        performanceOverAccuracy: true,
        ruleOutput: { shortRulesLabels: { tier: 'fast' } },
        alerting: {
          disabled: true,
          absent: true,
          absentName: 'LedgerMetricsAbsent',
          severities: { fastBurn: 'critical' },
        },
      }),
    );
    expect(parsed.definitions).toHaveLength(1);
    expect(conversion.problems.map(problem => problem.field)).toEqual([
      'spec.partial_response_strategy',
      'spec.performanceOverAccuracy',
      'spec.ruleOutput',
      'spec.alerting.disabled',
      'spec.alerting.absent',
      'spec.alerting.absentName',
      'spec.alerting.severities',
    ]);
  });

  it('reports a latencyNative latency that is not a duration', () => {
    const { conversion } = convertAndParse(
      pyrra({
        target: '99',
        window: '28d',
        indicator: {
          latencyNative: { latency: '0.2', total: { metric: 'rpc_seconds' } },
        },
      }),
    );
    expect(conversion.documents).toEqual([]);
    expect(conversion.problems).toEqual([
      expect.objectContaining({
        field: 'spec.indicator.latencyNative.latency',
        message: 'latency "0.2" is not a Prometheus duration',
      }),
    ]);
  });
});
