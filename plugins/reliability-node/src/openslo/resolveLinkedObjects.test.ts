import { parseOpenSloDocuments } from './parseOpenSloDocuments';

const source = {
  entityRef: 'component:default/checkout-api',
  file: 'slos/checkout-api.yaml',
};

const documents = {
  dataSource: `apiVersion: openslo/v1
kind: DataSource
metadata:
  name: metrics-eu
spec:
  type: Prometheus
  connectionDetails:
    instance: eu-west
`,
  sli: `apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-errors
spec:
  ratioMetric:
    counter: true
    bad:
      metricSource:
        metricSourceRef: metrics-eu
        spec:
          query: http_requests_total{service="checkout-api",code=~"5.."}
    total:
      metricSource:
        metricSourceRef: metrics-eu
        spec:
          query: http_requests_total{service="checkout-api"}
`,
  condition: `apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: fast-burn
spec:
  severity: page
  condition:
    kind: burnrate
    op: gte
    threshold: 14.4
    lookbackWindow: 1h
    alertAfter: 5m
`,
  target: `apiVersion: openslo/v1
kind: AlertNotificationTarget
metadata:
  name: checkout-oncall
spec:
  target: slack
`,
  policy: `apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: checkout-fast-burn
  displayName: Checkout fast burn
spec:
  alertWhenBreaching: true
  conditions:
    - conditionRef: fast-burn
  notificationTargets:
    - targetRef: checkout-oncall
`,
  slo: (alertPolicies: string) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout-api
  indicatorRef: checkout-errors
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Internal
      target: 0.999
    - displayName: SLA
      target: 0.99
  alertPolicies:
${alertPolicies}
`,
};

function parse(...texts: string[]) {
  return parseOpenSloDocuments(texts.join('---\n'), source);
}

describe('separate OpenSLO documents referenced by name', () => {
  it('resolves a DataSource, an SLI and an AlertPolicy with its condition and target, for every objective', () => {
    const result = parse(
      documents.slo('    - alertPolicyRef: checkout-fast-burn'),
      documents.policy,
      documents.condition,
      documents.target,
      documents.sli,
      documents.dataSource,
    );
    expect(result.problems).toEqual([]);
    expect(
      result.definitions.map(d => [d.id, d.displayName, d.prometheusInstance]),
    ).toEqual([
      [
        'checkout-availability#0',
        'checkout-availability (Internal)',
        'eu-west',
      ],
      ['checkout-availability#1', 'checkout-availability (SLA)', 'eu-west'],
    ]);
    expect(result.definitions[0].alertPolicies).toEqual([
      {
        name: 'checkout-fast-burn',
        displayName: 'Checkout fast burn',
        conditionName: 'fast-burn',
        severity: 'page',
        op: 'gte',
        threshold: 14.4,
        lookbackWindow: '1h',
        lookbackWindowSeconds: 3600,
        alertAfterSeconds: 300,
        notificationTargets: ['checkout-oncall: slack'],
        alertWhenNoData: false,
      },
    ]);
  });

  it('honours alertWhenNoData and reports alertWhenResolved without refusing the SLO', () => {
    const result = parse(
      documents.slo('    - alertPolicyRef: checkout-fast-burn'),
      documents.policy.replace(
        'alertWhenBreaching: true',
        'alertWhenBreaching: true\n  alertWhenNoData: true\n  alertWhenResolved: true',
      ),
      documents.condition,
      documents.target,
      documents.sli,
      documents.dataSource,
    );
    expect(result.definitions).toHaveLength(2);
    expect(result.definitions[0].alertPolicies![0].alertWhenNoData).toBe(true);
    expect(result.problems).toEqual([
      expect.objectContaining({
        sloName: 'checkout-availability',
        field: 'AlertPolicy "checkout-fast-burn" spec.alertWhenResolved',
        message: expect.stringContaining('send_resolved'),
      }),
    ]);
  });

  it('reads an inline AlertPolicy with an inline condition', () => {
    const result = parse(
      documents.slo(`    - kind: AlertPolicy
      metadata:
        name: slow-burn
      spec:
        alertWhenBreaching: true
        conditions:
          - kind: AlertCondition
            metadata:
              name: slow-burn-6h
            spec:
              severity: ticket
              condition:
                kind: burnrate
                threshold: 6
                lookbackWindow: 6h
                alertAfter: 0m`),
      documents.sli,
      documents.dataSource,
    );
    expect(result.problems).toEqual([]);
    expect(result.definitions[0].alertPolicies).toEqual([
      expect.objectContaining({
        name: 'slow-burn',
        conditionName: 'slow-burn-6h',
        severity: 'ticket',
        threshold: 6,
        lookbackWindowSeconds: 6 * 3600,
        alertAfterSeconds: 0,
        notificationTargets: [],
      }),
    ]);
  });

  it('refuses what it cannot honour, naming the field', () => {
    const result = parse(
      documents.slo(
        '    - alertPolicyRef: checkout-fast-burn\n    - alertPolicyRef: missing-policy',
      ),
      documents.policy,
      documents.condition.replace('op: gte', 'op: lt'),
      documents.target,
      documents.sli,
      documents.dataSource.replace('type: Prometheus', 'type: Datadog'),
    );
    expect(result.definitions).toEqual([]);
    expect(result.problems.map(p => [p.document?.kind, p.field])).toEqual([
      [
        'SLO',
        'SLI "checkout-errors" spec.ratioMetric.total.metricSource.metricSourceRef',
      ],
      [
        'SLO',
        'AlertPolicy "checkout-fast-burn" spec.conditions[0].conditionRef',
      ],
      ['SLO', 'spec.alertPolicies[1].alertPolicyRef'],
      ['AlertCondition', 'spec.condition.op'],
      ['DataSource', 'spec.type'],
    ]);
    expect(result.problems.map(p => p.message)).toEqual([
      'the DataSource "metrics-eu" it references has problems of its own',
      'the AlertCondition "fast-burn" it references has problems of its own',
      'no AlertPolicy named "missing-policy" in this file',
      expect.stringContaining('op "lt" would fire while the budget is safe'),
      'data source type "Datadog" is not supported; Preflight reads Prometheus',
    ]);
  });
});
