import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import type {
  DeployGateResponse,
  EntitySlosResponse,
} from '@preflight/plugin-reliability-common';
import {
  BASE_URL,
  renderWithBackend,
} from '../../__testUtils__/renderWithBackend';
import { mockResizeObserver } from '../../__testUtils__/mockResizeObserver';
import {
  awaitingSyncSlo,
  burningSlo,
  exhaustedSlo,
  gateResponse,
  healthySlo,
  noTrafficSlo,
  prometheusSource,
  sloEntity,
  slosResponse,
  stoppedBurningSlo,
} from '../../__testUtils__/sloFixtures';
import { minutesFromNow, NOW } from '../../__testUtils__/summaryFixtures';
import { EntitySloCard } from './EntitySloCard';

const server = setupServer();
registerMswTestHooks(server);

const ENTITY_URL = `${BASE_URL}/entities/component/default/checkout-api`;

let restoreResizeObserver: () => void;
beforeAll(() => {
  restoreResizeObserver = mockResizeObserver();
});
afterAll(() => restoreResizeObserver());

function serve(
  slos: EntitySlosResponse | (() => Response),
  gate?: DeployGateResponse,
) {
  const requests: string[] = [];
  server.use(
    http.get(`${ENTITY_URL}/slos`, ({ request }) => {
      requests.push(new URL(request.url).pathname);
      return typeof slos === 'function' ? slos() : HttpResponse.json(slos);
    }),
  );
  if (gate) {
    server.use(
      http.get(`${ENTITY_URL}/deploy-gate`, ({ request }) => {
        requests.push(new URL(request.url).pathname);
        return HttpResponse.json(gate);
      }),
    );
  }
  return requests;
}

async function renderCard() {
  await renderWithBackend(<EntitySloCard now={NOW} />, sloEntity());
  return screen.findByRole('region', { name: 'SLOs' });
}

function expectNoBrokenNumbers(element: HTMLElement) {
  expect(element.textContent).not.toMatch(/NaN|Infinity|undefined/);
}

