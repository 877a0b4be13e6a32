import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseOpenSloDocuments } from './parseOpenSloDocuments';

// The demo fleet's OpenSLO files, which the catalog, the demo Prometheus
// history and the end-to-end tests rely on.
const SLO_DIR = resolve(__dirname, '../../../../catalog/slos');

function parseExample(component: string) {
  const file = `${component}.yaml`;
  return parseOpenSloDocuments(readFileSync(resolve(SLO_DIR, file), 'utf8'), {
    entityRef: `component:default/${component}`,
    file,
  });
}

describe('example fleet SLOs in catalog/slos', () => {
  it('checkout-api declares availability and latency', () => {
    const { definitions, problems } = parseExample('checkout-api');
    expect(problems).toEqual([]);
    expect(
      definitions.map(d => [d.id, d.indicator.kind, d.window, d.target]),
    ).toEqual([
      ['checkout-api-availability', 'ratio-bad', '30d', 0.999],
      ['checkout-api-latency', 'ratio-good', '28d', 0.99],
    ]);
    expect(definitions[1].indicator).toEqual({
      kind: 'ratio-good',
      counter: true,
      goodQuery:
        'http_request_duration_seconds_bucket{service="checkout-api",le="0.3"}',
      totalQuery: 'http_request_duration_seconds_count{service="checkout-api"}',
    });
  });

  it.each([
    ['payments-gateway', '30d', 0.999],
    ['search-api', '28d', 0.995],
    ['recommendations', '7d', 0.99],
  ])('%s declares an availability SLO', (component, window, target) => {
    const { definitions, problems } = parseExample(component);
    expect(problems).toEqual([]);
    expect(definitions).toHaveLength(1);
    expect(definitions[0]).toMatchObject({
      id: `${component}-availability`,
      service: component,
      entityRef: `component:default/${component}`,
      window,
      rolling: true,
      budgetingMethod: 'Occurrences',
      target,
      indicator: {
        kind: 'ratio-bad',
        badQuery: `http_requests_total{service="${component}",code=~"5.."}`,
        totalQuery: `http_requests_total{service="${component}"}`,
      },
    });
  });
});
