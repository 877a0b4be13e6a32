import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { gateResponse, slosResponse } from '../__testUtils__/sloFixtures';
import { ReliabilityClient } from './ReliabilityClient';

const server = setupServer();
registerMswTestHooks(server);

const BASE_URL = 'http://backstage.test/api/reliability';

function client() {
  const fetchApi = {
    fetch: jest.fn((input: any, init?: RequestInit) => fetch(input, init)),
  };
  return {
    fetchApi,
    client: new ReliabilityClient({
      discoveryApi: { getBaseUrl: async () => BASE_URL },
      fetchApi,
    }),
  };
}

function record(path: string, body: () => Response) {
  const seen: Array<{ url: string; accept: string | null }> = [];
  server.use(
    http.get(`${BASE_URL}${path}`, ({ request }) => {
      seen.push({ url: request.url, accept: request.headers.get('accept') });
      return body();
    }),
  );
  return seen;
}

describe('ReliabilityClient SLO calls', () => {
  it('reads the SLOs of an entity through fetchApi', async () => {
    const seen = record('/entities/:kind/:namespace/:name/slos', () =>
      HttpResponse.json(slosResponse()),
    );
    const { client: api, fetchApi } = client();

    const response = await api.getEntitySlos('Component:default/checkout-api');

    expect(response.slos.map(slo => slo.id)).toEqual([
      'checkout-api-availability',
    ]);
    expect(fetchApi.fetch).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([
      {
        url: `${BASE_URL}/entities/component/default/checkout-api/slos`,
        accept: 'application/json',
      },
    ]);
  });

  it('reads the deploy gate, encoding each part of the ref', async () => {
    const seen = record('/entities/:kind/:namespace/:name/deploy-gate', () =>
      HttpResponse.json(gateResponse({ allowed: false })),
    );
    const { client: api } = client();

    const gate = await api.getDeployGate({
      kind: 'Component',
      namespace: 'team a',
      name: 'checkout/api',
    });

    expect(gate.allowed).toBe(false);
    expect(seen.map(s => s.url)).toEqual([
      `${BASE_URL}/entities/component/team%20a/checkout%2Fapi/deploy-gate`,
    ]);
  });

  it('reads the Prometheus rules with the SLOs they leave out', async () => {
    const body = {
      entityRef: 'component:default/checkout-api',
      fileName: 'checkout-api.slo-rules.yaml',
      yaml: 'groups:\n  - name: slo-checkout-api\n    rules: []\n',
      problems: [
        {
          sloId: 'checkout-api-latency',
          file: 'slos.yaml',
          field: 'spec.indicator.spec.thresholdMetric',
          message: 'threshold SLIs have no event ratio to record',
        },
      ],
    };
    const seen = record('/entities/:kind/:namespace/:name/slo-rules', () =>
      HttpResponse.json(body),
    );
    const { client: api } = client();

    await expect(api.getSloRules('checkout-api')).resolves.toEqual(body);
    expect(seen).toEqual([
      {
        url: `${BASE_URL}/entities/component/default/checkout-api/slo-rules`,
        accept: 'application/json',
      },
    ]);
  });

  it('gives the problems, and no file, when no SLO could be exported', async () => {
    const problems = [
      {
        sloId: 'checkout-api-latency',
        file: 'slos.yaml',
        field: 'spec.indicator.spec.thresholdMetric',
        message: 'threshold SLIs have no event ratio to record',
      },
    ];
    record('/entities/:kind/:namespace/:name/slo-rules', () =>
      HttpResponse.json(
        {
          error: { name: 'SloRulesNotExportableError', message: 'none' },
          request: { method: 'GET', url: '/x' },
          response: { statusCode: 422 },
          problems,
        },
        { status: 422 },
      ),
    );
    const { client: api } = client();
    await expect(api.getSloRules('checkout-api')).resolves.toEqual({
      entityRef: 'component:default/checkout-api',
      fileName: '',
      yaml: null,
      problems,
    });
  });

  it('throws a ResponseError with the status when the backend refuses', async () => {
    record('/entities/:kind/:namespace/:name/slo-rules', () =>
      HttpResponse.json(
        { error: { name: 'NotFoundError', message: 'no SLOs' } },
        { status: 404 },
      ),
    );
    const { client: api } = client();

    const error = await api.getSloRules('checkout-api').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
  });
});