describe('EntitySloCard', () => {
  it('shows a healthy SLO: objective, attainment, budget, burn rates, burn-down, links, freshness and the gate', async () => {
    const requests = serve(slosResponse(), gateResponse());
    const card = await renderCard();

    const slo = await within(card).findByRole('article', {
      name: 'Checkout API availability',
    });
    expect(
      within(slo).getByText(/^99\.9% over rolling 30d/),
    ).toBeInTheDocument();
    expect(
      within(slo).getByText('Alerts: default multi-window burn-rate policy'),
    ).toBeInTheDocument();
    expect(within(slo).getByText('Within budget')).toBeInTheDocument();
    expect(
      within(slo).getByRole('group', { name: 'Attainment' }),
    ).toHaveTextContent('99.95%');
    expect(
      within(slo).getByRole('group', { name: 'Error budget' }),
    ).toHaveTextContent('50% left');
    expect(
      within(slo).getByRole('progressbar', { name: 'Error budget left' }),
    ).toHaveAttribute('aria-valuenow', '50');
    expect(
      within(slo).getByRole('group', { name: 'Time to exhaustion' }),
    ).toHaveTextContent('30d');

    const burnRates = within(slo).getByRole('table', {
      name: 'Burn rates of Checkout API availability',
    });
    expect(
      within(burnRates).getByRole('row', { name: '1h' }),
    ).toHaveTextContent('0.50×');
    const alerts = within(slo).getByRole('table', {
      name: 'Burn-rate alerts of Checkout API availability',
    });
    // Thresholds follow the Workbook for a 30-day window: 2% in 1h = 14.4×.
    const pageRow = within(alerts).getByRole('row', { name: 'page 1h / 5m' });
    expect(pageRow).toHaveTextContent('14.4×');
    expect(within(pageRow).getByText('ok')).toBeInTheDocument();

    const chart = within(slo).getByRole('figure', {
      name: /^Error budget burn-down of Checkout API availability: /,
    });
    expect(within(chart).getByText('Budget remaining')).toBeInTheDocument();
    expect(within(chart).getByText('Ideal (burn rate 1)')).toBeInTheDocument();
    expect(chart.querySelectorAll('.recharts-line').length).toBe(2);

    expect(
      within(slo).getByRole('link', { name: 'Error ratio in Prometheus' }),
    ).toHaveAttribute(
      'href',
      'https://prometheus.example.com/graph?g0.expr=slo%3Acheckout-api-availability%3Aerror_ratio',
    );
    expect(within(card).getByText('as of 3m ago')).toBeInTheDocument();
    expect(
      await within(card).findByText('Deploys allowed'),
    ).toBeInTheDocument();
    expect(within(card).getByText('1 SLO')).toBeInTheDocument();
    expectNoBrokenNumbers(card);
    expect(requests.sort()).toEqual([
      '/api/reliability/entities/component/default/checkout-api/deploy-gate',
      '/api/reliability/entities/component/default/checkout-api/slos',
    ]);
  });

  it('flags a fast burn with a page chip, the firing rows, and a blocked deploy gate', async () => {
    serve(
      slosResponse({ slos: [burningSlo(), healthySlo()] }),
      gateResponse({
        allowed: false,
        reasons: [
          {
            sloId: 'checkout-api-latency',
            kind: 'page-alert',
            message:
              'Checkout API latency: page-level burn alert firing (1h / 5m)',
          },
        ],
      }),
    );
    const card = await renderCard();

    const slo = await within(card).findByRole('article', {
      name: 'Checkout API latency',
    });
    expect(within(slo).getByText('Page: burning fast')).toBeInTheDocument();
    expect(within(slo).getByText(/^99% over rolling 28d/)).toBeInTheDocument();
    const alerts = within(slo).getByRole('table', {
      name: 'Burn-rate alerts of Checkout API latency',
    });
    expect(
      within(
        // 28 days: the 30-day windows × 28/30, the factors kept
        within(alerts).getByRole('row', { name: 'page 56m / 5m' }),
      ).getByText('page firing'),
    ).toBeInTheDocument();
    expect(
      within(
        within(alerts).getByRole('row', { name: 'ticket 22h 24m / 1h 52m' }),
      ).getByText('ok'),
    ).toBeInTheDocument();
    expect(
      within(slo).getByRole('group', { name: 'Time to exhaustion' }),
    ).toHaveTextContent('6h 43m');
    expect(
      await within(card).findByText(
        /Deploys blocked: Checkout API latency: page-level burn alert firing/,
      ),
    ).toBeInTheDocument();
    expect(within(card).getByText('2 SLOs, 1 burning')).toBeInTheDocument();
  });

  it('says a burning SLO whose metrics stopped is unknown, not ok', async () => {
    serve(slosResponse({ slos: [stoppedBurningSlo()] }), gateResponse());
    const card = await renderCard();

    const slo = await within(card).findByRole('article', {
      name: 'Checkout API availability',
    });
    expect(
      within(slo).getByText('Unknown: metrics stopped'),
    ).toBeInTheDocument();
    const alerts = within(slo).getByRole('table', {
      name: 'Burn-rate alerts of Checkout API availability',
    });
    expect(
      within(
        within(alerts).getByRole('row', { name: 'page 1h / 5m' }),
      ).getByText('unknown: no data in the short window'),
    ).toBeInTheDocument();
  });

  it('shows an exhausted budget as an empty red bar with how far it is overspent', async () => {
    serve(slosResponse({ slos: [exhaustedSlo()] }), gateResponse());
    const card = await renderCard();

    const slo = await within(card).findByRole('article', {
      name: 'Ledger availability',
    });
    const budget = within(slo).getByRole('group', { name: 'Error budget' });
    expect(budget).toHaveTextContent('exhausted (-200%)');
    const bar = within(budget).getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect(bar.className).toMatch(/colorError/);
    expect(
      within(slo).getByRole('group', { name: 'Time to exhaustion' }),
    ).toHaveTextContent('exhausted');
  });

  it('says when a calendar-month SLO resets, how a RatioTimeslices SLO is budgeted and which alert policy is in force', async () => {
    serve(
      slosResponse({
        slos: [
          healthySlo({
            window: '1M',
            rolling: false,
            windowStart: new Date(
              NOW.getTime() - 10 * 86_400_000,
            ).toISOString(),
            // 2.5 days away: the card rounds up.
            windowEnd: new Date(NOW.getTime() + 2.5 * 86_400_000).toISOString(),
            budgetingMethod: 'RatioTimeslices',
            alertPolicies: [
              {
                name: 'checkout-fast-burn',
                displayName: 'Checkout fast burn',
                severity: 'page',
                condition: 'burn rate ≥ 14.4 over 1h for 5m',
                notificationTargets: ['checkout-oncall: slack'],
              },
            ],
          }),
        ],
      }),
      gateResponse(),
    );
    const card = await renderCard();
    const slo = await within(card).findByRole('article', {
      name: 'Checkout API availability',
    });
    expect(
      within(slo).getByText(
        '99.9% over 1M calendar, average of timeslice ratios · resets in 3 days',
      ),
    ).toBeInTheDocument();
    expect(
      within(slo).getByText(
        'Alerts: OpenSLO policy Checkout fast burn (page: burn rate ≥ 14.4 over 1h for 5m) → checkout-oncall: slack',
      ),
    ).toBeInTheDocument();
  });

  it('says "no data" for an SLO without traffic, never NaN or Infinity', async () => {
    serve(slosResponse({ slos: [noTrafficSlo()] }), gateResponse());
    const card = await renderCard();

    const slo = await within(card).findByRole('article', {
      name: 'Fraud checks availability',
    });
    expect(
      within(slo).getByText(/^99\.95% over rolling 7d/),
    ).toBeInTheDocument();
    expect(within(slo).getAllByText('No data').length).toBeGreaterThan(0);
    expect(
      within(slo).getByRole('group', { name: 'Attainment' }),
    ).toHaveTextContent('no data');
    expect(
      within(slo).getByRole('group', { name: 'Error budget' }),
    ).toHaveTextContent('no data');
    expect(
      within(slo).getByRole('group', { name: 'Time to exhaustion' }),
    ).toHaveTextContent('no data');
    expect(
      within(slo).getByText('Burn-down: no data over the window yet.'),
    ).toBeInTheDocument();
    expect(within(slo).queryByRole('figure')).not.toBeInTheDocument();
    expectNoBrokenNumbers(card);
  });

  it('shows an SLO no source can measure with its configuration problem instead of "awaiting sync"', async () => {
    const problem =
      'component:default/checkout-api: SLO "checkout-api-availability": Prometheus instance "thanos" is not configured (field metricSource.metricSourceRef). Name one of the instances under reliability.prometheus.instances ("main").';
    serve(
      slosResponse({
        slos: [
          awaitingSyncSlo({
            state: 'error',
            sourceId: undefined,
            errors: [problem],
          }),
        ],
      }),
      gateResponse(),
    );
    const card = await renderCard();
    const slo = await within(card).findByRole('article', {
      name: 'Checkout API availability',
    });
    expect(within(slo).getByText('Cannot be measured')).toBeInTheDocument();
    expect(within(slo).getByText(problem)).toBeInTheDocument();
    expect(within(slo).queryByText(/Awaiting/)).not.toBeInTheDocument();
  });

  it('shows SLOs awaiting their first sync, and the gate that cannot judge them', async () => {
    serve(
      slosResponse({
        slos: [awaitingSyncSlo()],
        sources: [
          prometheusSource({
            lastSuccessAt: null,
            ageSeconds: null,
            stale: true,
          }),
        ],
      }),
      gateResponse({
        reasons: [
          {
            sloId: 'checkout-api-availability',
            kind: 'slo-not-measured',
            message: 'Checkout API availability has not been measured yet',
          },
        ],
      }),
    );
    const card = await renderCard();

    const slo = await within(card).findByRole('article', {
      name: 'Checkout API availability',
    });
    expect(within(slo).getByText('Awaiting sync')).toBeInTheDocument();
    expect(
      within(slo).getByText(
        'Awaiting the first sync: this SLO has not been measured yet.',
      ),
    ).toBeInTheDocument();
    expect(within(slo).queryByRole('table')).not.toBeInTheDocument();
    expect(
      within(card).getByText(/Awaiting sync: Prometheus main/),
    ).toBeInTheDocument();
    expect(within(card).getByText('not synced yet')).toBeInTheDocument();
    const gate = await within(card).findByText(
      /Deploy gate cannot judge: deploys held/,
    );
    expect(gate).toHaveTextContent(
      'Checkout API availability has not been measured yet',
    );
    expect(within(card).queryByText(/Deploys allowed/)).not.toBeInTheDocument();
  });

  it('says a source that never answered is unreachable, with its error and last attempt, not "not read yet"', async () => {
    serve(
      slosResponse({
        slos: [awaitingSyncSlo()],
        sources: [
          prometheusSource({
            lastSuccessAt: null,
            lastAttemptAt: minutesFromNow(-2),
            lastError: 'connect ECONNREFUSED 127.0.0.1:9090',
            errorSince: minutesFromNow(-30),
            ageSeconds: null,
            stale: true,
          }),
        ],
      }),
      gateResponse({
        onUnknown: 'allow',
        reasons: [
          {
            sloId: 'checkout-api-availability',
            kind: 'slo-not-measured',
            message:
              'Checkout API availability has not been measured: Prometheus main has never answered: connect ECONNREFUSED 127.0.0.1:9090',
          },
        ],
      }),
    );
    const card = await renderCard();

    const unreachable = (
      await within(card).findByText('Prometheus main is unreachable')
    ).closest<HTMLElement>('[role="alert"]')!;
    expect(
      within(unreachable).getByText(
        'No SLO has been measured from it yet: connect ECONNREFUSED 127.0.0.1:9090',
      ),
    ).toBeInTheDocument();
    expect(within(unreachable).getByText(/^Last tried/)).toHaveTextContent(
      'Last tried 2m ago; failing since 30m ago.',
    );
    expect(
      within(card).queryByText(/has not been read yet/),
    ).not.toBeInTheDocument();
    // Let through by policy, and still saying it could not judge.
    expect(
      await within(card).findByText(
        /Deploy gate cannot judge: deploys let through/,
      ),
    ).toBeInTheDocument();
  });

  it('names the file, SLO and field of each problem and still shows the other SLOs', async () => {
    serve(
      slosResponse({
        problems: [
          {
            entityRef: 'component:default/checkout-api',
            file: 'slos/checkout-api.yaml',
            sloName: 'checkout-api-latency',
            field: 'spec.timeWindow[0].duration',
            message: '"30x" is not a duration',
            fix: 'Use a duration such as 28d.',
          },
        ],
      }),
      gateResponse(),
    );
    const card = await renderCard();

    expect(
      await within(card).findByText('A problem in the SLO files'),
    ).toBeInTheDocument();
    const problem = within(
      within(card).getByRole('list', { name: 'SLO file problems' }),
    ).getByRole('listitem');
    expect(problem).toHaveTextContent(
      'slos/checkout-api.yaml, SLO checkout-api-latency, field spec.timeWindow[0].duration: "30x" is not a duration Fix: Use a duration such as 28d.',
    );
    expect(
      within(card).getByRole('article', { name: 'Checkout API availability' }),
    ).toBeInTheDocument();
  });

  it('says a problem is about the whole file when no field is at fault', async () => {
    serve(
      slosResponse({
        problems: [
          {
            entityRef: 'component:default/checkout-api',
            file: 'slos/huge.yaml',
            field: '(whole file)',
            message:
              'the file has 1048576 characters, more than the 1000000 an SLO file may have',
            fix: 'Split the SLOs into several smaller files.',
          },
        ],
      }),
      gateResponse(),
    );
    const card = await renderCard();
    const problem = within(
      await within(card).findByRole('list', { name: 'SLO file problems' }),
    ).getByRole('listitem');
    expect(problem).toHaveTextContent(
      'slos/huge.yaml, whole file: the file has 1048576 characters, more than the 1000000 an SLO file may have Fix: Split the SLOs into several smaller files.',
    );
  });

  it('shows the last good measurement and the error of an SLO whose query failed', async () => {
    serve(
      slosResponse({
        slos: [
          healthySlo({
            state: 'error',
            evaluatedAt: minutesFromNow(-90),
            errors: [
              'checkout-api-availability: Prometheus rejected the total query: bad_data: parse error',
            ],
            warnings: ['Prometheus warned: result truncated'],
          }),
        ],
      }),
      gateResponse(),
    );
    const card = await renderCard();

    const slo = await within(card).findByRole('article', {
      name: 'Checkout API availability',
    });
    expect(
      within(slo).getByText(/Prometheus rejected the total query: bad_data/),
    ).toBeInTheDocument();
    expect(
      within(slo).getByText('Prometheus warned: result truncated'),
    ).toBeInTheDocument();
    expect(
      within(slo).getByText(/^Showing the last good measurement/),
    ).toHaveTextContent('Showing the last good measurement, from 1h 30m ago.');
    expect(
      within(slo).getByRole('group', { name: 'Attainment' }),
    ).toHaveTextContent('99.95%');
  });

  it('warns when Prometheus data is stale', async () => {
    serve(
      slosResponse({
        sources: [
          prometheusSource({
            stale: true,
            lastSuccessAt: minutesFromNow(-120),
            errorSince: minutesFromNow(-60),
            lastError: 'connect ECONNREFUSED 127.0.0.1:9090',
          }),
        ],
      }),
      gateResponse(),
    );
    const card = await renderCard();

    expect(
      await within(card).findByText(/Prometheus main data is stale since/),
    ).toHaveTextContent('last error: connect ECONNREFUSED 127.0.0.1:9090');
    expect(within(card).getByText('as of 2h ago')).toBeInTheDocument();
  });

  it('explains how to declare SLOs when the entity has none, without asking the deploy gate', async () => {
    const requests = serve(slosResponse({ slos: [], sources: [] }));
    const card = await renderCard();

    expect(
      await within(card).findByText(/This entity declares no SLOs/),
    ).toBeInTheDocument();
    // The two snippets to copy: the annotation and an OpenSLO file.
    expect(
      within(card).getByText(/preflight\.dev\/openslo: \.\/slos\.yaml/),
    ).toBeInTheDocument();
    expect(
      within(card).getByText(/^apiVersion: openslo\/v1/),
    ).toBeInTheDocument();
    // And the other formats that work as they are.
    expect(
      within(card).getByText('version: prometheus/v1'),
    ).toBeInTheDocument();
    expect(within(card).getByText('ServiceLevelObjective')).toBeInTheDocument();
    expect(
      within(card).queryByRole('button', { name: /Download/ }),
    ).not.toBeInTheDocument();
    expect(requests).toEqual([
      '/api/reliability/entities/component/default/checkout-api/slos',
    ]);
  });

  it('shows an API error and loads again on retry', async () => {
    let calls = 0;
    serve(() => {
      calls += 1;
      return calls === 1
        ? HttpResponse.json(
            { error: { name: 'Error', message: 'database is locked' } },
            { status: 500 },
          )
        : HttpResponse.json(slosResponse());
    }, gateResponse());
    const card = await renderCard();

    const failure = (
      await within(card).findByText('Could not load reliability data')
    ).closest<HTMLElement>('[role="alert"]')!;
    expect(within(failure).getByText(/database is locked/)).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Retry' }));
    expect(
      await within(card).findByRole('article', {
        name: 'Checkout API availability',
      }),
    ).toBeInTheDocument();
  });

  it('shows a loading state until the SLOs arrive', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>(resolve => {
      answer = resolve;
    });
    server.use(
      http.get(`${ENTITY_URL}/slos`, async () => {
        await answered;
        return HttpResponse.json(slosResponse());
      }),
      http.get(`${ENTITY_URL}/deploy-gate`, () =>
        HttpResponse.json(gateResponse()),
      ),
    );
    const card = await renderCard();

    expect(
      within(card).getByRole('progressbar', { name: 'Loading SLOs' }),
    ).toBeInTheDocument();
    answer();
    expect(
      await within(card).findByRole('article', {
        name: 'Checkout API availability',
      }),
    ).toBeInTheDocument();
    expect(
      within(card).queryByRole('progressbar', { name: 'Loading SLOs' }),
    ).not.toBeInTheDocument();
  });

  it('downloads the Prometheus rules as a YAML file', async () => {
    const rules = 'groups:\n  - name: slo-checkout-api\n    rules: []\n';
    serve(slosResponse(), gateResponse());
    server.use(
      http.get(`${ENTITY_URL}/slo-rules`, () =>
        HttpResponse.json({
          entityRef: 'component:default/checkout-api',
          fileName: 'checkout-api.slo-rules.yaml',
          yaml: rules,
          problems: [],
        }),
      ),
    );
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:rules';
    });
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        downloads.push(`${this.download} ${this.href}`);
      });
    try {
      const card = await renderCard();
      await userEvent.click(
        await within(card).findByRole('button', {
          name: 'Download Prometheus rules',
        }),
      );

      await waitFor(() =>
        expect(downloads).toEqual(['checkout-api-slo-rules.yaml blob:rules']),
      );
      expect(await blobs[0].text()).toBe(rules);
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:rules');
    } finally {
      click.mockRestore();
    }
  });

  it('lists the SLOs the downloaded rules leave out, and why', async () => {
    serve(slosResponse(), gateResponse());
    server.use(
      http.get(`${ENTITY_URL}/slo-rules`, () =>
        HttpResponse.json({
          entityRef: 'component:default/checkout-api',
          fileName: 'checkout-api.slo-rules.yaml',
          yaml: 'groups: []\n',
          problems: [
            {
              sloId: 'checkout-api-latency',
              file: 'slos/checkout-api.yaml',
              field: 'spec.indicator.spec.thresholdMetric',
              message: 'threshold SLIs have no event ratio to record',
            },
          ],
        }),
      ),
    );
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:rules'),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    try {
      const card = await renderCard();
      await userEvent.click(
        await within(card).findByRole('button', {
          name: 'Download Prometheus rules',
        }),
      );
      const list = await within(card).findByRole('list', {
        name: 'SLOs left out of the rules',
      });
      expect(list).toHaveTextContent(
        'checkout-api-latency (slos/checkout-api.yaml, spec.indicator.spec.thresholdMetric): threshold SLIs have no event ratio to record',
      );
      expect(click).toHaveBeenCalledTimes(1);
    } finally {
      click.mockRestore();
    }
  });

  it('downloads nothing and says why when no SLO can be exported', async () => {
    serve(slosResponse(), gateResponse());
    server.use(
      http.get(`${ENTITY_URL}/slo-rules`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'SloRulesNotExportableError',
              message:
                'None of the 1 SLOs of component:default/checkout-api could be exported as Prometheus rules',
            },
            request: { method: 'GET', url: '/slo-rules' },
            response: { statusCode: 422 },
            problems: [
              {
                sloId: 'checkout-api-latency',
                file: 'slos/checkout-api.yaml',
                field: 'spec.indicator.spec.thresholdMetric',
                message: 'threshold SLIs have no event ratio to record',
              },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    try {
      const card = await renderCard();
      await userEvent.click(
        await within(card).findByRole('button', {
          name: 'Download Prometheus rules',
        }),
      );
      expect(
        await within(card).findByText(
          'No rules were downloaded: none of the SLOs can be exported.',
        ),
      ).toBeInTheDocument();
      expect(
        within(card).getByRole('list', { name: 'SLOs left out of the rules' }),
      ).toHaveTextContent('threshold SLIs have no event ratio to record');
      expect(click).not.toHaveBeenCalled();
    } finally {
      click.mockRestore();
    }
  });

  it('says why a rules download failed', async () => {
    serve(slosResponse(), gateResponse());
    server.use(
      http.get(`${ENTITY_URL}/slo-rules`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'not allowed to export rules',
            },
          },
          { status: 403 },
        ),
      ),
    );
    const card = await renderCard();
    await userEvent.click(
      await within(card).findByRole('button', {
        name: 'Download Prometheus rules',
      }),
    );

    expect(await within(card).findByRole('alert')).toHaveTextContent(
      /Download failed: .*403/,
    );
  });
});
