import { readFileSync } from 'fs';
import { join } from 'path';
import { parse as parseYaml } from 'yaml';
import { parseOpenSloDocuments } from '../parseOpenSloDocuments';
import { convertSlothToOpenSlo } from './convertSlothToOpenSlo';
import { formatOpenSloYaml } from './convertSloText';
import { readSloText } from './readSloText';

const source = {
  entityRef: 'component:default/checkout-api',
  file: 'slos/checkout-api.sloth.yaml',
};

function fixture(name: string): string {
  return readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
}

/** Converts one Sloth document and parses the OpenSLO it became. */
function convertAndParse(document: unknown, slothWindow?: string) {
  const conversion = convertSlothToOpenSlo(document, { slothWindow });
  const parsed = parseOpenSloDocuments(
    formatOpenSloYaml(conversion.documents),
    source,
  );
  return { conversion, parsed };
}

function slothFile(slo: Record<string, unknown>): Record<string, unknown> {
  return { version: 'prometheus/v1', service: 'checkout-api', slos: [slo] };
}

const EVENTS = {
  events: {
    error_query:
      'sum(rate(http_requests_total{service="checkout-api",code=~"5.."}[{{.window}}]))',
    total_query:
      'sum(rate(http_requests_total{service="checkout-api"}[{{.window}}]))',
  },
};

