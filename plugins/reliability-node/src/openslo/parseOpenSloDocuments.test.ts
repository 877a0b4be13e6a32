import {
  MAX_OPENSLO_FILE_CHARACTERS,
  parseOpenSloDocuments,
} from './parseOpenSloDocuments';

const source = {
  entityRef: 'component:default/checkout-api',
  file: '../slos/checkout-api.yaml',
};

/** Joins YAML documents into one file. */
function file(...documents: string[]) {
  return documents.join('---');
}

function parse(text: string) {
  return parseOpenSloDocuments(text, source);
}

const ratioIndicator = (service: string) => `
  indicator:
    metadata:
      name: ${service}-errors
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{service="${service}",code=~"5.."}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{service="${service}"}`;

/** A valid SLO document; `spec` lines after the indicator can be replaced. */
function slo(
  name: string,
  options: { window?: string; objectives?: string; indicator?: string } = {},
) {
  return `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  service: checkout-api
${options.indicator ?? ratioIndicator('checkout-api')}
  timeWindow:
${options.window ?? '    - duration: 30d\n      isRolling: true'}
  budgetingMethod: Occurrences
  objectives:
${options.objectives ?? '    - target: 0.999'}
`;
}

describe('parseOpenSloDocuments', () => {
  it('normalizes an SLO with an inline bad/total indicator', () => {
    const result = parse(`
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
spec:
  description: Checkout requests succeed
  service: checkout-api
${ratioIndicator('checkout-api')}
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: No 5xx
      target: 0.999
`);
    expect(result.problems).toEqual([]);
    expect(result.definitions).toEqual([
      {
        id: 'checkout-availability',
        name: 'checkout-availability',
        displayName: 'Checkout availability',
        description: 'Checkout requests succeed',
        service: 'checkout-api',
        entityRef: 'component:default/checkout-api',
        file: '../slos/checkout-api.yaml',
        indicatorName: 'checkout-api-errors',
        indicatorPath: 'spec.indicator.spec',
        indicator: {
          kind: 'ratio-bad',
          counter: true,
          badQuery: 'http_requests_total{service="checkout-api",code=~"5.."}',
          totalQuery: 'http_requests_total{service="checkout-api"}',
        },
        window: '30d',
        windowSeconds: 2_592_000,
        rolling: true,
        budgetingMethod: 'Occurrences',
        objectiveIndex: 0,
        objectiveDisplayName: 'No 5xx',
        target: 0.999,
      },
    ]);
  });

  it('resolves indicatorRef to an SLI later in the file, with targetPercent and an instance', () => {
    const result = parse(`
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-latency
spec:
  service: checkout-api
  indicatorRef: checkout-fast
  timeWindow:
    - duration: 4w
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - targetPercent: 99.9
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-fast
spec:
  ratioMetric:
    good:
      metricSource:
        type: prometheus
        metricSourceRef: eu-mimir
        spec:
          query: '  http_request_duration_seconds_bucket{service="checkout-api",le="0.3"}  '
    total:
      metricSource:
        type: PROMETHEUS
        spec:
          query: http_request_duration_seconds_count{service="checkout-api"}
`);
    expect(result.problems).toEqual([]);
    expect(result.definitions).toHaveLength(1);
    expect(result.definitions[0]).toMatchObject({
      id: 'checkout-latency',
      displayName: 'checkout-latency',
      indicatorName: 'checkout-fast',
      indicatorPath: 'SLI "checkout-fast" spec',
      indicator: {
        kind: 'ratio-good',
        counter: true, // absent counter: Prometheus SLIs are counters
        goodQuery:
          'http_request_duration_seconds_bucket{service="checkout-api",le="0.3"}',
        totalQuery:
          'http_request_duration_seconds_count{service="checkout-api"}',
      },
      prometheusInstance: 'eu-mimir',
      window: '4w',
      windowSeconds: 28 * 86_400,
      target: 0.999, // 99.9 / 100 without binary noise (0.9990000000000001)
    });
  });

  it('reads a threshold metric with its op and value', () => {
    const result = parse(
      slo('checkout-p99', {
        indicator: `
  indicator:
    metadata:
      name: checkout-p99-latency
    spec:
      thresholdMetric:
        metricSource:
          type: Prometheus
          spec:
            query: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="checkout-api"}[5m])))`,
        objectives: '    - op: lte\n      value: 0.3\n      target: 0.95',
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.definitions[0]).toMatchObject({
      indicator: { kind: 'threshold' },
      thresholdOp: 'lte',
      thresholdValue: 0.3,
      target: 0.95,
    });
  });

  it('turns several objectives into one definition each', () => {
    const result = parse(
      slo('checkout-availability', {
        objectives:
          '    - displayName: Good\n      target: 0.99\n    - target: 0.999',
      }),
    );
    expect(result.problems).toEqual([]);
    expect(
      result.definitions.map(d => [
        d.id,
        d.displayName,
        d.target,
        d.objectiveIndex,
      ]),
    ).toEqual([
      ['checkout-availability#0', 'checkout-availability (Good)', 0.99, 0],
      [
        'checkout-availability#1',
        'checkout-availability (objective 2)',
        0.999,
        1,
      ],
    ]);
  });

  it('reads Timeslices objectives, a bare slice window meaning minutes', () => {
    const text = slo('checkout-slices', {
      objectives:
        '    - target: 0.99\n      timeSliceTarget: 0.95\n      timeSliceWindow: 5\n    - target: 0.9\n      timeSliceTarget: 0.9\n      timeSliceWindow: 1h',
    }).replace('budgetingMethod: Occurrences', 'budgetingMethod: Timeslices');
    const result = parse(text);
    expect(result.problems).toEqual([]);
    expect(
      result.definitions.map(d => [
        d.budgetingMethod,
        d.timeSliceTarget,
        d.timeSliceWindowSeconds,
      ]),
    ).toEqual([
      ['Timeslices', 0.95, 300],
      ['Timeslices', 0.9, 3600],
    ]);
  });

  it('reads RatioTimeslices objectives with their slice window', () => {
    const text = slo('checkout-ratio-slices', {
      objectives: '    - target: 0.99\n      op: gt\n      timeSliceWindow: 1m',
    }).replace(
      'budgetingMethod: Occurrences',
      'budgetingMethod: RatioTimeslices',
    );
    const result = parse(text);
    expect(result.problems).toEqual([]);
    expect(result.definitions).toEqual([
      expect.objectContaining({
        budgetingMethod: 'RatioTimeslices',
        target: 0.99,
        timeSliceWindowSeconds: 60,
      }),
    ]);
    expect(result.definitions[0].timeSliceTarget).toBeUndefined();

    const noSlice = parse(
      slo('ratio-slices-no-window', {
        objectives: '    - target: 0.99',
      }).replace(
        'budgetingMethod: Occurrences',
        'budgetingMethod: RatioTimeslices',
      ),
    );
    expect(noSlice.definitions).toEqual([]);
    expect(noSlice.problems).toEqual([
      expect.objectContaining({
        field: 'spec.objectives[0].timeSliceWindow',
        message: 'RatioTimeslices budgeting needs a timeSliceWindow',
      }),
    ]);
  });

  it('reads a top-level list of objects and skips other OpenSLO kinds', () => {
    const result = parse(`
- apiVersion: openslo/v1
  kind: Service
  metadata:
    name: checkout-api
  spec:
    description: the checkout service
- apiVersion: openslo/v1
  kind: SLO
  metadata:
    name: listed-slo
  spec:
    service: checkout-api
    indicatorRef: listed-sli
    timeWindow: [{ duration: 7d, isRolling: true }]
    budgetingMethod: Occurrences
    objectives: [{ target: 0.99 }]
- apiVersion: openslo/v1
  kind: SLI
  metadata:
    name: listed-sli
  spec:
    ratioMetric:
      counter: true
      good: { metricSource: { type: Prometheus, spec: { query: 'a_total{ok="1"}' } } }
      total: { metricSource: { type: Prometheus, spec: { query: a_total } } }
`);
    expect(result.problems).toEqual([]);
    expect(result.definitions.map(d => [d.id, d.windowSeconds])).toEqual([
      ['listed-slo', 7 * 86_400],
    ]);
  });

  it('keeps a calendar-aligned window with its start and zone', () => {
    const result = parse(
      slo('checkout-monthly', {
        window:
          '    - duration: 30d\n      calendar:\n        startTime: 2024-01-01 00:00:00\n        timeZone: Europe/Berlin',
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.definitions[0]).toMatchObject({
      rolling: false,
      calendar: { startTime: '2024-01-01 00:00:00', timeZone: 'Europe/Berlin' },
    });
  });

  it.each([
    ['1w', 7 * 86_400],
    ['1M', 30 * 86_400],
    ['2w', 14 * 86_400],
  ])(
    'reads a calendar window of %s in the units OpenSLO defines (nominal %d s)',
    (duration, seconds) => {
      const result = parse(
        slo('checkout-calendar', {
          window: `    - duration: ${duration}\n      isRolling: false\n      calendar:\n        startTime: 2024-01-01 00:00:00\n        timeZone: America/New_York`,
        }),
      );
      expect(result.problems).toEqual([]);
      expect(result.definitions[0]).toMatchObject({
        window: duration,
        windowSeconds: seconds,
        rolling: false,
      });
    },
  );

  it('bounds a calendar quarter (nominal 91 days) like any window: over the default 90 days', () => {
    const result = parse(
      slo('checkout-quarter', {
        window:
          '    - duration: 1Q\n      isRolling: false\n      calendar:\n        startTime: 2024-01-01 00:00:00\n        timeZone: UTC',
      }),
    );
    expect(result.problems.map(p => [p.field, p.message])).toEqual([
      [
        'spec.timeWindow[0].duration',
        'a 1Q window is longer than the 90d an SLO window may have here',
      ],
    ]);
  });

  describe('problems', () => {
    const base = {
      entityRef: 'component:default/checkout-api',
      file: '../slos/checkout-api.yaml',
    };

    it('reports unreadable YAML and still reads the other documents', () => {
      const result = parse(
        `${slo(
          'first-slo',
        )}---\nkind: SLO\nmetadata: {name: [unclosed\n---\n${slo(
          'second-slo',
        )}`,
      );
      expect(result.definitions.map(d => d.name)).toEqual([
        'first-slo',
        'second-slo',
      ]);
      expect(result.problems).toEqual([
        expect.objectContaining({
          ...base,
          field: '(whole document)',
          message: expect.stringMatching(/^unreadable YAML: /),
          document: { index: 1 },
        }),
      ]);
    });

    it('rejects an SLI query with a 100 kB label value, echoing only its start', () => {
      const huge = 'x'.repeat(100_000);
      const result = parse(
        slo('huge-label', { indicator: ratioIndicator(huge) }),
      );
      expect(result.definitions).toEqual([]);
      const problems = result.problems.filter(p =>
        p.field.endsWith('spec.query'),
      );
      expect(problems).toHaveLength(2);
      for (const problem of problems) {
        expect(problem.message).toMatch(
          /characters\)" is longer than 4096 characters$/,
        );
        expect(JSON.stringify(problem).length).toBeLessThan(1000);
      }
    });

    it('reports an unknown kind', () => {
      const result = parse(`
apiVersion: openslo/v1
kind: ServiceLevelObjective
metadata:
  name: oops
spec: {}
`);
      expect(result.definitions).toEqual([]);
      expect(result.problems).toEqual([
        {
          ...base,
          field: 'kind',
          message:
            'unknown kind "ServiceLevelObjective"; expected one of SLO, SLI, DataSource, AlertPolicy, AlertCondition, AlertNotificationTarget',
          fix: 'Set kind: SLO (or SLI for an indicator that SLOs reference).',
          document: { index: 0, kind: 'ServiceLevelObjective', name: 'oops' },
        },
      ]);
    });

    it('reports an unknown apiVersion, naming the SLO', () => {
      const result = parse(
        slo('old-slo').replace(
          'apiVersion: openslo/v1',
          'apiVersion: openslo/v1alpha',
        ),
      );
      expect(result.definitions).toEqual([]);
      expect(result.problems).toEqual([
        {
          ...base,
          sloName: 'old-slo',
          field: 'apiVersion',
          message:
            'unknown apiVersion "openslo/v1alpha"; Preflight reads openslo/v1',
          fix: 'Set apiVersion: openslo/v1.',
          document: { index: 0, kind: 'SLO', name: 'old-slo' },
        },
      ]);
    });

    it.each([
      ['1M', /calendar unit \(M: months\).*calendar-aligned/],
      ['1Y', /calendar unit \(Y: years\)/],
      ['30 days', /not a duration/],
      ['90s', /unknown unit "s" \(seconds are not an OpenSLO unit/],
      ['30D', /unknown unit "D" \(OpenSLO writes days as "d"\)/],
      ['1y', /unknown unit "y" \(OpenSLO writes years as "Y"\)/],
    ])('reports the bad window %j', (duration, message) => {
      const result = parse(
        slo('bad-window', {
          window: `    - duration: ${duration}\n      isRolling: true`,
        }),
      );
      expect(result.definitions).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({
          ...base,
          sloName: 'bad-window',
          field: 'spec.timeWindow[0].duration',
          message: expect.stringMatching(message),
        }),
      ]);
    });

    it('reports a window that is neither rolling nor calendar, and more than one window', () => {
      const result = parse(
        file(
          slo('no-rolling', { window: '    - duration: 30d' }),
          slo('two-windows', {
            window:
              '    - duration: 30d\n      isRolling: true\n    - duration: 7d\n      isRolling: true',
          }),
        ),
      );
      expect(result.definitions).toEqual([]);
      expect(result.problems.map(p => [p.sloName, p.field])).toEqual([
        ['no-rolling', 'spec.timeWindow[0].isRolling'],
        ['two-windows', 'spec.timeWindow'],
      ]);
    });

    it.each([
      // The OpenSLO Timeslices example writes a month as "1m", a minute.
      ['1m', /"1m" is 1 minute in OpenSLO \("m" is minutes\).*write "1M"/],
      ['12h', /whole days, weeks, months, quarters or years/],
      ['1q', /OpenSLO writes quarters as "Q"/],
    ])(
      'refuses the calendar window %j, naming the field',
      (duration, message) => {
        const result = parse(
          slo('bad-calendar', {
            window: `    - duration: ${duration}\n      isRolling: false\n      calendar:\n        startTime: 2022-01-01 12:00:00\n        timeZone: America/New_York`,
          }),
        );
        expect(result.definitions).toEqual([]);
        expect(result.problems).toEqual([
          expect.objectContaining({
            sloName: 'bad-calendar',
            field: 'spec.timeWindow[0].duration',
            message: expect.stringMatching(message),
          }),
        ]);
      },
    );

    it('reports an unknown time zone of a calendar window', () => {
      const result = parse(
        slo('bad-zone', {
          window:
            '    - duration: 30d\n      calendar:\n        startTime: 2024-01-01 00:00:00\n        timeZone: Mars/Olympus_Mons',
        }),
      );
      expect(result.problems.map(p => [p.field, p.message])).toEqual([
        [
          'spec.timeWindow[0].calendar.timeZone',
          '"Mars/Olympus_Mons" is not an IANA time zone',
        ],
      ]);
    });

    it.each([
      [
        'target: 99.9',
        'spec.objectives[0].target',
        'target 99.9 is outside (0, 1)',
        /target: 0\.999.*targetPercent: 99\.9/,
      ],
      [
        'target: 1',
        'spec.objectives[0].target',
        'target 1 is outside (0, 1)',
        /strictly between 0 and 1/,
      ],
      [
        'target: 0',
        'spec.objectives[0].target',
        'target 0 is outside (0, 1)',
        /strictly between 0 and 1/,
      ],
      [
        'target: -0.5',
        'spec.objectives[0].target',
        'target -0.5 is outside (0, 1)',
        /strictly between/,
      ],
      [
        'targetPercent: 100',
        'spec.objectives[0].targetPercent',
        'targetPercent 100 is outside (0, 100)',
        /between 0 and 100/,
      ],
    ])(
      'reports %s as a target outside (0, 1)',
      (objective, field, message, fix) => {
        const result = parse(
          slo('bad-target', { objectives: `    - ${objective}` }),
        );
        expect(result.definitions).toEqual([]);
        expect(result.problems).toEqual([
          {
            ...base,
            sloName: 'bad-target',
            field,
            message,
            fix: expect.stringMatching(fix),
            document: { index: 0, kind: 'SLO', name: 'bad-target' },
          },
        ]);
      },
    );

    it('reports a target that is not a number, or missing', () => {
      const result = parse(
        file(
          slo('string-target', { objectives: '    - target: "0.999"' }),
          slo('no-target', { objectives: '    - displayName: Forgot' }),
        ),
      );
      expect(result.problems.map(p => [p.sloName, p.field, p.message])).toEqual(
        [
          [
            'string-target',
            'spec.objectives[0].target',
            '"target" must be a number, not a string',
          ],
          [
            'no-target',
            'spec.objectives[0].target',
            'the objective has no target',
          ],
        ],
      );
    });

    it('reports missing and empty queries', () => {
      const noTotal = slo('no-total', {
        indicator: `
  indicator:
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: up`,
      });
      const noQuery = slo('no-query', {
        indicator: `
  indicator:
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec: {}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: "   "`,
      });
      const noMetric = slo('no-metric', {
        indicator: '\n  indicator:\n    spec: {}',
      });
      const result = parse([noTotal, noQuery, noMetric].join('---'));
      expect(result.definitions).toEqual([]);
      expect(result.problems.map(p => [p.sloName, p.field, p.message])).toEqual(
        [
          [
            'no-total',
            'spec.indicator.spec.ratioMetric.total',
            'the ratio has no "total" query',
          ],
          [
            'no-query',
            'spec.indicator.spec.ratioMetric.good.metricSource.spec.query',
            'the PromQL query is missing',
          ],
          [
            'no-query',
            'spec.indicator.spec.ratioMetric.total.metricSource.spec.query',
            'the PromQL query is empty',
          ],
          [
            'no-metric',
            'spec.indicator.spec.ratioMetric',
            expect.stringMatching(/no "ratioMetric" or "thresholdMetric"/),
          ],
        ],
      );
      expect(result.problems[1].fix).toMatch(/metricSource\.spec\.query/);
    });

    it('reports an unresolved indicatorRef, listing the SLIs there are', () => {
      const result = parse(`
apiVersion: openslo/v1
kind: SLI
metadata:
  name: real-sli
spec:
  thresholdMetric:
    metricSource: { type: Prometheus, spec: { query: up } }
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: dangling
spec:
  service: checkout-api
  indicatorRef: typo-sli
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99 }]
`);
      expect(result.definitions).toEqual([]);
      expect(result.problems).toEqual([
        {
          ...base,
          sloName: 'dangling',
          field: 'spec.indicatorRef',
          message: 'no SLI named "typo-sli" in this file',
          fix: 'Reference one of the SLIs in this file (real-sli) or add an SLI named "typo-sli".',
          document: { index: 1, kind: 'SLO', name: 'dangling' },
        },
      ]);
    });

    it('reports a broken SLI and the SLO that references it', () => {
      const result = parse(`
apiVersion: openslo/v1
kind: SLI
metadata:
  name: broken-sli
spec:
  ratioMetric:
    counter: true
    good: { metricSource: { type: Datadog, spec: { query: 'sum:requests.ok' } } }
    total: { metricSource: { type: Prometheus, spec: { query: requests_total } } }
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: uses-broken
spec:
  service: checkout-api
  indicatorRef: broken-sli
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99 }]
`);
      expect(result.definitions).toEqual([]);
      expect(
        result.problems.map(p => [
          p.sloName,
          p.document?.kind,
          p.field,
          p.message,
        ]),
      ).toEqual([
        [
          undefined,
          'SLI',
          'spec.ratioMetric.good.metricSource.type',
          'metric source type "Datadog" is not supported; Preflight reads Prometheus',
        ],
        [
          'uses-broken',
          'SLO',
          'spec.indicatorRef',
          'the SLI "broken-sli" it references has problems of its own',
        ],
      ]);
    });

    it('reports a URL or two different instances as metricSourceRef', () => {
      const url = slo('url-instance', {
        indicator: ratioIndicator('checkout-api').replace(
          'type: Prometheus\n            spec:\n              query: http_requests_total{service="checkout-api"}',
          'type: Prometheus\n            metricSourceRef: https://prometheus.example.com\n            spec:\n              query: http_requests_total{service="checkout-api"}',
        ),
      });
      const mixed = slo('mixed-instances', {
        indicator: ratioIndicator('checkout-api')
          .replace(
            /type: Prometheus\n/,
            'type: Prometheus\n            metricSourceRef: eu\n',
          )
          .replace(
            /(total:\n\s+metricSource:\n\s+)type: Prometheus\n/,
            '$1type: Prometheus\n            metricSourceRef: us\n',
          ),
      });
      const result = parse(file(url, mixed));
      expect(result.definitions).toEqual([]);
      expect(result.problems.map(p => [p.sloName, p.field, p.message])).toEqual(
        [
          [
            'url-instance',
            'spec.indicator.spec.ratioMetric.total.metricSource.metricSourceRef',
            '"https://prometheus.example.com" is not a Prometheus instance name',
          ],
          [
            'mixed-instances',
            'spec.indicator.spec.ratioMetric.total.metricSource.metricSourceRef',
            expect.stringMatching(/"us" differs from "eu"/),
          ],
        ],
      );
    });

    it('reports duplicate SLO names and keeps the first', () => {
      const result = parse(
        file(
          slo('same-name'),
          slo('same-name', { objectives: '    - target: 0.5' }),
        ),
      );
      expect(result.definitions.map(d => [d.name, d.target])).toEqual([
        ['same-name', 0.999],
      ]);
      expect(result.problems).toEqual([
        {
          ...base,
          sloName: 'same-name',
          field: 'metadata.name',
          message:
            'another SLO in this file is already named "same-name"; this one is ignored',
          fix: 'Give every SLO of an entity its own name.',
          document: { index: 1, kind: 'SLO', name: 'same-name' },
        },
      ]);
    });

    it('reports threshold objectives without op or value, and Timeslices without slice fields', () => {
      const threshold = slo('threshold-no-op', {
        indicator:
          '\n  indicator:\n    spec:\n      thresholdMetric:\n        metricSource: { type: Prometheus, spec: { query: up } }',
        objectives: '    - target: 0.9',
      });
      const slices = slo('slices-no-fields', {
        objectives: '    - target: 0.9',
      }).replace('budgetingMethod: Occurrences', 'budgetingMethod: Timeslices');
      const sliceTarget = slo('slices-no-target', {
        objectives: '    - target: 0.9\n      timeSliceWindow: 1m',
      }).replace('budgetingMethod: Occurrences', 'budgetingMethod: Timeslices');
      const result = parse([threshold, slices, sliceTarget].join('---'));
      expect(result.definitions).toEqual([]);
      expect(result.problems.map(p => [p.sloName, p.field])).toEqual([
        ['threshold-no-op', 'spec.objectives[0].op'],
        ['threshold-no-op', 'spec.objectives[0].value'],
        ['slices-no-fields', 'spec.objectives[0].timeSliceWindow'],
        ['slices-no-target', 'spec.objectives[0].timeSliceTarget'],
      ]);
    });

    it('reports an unknown budgeting method and a bad name', () => {
      const result = parse(
        file(
          slo('budget-typo').replace('Occurrences', 'Occurences'),
          slo('Checkout_SLO'),
        ),
      );
      expect(result.problems.map(p => [p.sloName, p.field, p.message])).toEqual(
        [
          [
            'budget-typo',
            'spec.budgetingMethod',
            '"Occurences" is not one of Occurrences, Timeslices, RatioTimeslices',
          ],
          [
            'Checkout_SLO',
            'metadata.name',
            expect.stringMatching(/"Checkout_SLO" is not a valid name/),
          ],
        ],
      );
    });

    it('reports documents that are not OpenSLO objects, or have no spec', () => {
      const result = parse(
        'just a string\n---\napiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: no-spec\n',
      );
      expect(result.problems.map(p => [p.sloName, p.field, p.message])).toEqual(
        [
          [
            undefined,
            '(whole document)',
            expect.stringMatching(/not an OpenSLO object/),
          ],
          ['no-spec', 'spec', '"spec" is missing'],
        ],
      );
    });

    it('refuses a file that is too large without reading it', () => {
      const result = parse('#'.repeat(MAX_OPENSLO_FILE_CHARACTERS + 1));
      expect(result.definitions).toEqual([]);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0].message).toMatch(/more than the 1000000/);
      expect(result.problems[0].field).toBe('(whole file)');
    });

    it('refuses a window longer than the limit, naming the field', () => {
      const long = parse(
        slo('yearly', {
          window: '    - duration: 400d\n      isRolling: true',
        }),
      );
      expect(long.definitions).toEqual([]);
      expect(long.problems).toEqual([
        expect.objectContaining({
          sloName: 'yearly',
          field: 'spec.timeWindow[0].duration',
          message: expect.stringContaining(
            '400d window is longer than the 90d',
          ),
        }),
      ]);
      // the limit is configurable
      const allowed = parseOpenSloDocuments(
        slo('yearly', {
          window: '    - duration: 400d\n      isRolling: true',
        }),
        {
          entityRef: 'component:default/x',
          file: 'x.yaml',
          maxWindowSeconds: 400 * 86_400,
        },
      );
      expect(allowed.problems).toEqual([]);
      expect(allowed.definitions[0].windowSeconds).toBe(400 * 86_400);
    });

    it('names a field, or the whole file or document, in every problem', () => {
      const result = parse(
        [
          'kind: SLO\nmetadata: {name: [unclosed',
          '- just a string',
          slo('bad-one', { objectives: '    - target: 1.5' }),
        ].join('\n---\n'),
      );
      expect(result.problems).toHaveLength(3);
      for (const problem of result.problems) {
        expect(problem.field).not.toBe('');
      }
    });

    it('never lets one bad SLO stop the others', () => {
      const result = parse(
        [
          slo('good-one'),
          slo('bad-one', { objectives: '    - target: 1.5' }),
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stray',
          slo('good-two', {
            window: '    - duration: 28d\n      isRolling: true',
          }),
        ].join('\n---\n'),
      );
      expect(result.definitions.map(d => d.name)).toEqual([
        'good-one',
        'good-two',
      ]);
      expect(
        result.problems.map(p => [p.sloName ?? p.document?.name, p.field]),
      ).toEqual([
        ['bad-one', 'spec.objectives[0].target'],
        ['stray', 'apiVersion'],
      ]);
    });

    it('locates a problem in a top-level list by document and item', () => {
      const result = parse(`
- apiVersion: openslo/v1
  kind: SLI
  metadata: { name: fine-sli }
  spec:
    thresholdMetric: { metricSource: { type: Prometheus, spec: { query: up } } }
- apiVersion: openslo/v1
  kind: SLO
  metadata: { name: listed-bad }
  spec:
    service: checkout-api
    indicatorRef: fine-sli
    timeWindow: [{ duration: 30d, isRolling: true }]
    budgetingMethod: Occurrences
    objectives: [{ op: lte, value: 0.3, target: 1.01 }]
`);
      expect(result.problems).toEqual([
        expect.objectContaining({
          sloName: 'listed-bad',
          field: 'spec.objectives[0].target',
          document: { index: 0, item: 1, kind: 'SLO', name: 'listed-bad' },
        }),
      ]);
    });

    it('treats an empty file as no SLOs and no problems', () => {
      expect(parse('')).toEqual({ definitions: [], problems: [] });
      expect(parse('# only a comment\n---\n')).toEqual({
        definitions: [],
        problems: [],
      });
    });
  });
});
