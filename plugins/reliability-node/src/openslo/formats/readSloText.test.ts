import { readFileSync } from 'fs';
import { join } from 'path';
import { parseOpenSloDocuments } from '../parseOpenSloDocuments';
import { detectSloFormat } from './detectSloFormat';
import { readSloText } from './readSloText';

const source = {
  entityRef: 'component:default/checkout-api',
  file: 'slos/checkout-api.yaml',
};

const catalogFile = join(
  __dirname,
  '../../../../../catalog/slos/checkout-api.yaml',
);

const SLOTH = `
version: prometheus/v1
service: checkout-api
slos:
  - name: availability
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total[{{.window}}]))
`;

const OPENSLO_SLI = `
apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-errors
spec:
  ratioMetric:
    counter: true
    bad:
      metricSource:
        type: Prometheus
        spec:
          query: http_requests_total{code=~"5.."}
    total:
      metricSource:
        type: Prometheus
        spec:
          query: http_requests_total
`;

const OPENSLO_SLO = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-errors-28d
spec:
  service: checkout-api
  indicatorRef: checkout-errors
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 1.5
`;

describe('detectSloFormat', () => {
  it.each([
    [{ apiVersion: 'openslo/v1', kind: 'SLO' }, 'openslo'],
    [{ apiVersion: 'openslo/v2alpha', kind: 'SLO' }, 'openslo'],
    [{ version: 'prometheus/v1', service: 'a' }, 'sloth'],
    [
      { apiVersion: 'sloth.slok.dev/v1', kind: 'PrometheusServiceLevel' },
      'sloth-kubernetes',
    ],
    [
      { apiVersion: 'pyrra.dev/v1alpha1', kind: 'ServiceLevelObjective' },
      'pyrra',
    ],
    [{ apiVersion: 'pyrra.dev/v1alpha1', kind: 'PrometheusRule' }, undefined],
    [{ version: 'prometheus/v2' }, undefined],
    ['text', undefined],
    [[{ version: 'prometheus/v1' }], undefined],
  ])('%p is %p', (document, format) => {
    expect(detectSloFormat(document)).toBe(format);
  });
});

describe('readSloText', () => {
  it('reads an OpenSLO file exactly as the OpenSLO parser does', () => {
    const text = readFileSync(catalogFile, 'utf8');
    const result = readSloText(text, source);
    expect(result.definitions.length).toBeGreaterThan(0);
    expect(result).toEqual(parseOpenSloDocuments(text, source));
  });

  it('leaves unreadable YAML and unknown documents to the OpenSLO parser', () => {
    for (const text of ['slos: [', 'kind: Something\n']) {
      expect(readSloText(text, source)).toEqual(
        parseOpenSloDocuments(text, source),
      );
    }
  });

  it('reads a file mixing Sloth and OpenSLO, with problems at their source document', () => {
    const text = [SLOTH, OPENSLO_SLI, OPENSLO_SLO, '\nkind: Unknown\n'].join(
      '---',
    );
    const { definitions, problems } = readSloText(text, source);
    expect(definitions.map(definition => definition.id)).toEqual([
      'checkout-api-availability',
    ]);
    expect(definitions[0]).toMatchObject({
      entityRef: source.entityRef,
      file: source.file,
      target: 0.999,
    });
    expect(
      problems.map(problem => [
        problem.document?.index,
        problem.field,
        problem.message,
      ]),
    ).toEqual([
      // The SLI resolves across documents; the OpenSLO field is kept.
      [
        2,
        'spec.objectives[0].target',
        expect.stringContaining('target 1.5 is outside (0, 1)'),
      ],
      [
        3,
        'apiVersion',
        expect.stringMatching(
          /^unknown document: this document is not an SLO Preflight reads/,
        ),
      ],
    ]);
  });
});