describe('convertSlothToOpenSlo', () => {
  it('measures the events and raw SLOs of a Sloth file and reports the plugin SLO', () => {
    const { definitions, problems } = readSloText(
      fixture('sloth-checkout-api.yaml'),
      source,
    );

    expect(definitions.map(definition => definition.id)).toEqual([
      'checkout-api-requests-availability',
      'checkout-api-requests-latency',
      'checkout-api-payment-confirmations',
    ]);
    const [availability, latency, confirmations] = definitions;
    expect(availability).toMatchObject({
      displayName: 'requests-availability',
      description: 'Checkout requests answered without a 5xx or 429.',
      service: 'checkout-api',
      target: 0.999,
      window: '30d',
      windowSeconds: 30 * 86_400,
      rolling: true,
      budgetingMethod: 'Occurrences',
      indicator: {
        kind: 'ratio-bad',
        counter: true,
        badQuery:
          'sum(rate(http_requests_total{service="checkout-api",code=~"(5..|429)"}[$window]))',
        totalQuery:
          'sum(rate(http_requests_total{service="checkout-api"}[$window]))',
      },
    });
    expect(latency.target).toBe(0.99);
    expect(latency.indicator).toEqual({
      kind: 'ratio-bad',
      counter: true,
      badQuery: expect.stringMatching(
        /^\(\s*sum\(increase\(http_request_duration_seconds_count\{service="checkout-api"\}\[\$window\]\)\)\s*-\s*sum\(increase\(http_request_duration_seconds_bucket\{service="checkout-api",le="0.4"\}\[\$window\]\)\)\s*\)$/,
      ),
      totalQuery:
        'sum(increase(http_request_duration_seconds_count{service="checkout-api"}[$window]))',
    });
    // 1 - good/total: measured as good/total.
    expect(confirmations.target).toBe(0.995);
    expect(confirmations.indicator).toEqual({
      kind: 'ratio-good',
      counter: true,
      goodQuery:
        'sum(rate(payment_confirmations_total{service="checkout-api",result="ok"}[$window]))',
      totalQuery:
        'sum(rate(payment_confirmations_total{service="checkout-api"}[$window]))',
    });

    expect(problems.map(problem => problem.field)).toEqual([
      'labels',
      'slos[0].alerting.name',
      'slos[0].alerting.labels',
      'slos[0].alerting.annotations',
      'slos[0].alerting.page_alert.labels',
      'slos[0].alerting.ticket_alert.labels',
      'slos[1].labels',
      'slos[1].alerting.page_alert.disable',
      'slos[3].sli.plugin',
    ]);
    const plugin = problems.find(p => p.field === 'slos[3].sli.plugin')!;
    expect(plugin).toMatchObject({
      entityRef: source.entityRef,
      file: source.file,
      document: { index: 0 },
    });
    expect(plugin.message).toContain(
      '"sloth-common/kubernetes/apiserver/availability"',
    );
    expect(plugin.message).toContain('not converted');
  });

  it('keeps Sloth labels as OpenSLO labels, the SLO’s over the service’s', () => {
    const conversion = convertSlothToOpenSlo(
      parseYaml(fixture('sloth-checkout-api.yaml')),
    );
    expect(conversion.format).toBe('sloth');
    expect(conversion.sourceFields).toEqual(['slos[0]', 'slos[1]', 'slos[2]']);
    expect(conversion.documents[1]).toMatchObject({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: 'checkout-api-requests-latency',
        labels: { owner: 'team-payments', tier: '1', category: 'latency' },
      },
    });
  });

  it('reads the Kubernetes resource and splits a bad/total raw error ratio', () => {
    const { definitions, problems } = readSloText(
      fixture('sloth-kubernetes-search.yaml'),
      source,
    );
    expect(definitions).toHaveLength(1);
    expect(definitions[0]).toMatchObject({
      id: 'search-api-queries-availability',
      service: 'search-api',
      target: 0.9995,
      window: '30d',
      budgetingMethod: 'Occurrences',
      indicator: {
        kind: 'ratio-bad',
        badQuery:
          'sum(rate(search_queries_total{job="search-api",outcome="error"}[$window]))',
        totalQuery:
          'sum(rate(search_queries_total{job="search-api"}[$window]))',
      },
    });
    expect(problems.map(problem => problem.field)).toEqual([
      'spec.slos[0].alerting.name',
      'spec.slos[0].alerting.ticketAlert.disable',
      'spec.slos[1].sli.raw.errorRatioQuery',
    ]);
    expect(problems[2].message).toContain(
      'cannot split this error ratio into them',
    );
  });

  it('uses the Sloth period it is given as the window', () => {
    const { parsed } = convertAndParse(
      slothFile({ name: 'a', objective: 99, sli: EVENTS }),
      '28d',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.definitions[0]).toMatchObject({
      window: '28d',
      windowSeconds: 28 * 86_400,
    });
  });

  it.each([
    [100, 'objective 100% is outside (0, 100)'],
    [0, 'objective 0% is outside (0, 100)'],
    ['99.9', 'no numeric objective'],
  ])('refuses objective %p, naming the field', (objective, message) => {
    const { conversion } = convertAndParse(
      slothFile({ name: 'a', objective, sli: EVENTS }),
    );
    expect(conversion.documents).toEqual([]);
    expect(conversion.problems).toEqual([
      expect.objectContaining({ field: 'slos[0].objective' }),
    ]);
    expect(conversion.problems[0].message).toContain(message);
  });

  it('reports template actions other than {{.window}} by field', () => {
    const { conversion } = convertAndParse(
      slothFile({
        name: 'a',
        objective: 99,
        sli: {
          events: {
            error_query:
              'sum(rate(errors_total{svc="{{.service}}"}[{{.window}}]))',
            total_query: 'sum(rate(requests_total[{{.window}}]))',
          },
        },
      }),
    );
    expect(conversion.documents).toEqual([]);
    expect(conversion.problems).toEqual([
      expect.objectContaining({
        field: 'slos[0].sli.events.error_query',
        message: expect.stringContaining('{{.service}}'),
      }),
    ]);
  });

  it('reports unknown fields and SLO plugins by name, and still converts', () => {
    const { conversion, parsed } = convertAndParse({
      version: 'prometheus/v1',
      service: 'checkout-api',
      slo_plugins: { chain: [{ id: 'sloth.dev/core/debug/v1' }] },
      slos: [
        {
          name: 'a',
          objective: 99,
          objectiv: 98,
          sli: EVENTS,
          plugins: {
            chain: [{ id: 'sloth.dev/contrib/denominator_corrected/v1' }],
          },
        },
      ],
    });
    expect(parsed.definitions).toHaveLength(1);
    expect(conversion.problems.map(problem => problem.field)).toEqual([
      'slo_plugins',
      'slos[0].objectiv',
      'slos[0].plugins',
    ]);
    expect(conversion.problems[0].message).toContain('sloth.dev/core/debug/v1');
    expect(conversion.problems[2].message).toContain(
      'sloth.dev/contrib/denominator_corrected/v1',
    );
  });

  it('refuses a file without a service, naming the field', () => {
    const conversion = convertSlothToOpenSlo({
      version: 'prometheus/v1',
      slos: [{ name: 'a', objective: 99, sli: EVENTS }],
    });
    expect(conversion.documents).toEqual([]);
    expect(conversion.problems).toEqual([
      expect.objectContaining({ field: 'service' }),
    ]);
  });

  it('maps problems the OpenSLO parser finds back to the Sloth SLO', () => {
    const text = [
      'version: prometheus/v1',
      'service: checkout-api',
      'slos:',
      '  - { name: availability, objective: 99, sli: { events: { error_query: "e[{{.window}}]", total_query: "t[{{.window}}]" } } }',
      '  - { name: Availability, objective: 98, sli: { events: { error_query: "e[{{.window}}]", total_query: "t[{{.window}}]" } } }',
    ].join('\n');
    const { definitions, problems } = readSloText(text, source);
    expect(definitions.map(definition => definition.target)).toEqual([0.99]);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'slos[1]',
        message: expect.stringMatching(
          /^Sloth prometheus\/v1, converted to OpenSLO \(metadata\.name\): another SLO in this file is already named "checkout-api-availability"/,
        ),
        document: expect.objectContaining({ index: 0 }),
      }),
    ]);
  });
});
