import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { EntityReliabilitySummary } from '@preflight/plugin-reliability-common';
import {
  BASE_URL,
  renderWithBackend,
} from '../../__testUtils__/renderWithBackend';
import {
  authServiceInGapSummary,
  checkoutApiSummary,
  componentEntity,
  GAP_NOW,
  minutesFromNow,
  NOW,
  pagerDutySource,
  serviceMeshSummary,
  summaryInState,
} from '../../__testUtils__/summaryFixtures';
import { EntityOnCallCard } from './EntityOnCallCard';
import { expectAccessibleNames } from '../../__testUtils__/expectAccessibleNames';

const server = setupServer();
registerMswTestHooks(server);

function serveSummary(name: string, summary: EntityReliabilitySummary) {
  const requests: string[] = [];
  server.use(
    http.get(
      `${BASE_URL}/entities/component/default/${name}/summary`,
      ({ request }) => {
        requests.push(request.url);
        return HttpResponse.json(summary);
      },
    ),
  );
  return requests;
}

function backstageError(
  status: number,
  name: string,
  message: string,
  headers?: Record<string, string>,
) {
  return HttpResponse.json(
    {
      error: { name, message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    },
    { status, headers },
  );
}

function level(n: number) {
  return screen.getByRole('listitem', { name: `Level ${n}` });
}

describe('EntityOnCallCard', () => {
  it('shows who is on call at each of three levels, with contacts, schedules, handoffs and links', async () => {
    const requests = serveSummary('checkout-api', checkoutApiSummary());
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('checkout-api'),
    );

    const levelOne = await screen.findByRole('listitem', { name: 'Level 1' });
    const carolLink = within(levelOne).getByRole('link', { name: 'Carol' });
    expect(carolLink).toHaveAttribute(
      'href',
      'https://acme.pagerduty.com/users/PUCAROL',
    );
    expect(carolLink).toHaveAttribute('target', '_blank');
    expect(carolLink).toHaveAttribute('rel', 'noopener noreferrer');
    expect(
      within(levelOne).getByRole('link', { name: 'carol@example.com' }),
    ).toHaveAttribute('href', 'mailto:carol@example.com');
    expect(
      within(levelOne).getByRole('link', { name: '+1 555 0103' }),
    ).toHaveAttribute('href', 'tel:+15550103');
    expect(
      within(levelOne).getByRole('link', { name: 'Payments primary' }),
    ).toHaveAttribute('href', 'https://acme.pagerduty.com/schedules/PSPAY01');
    expect(
      within(levelOne).getByText(/escalates to level 2 after 30 min/),
    ).toBeInTheDocument();
    // carol's override ends at 18:00, four hours from now; alice takes over.
    expect(within(levelOne).getByText(/^until/)).toHaveTextContent(
      /until .+ \(in 4h\)/,
    );
    expect(within(levelOne).getByText(/^Next handoff:/)).toHaveTextContent(
      /Next handoff: Alice in 4h \(/,
    );
    expect(
      within(levelOne).getAllByText(/in 4h/)[0].closest('time'),
    ).toHaveAttribute('dateTime', '2025-03-04T18:00:00Z');
    expect(within(levelOne).getByText('C')).toBeInTheDocument(); // initials avatar

    expect(
      within(level(2)).getByRole('link', { name: 'Bob' }),
    ).toBeInTheDocument();
    expect(level(2)).toHaveTextContent(/Next handoff: Carol in 5d 19h/);

    const levelThree = level(3);
    expect(
      within(levelThree).getByRole('link', { name: 'Dana' }),
    ).toBeInTheDocument();
    expect(
      within(levelThree).getByText('Permanent on-call'),
    ).toBeInTheDocument();
    expect(within(levelThree).queryByText(/^until/)).not.toBeInTheDocument();
    expect(
      within(levelThree).getByText(/^repeats from level 1 after 10 min/),
    ).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'checkout-api' })).toHaveAttribute(
      'href',
      'https://acme.pagerduty.com/service-directory/PCHKOUT',
    );
    expect(screen.getByText('critical')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Payments escalation' }),
    ).toHaveAttribute(
      'href',
      'https://acme.pagerduty.com/escalation_policies/PEPAY01',
    );
    expect(screen.getByRole('link', { name: /team-payments/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-payments',
    );
    expect(screen.getByText('as of 3m ago')).toBeInTheDocument();
    expect(screen.queryByText(/data is stale/)).not.toBeInTheDocument();
    expect(requests).toHaveLength(1);
  });

  it('lists open incidents high urgency first, with MTTA, MTTR and pages per shift', async () => {
    serveSummary('checkout-api', checkoutApiSummary());
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('checkout-api'),
    );

    const incidents = await screen.findByRole('list', {
      name: 'Open incidents',
    });
    const links = within(incidents).getAllByRole('link');
    expectAccessibleNames(links, [
      '#1042 Checkout latency above SLO',
      '#1038 Retry queue growing',
    ]);
    expect(links[0]).toHaveAttribute(
      'href',
      'https://acme.pagerduty.com/incidents/Q1HIGH',
    );
    expect(links[0]).toHaveAttribute('target', '_blank');
    expect(within(incidents).getByText('High urgency')).toBeInTheDocument();
    expect(within(incidents).getByText('40m ago')).toBeInTheDocument();
    expect(screen.getByText('Open incidents (2)')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'MTTA' })).toHaveTextContent(
      '4m 30s',
    );
    expect(screen.getByRole('group', { name: 'MTTR' })).toHaveTextContent(
      '1h 12m',
    );
    expect(
      screen.getByRole('group', { name: 'Pages per shift' }),
    ).toHaveTextContent('0.8');
    expect(
      screen.getByRole('group', { name: 'Total incidents' }),
    ).toHaveTextContent('125 high urgency');
    expect(screen.getByText('(last 90 days)')).toBeInTheDocument();
  });

  it('warns that nobody is on call during a schedule gap, and says when it ends', async () => {
    serveSummary('auth-service', authServiceInGapSummary());
    await renderWithBackend(
      <EntityOnCallCard now={GAP_NOW} />,
      componentEntity('auth-service'),
    );

    const levelOne = await screen.findByRole('listitem', { name: 'Level 1' });
    expect(within(levelOne).getByText('Nobody is on call')).toBeInTheDocument();
    expect(within(levelOne).getByText(/^The gap ends/)).toHaveTextContent(
      /The gap ends in 7h \(/,
    );
    expect(
      within(levelOne).getByRole('link', { name: 'Platform primary' }),
    ).toHaveAttribute('href', 'https://acme.pagerduty.com/schedules/PSPLT01');
    expect(within(levelOne).getByText(/^Next handoff:/)).toHaveTextContent(
      /Next handoff: Frank in 7h/,
    );
    expect(
      within(level(2)).getByRole('link', { name: 'Grace' }),
    ).toBeInTheDocument();
    expect(within(level(2)).getByText('Permanent on-call')).toBeInTheDocument();
    expect(
      within(level(2)).queryByText('Nobody is on call'),
    ).not.toBeInTheDocument();
  });

  it('shows a permanent on-call without an end and notes empty incident figures', async () => {
    serveSummary('service-mesh', serviceMeshSummary());
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('service-mesh'),
    );

    const levelOne = await screen.findByRole('listitem', { name: 'Level 1' });
    expect(
      within(levelOne).getByRole('link', { name: 'Frank' }),
    ).toBeInTheDocument();
    expect(within(levelOne).getByText('Permanent on-call')).toBeInTheDocument();
    expect(within(levelOne).queryByText(/^until/)).not.toBeInTheDocument();
    expect(
      within(levelOne).queryByText(/^Next handoff:/),
    ).not.toBeInTheDocument();
    expect(within(levelOne).getByText('last level')).toBeInTheDocument();
    expect(screen.getByText('No open incidents.')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'MTTA' })).toHaveTextContent('—');
  });

  it('explains how to link PagerDuty when the entity has no annotation', async () => {
    serveSummary(
      'fraud-detector',
      summaryInState('fraud-detector', { state: 'not-configured' }),
    );
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('fraud-detector'),
    );

    expect(
      await screen.findByText('No PagerDuty service linked'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/pagerduty\.com\/service-id: PX1ABCD/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /refresh/i }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /team-payments/ }),
    ).toBeInTheDocument();
  });

  it('names the malformed field, what is wrong and how to fix it', async () => {
    const problem = {
      entityRef: 'component:default/metrics-pipeline',
      field: 'metadata.annotations["pagerduty.com/service-id"]',
      message:
        '"https://acme.pagerduty.com/service-directory/PMETRIC" is a URL, not a service id; the id is "PMETRIC"',
      fix: 'Use the service id from the PagerDuty service URL, e.g. https://acme.pagerduty.com/service-directory/PX1ABCD → PX1ABCD.',
    };
    serveSummary(
      'metrics-pipeline',
      summaryInState('metrics-pipeline', { state: 'malformed', problem }),
    );
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('metrics-pipeline'),
    );

    expect(
      await screen.findByText(
        'metadata.annotations["pagerduty.com/service-id"]',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(problem.message)).toBeInTheDocument();
    expect(
      screen.getByText(/Use the service id from the PagerDuty service URL/),
    ).toBeInTheDocument();
    // The same problem is listed once, not again as "another" problem.
    expect(screen.getAllByText(problem.message)).toHaveLength(1);
    expect(
      screen.queryByRole('button', { name: /refresh/i }),
    ).not.toBeInTheDocument();
  });

  it('says which service id and account PagerDuty does not know', async () => {
    serveSummary(
      'build-runner',
      summaryInState('build-runner', {
        state: 'unknown-service',
        sourceId: 'pagerduty:default',
        serviceId: 'PNOSUCH',
      }),
    );
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('build-runner'),
    );

    const alert = (
      await screen.findByText('PagerDuty service not found')
    ).closest('[role="alert"]')!;
    expect(alert).toHaveTextContent(
      'PagerDuty account default has no service with id PNOSUCH',
    );
    expect(alert).toHaveTextContent(
      /Check the id in pagerduty\.com\/service-id/,
    );
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
  });

  it('says a service the sync has not reached is not synced yet, not unknown', async () => {
    serveSummary(
      'checkout-api',
      summaryInState('checkout-api', {
        state: 'awaiting-sync',
        sourceId: 'pagerduty:default',
        serviceId: 'PCHKOUT',
        notSyncedReason:
          'PagerDuty (default) lists more services than its API lets one sync read, and service PCHKOUT was not reached yet; later syncs look it up on its own.',
      }),
    );
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('checkout-api'),
    );

    expect(
      await screen.findByText('PagerDuty service not synced yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/service PCHKOUT was not reached yet/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('PagerDuty service not found'),
    ).not.toBeInTheDocument();
  });

  it('says it is waiting for the first sync, with the last attempt and error', async () => {
    serveSummary(
      'checkout-api',
      summaryInState(
        'checkout-api',
        {
          state: 'awaiting-sync',
          sourceId: 'pagerduty:default',
          serviceId: 'PCHKOUT',
        },
        {
          sources: [
            pagerDutySource({
              lastSuccessAt: null,
              lastAttemptAt: minutesFromNow(-1),
              lastError: 'connect ECONNREFUSED 127.0.0.1:4010',
              errorSince: minutesFromNow(-5),
              stale: true,
              ageSeconds: null,
            }),
          ],
        },
      ),
    );
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('checkout-api'),
    );

    expect(
      await screen.findByText('Waiting for the first PagerDuty sync'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Last attempt/)).toHaveTextContent(
      'Last attempt 1m ago: connect ECONNREFUSED 127.0.0.1:4010',
    );
    expect(screen.getByText('not synced yet')).toBeInTheDocument();
  });

  it('warns that PagerDuty data is stale and still shows the last-known on-call', async () => {
    const summary = checkoutApiSummary();
    summary.sources = [
      pagerDutySource({
        lastSuccessAt: minutesFromNow(-125),
        lastAttemptAt: minutesFromNow(-1),
        errorSince: '2025-03-04T12:00:00Z',
        lastError: 'PagerDuty answered 503 Service Unavailable',
        stale: true,
        ageSeconds: 7500,
      }),
    ];
    serveSummary('checkout-api', summary);
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('checkout-api'),
    );

    const warning = (
      await screen.findByText(/PagerDuty data is stale since/)
    ).closest('[role="alert"]')!;
    expect(warning).toHaveTextContent(/since .*\(2h ago\)/);
    expect(warning).toHaveTextContent(
      'last error: PagerDuty answered 503 Service Unavailable',
    );
    expect(warning).toHaveTextContent('showing last-known data.');
    expect(
      within(warning as HTMLElement)
        .getByText(/2h ago/)
        .closest('time'),
    ).toHaveAttribute('dateTime', '2025-03-04T12:00:00Z');
    expect(
      within(level(1)).getByRole('link', { name: 'Carol' }),
    ).toBeInTheDocument();
    expect(screen.getByText('as of 2h 5m ago')).toBeInTheDocument();
  });

  it('shows progress while the summary loads', async () => {
    server.use(
      http.get(
        `${BASE_URL}/entities/component/default/checkout-api/summary`,
        () => new Promise<never>(() => {}),
      ),
    );
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('checkout-api'),
    );

    expect(
      await screen.findByRole('progressbar', { name: 'Loading on-call' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'On call' })).toBeInTheDocument();
  });

  it('shows the backend error and loads again on Retry', async () => {
    let calls = 0;
    server.use(
      http.get(
        `${BASE_URL}/entities/component/default/checkout-api/summary`,
        () => {
          calls += 1;
          return calls === 1
            ? backstageError(
                500,
                'DatabaseError',
                'SQLITE_BUSY: database is locked',
              )
            : HttpResponse.json(checkoutApiSummary());
        },
      ),
    );
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('checkout-api'),
    );

    expect(
      await screen.findByText('Could not load reliability data'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('DatabaseError: SQLITE_BUSY: database is locked'),
    ).toBeInTheDocument();
    expect(screen.getByText(/HTTP 500/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('listitem', { name: 'Level 1' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Could not load reliability data'),
    ).not.toBeInTheDocument();
  });

  it('says when the backend does not know the entity', async () => {
    server.use(
      http.get(`${BASE_URL}/entities/component/default/brand-new/summary`, () =>
        backstageError(
          404,
          'NotFoundError',
          'No entity component:default/brand-new',
        ),
      ),
    );
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('brand-new'),
    );

    expect(await screen.findByText('Entity not found')).toBeInTheDocument();
    expect(screen.getByText('component:default/brand-new')).toBeInTheDocument();
  });

  describe('Refresh', () => {
    function serveRefresh(respond: () => Response) {
      const calls: string[] = [];
      server.use(
        http.post(
          `${BASE_URL}/entities/component/default/checkout-api/refresh`,
          ({ request }) => {
            calls.push(request.method);
            return respond();
          },
        ),
      );
      return calls;
    }

    it('replaces the data with the refreshed summary', async () => {
      serveSummary('checkout-api', checkoutApiSummary());
      const refreshed = checkoutApiSummary();
      refreshed.sources = [
        pagerDutySource({ lastSuccessAt: NOW.toISOString() }),
      ];
      refreshed.onCall.escalationPolicy!.levels[0].onCallNow[0].person = {
        ...refreshed.onCall.escalationPolicy!.levels[0].onCallNow[0].person,
        id: 'PUERIN1',
        name: 'Erin',
        htmlUrl: 'https://acme.pagerduty.com/users/PUERIN1',
      };
      const calls = serveRefresh(() =>
        HttpResponse.json({
          refreshedAt: NOW.toISOString(),
          summary: refreshed,
        }),
      );
      await renderWithBackend(
        <EntityOnCallCard now={NOW} />,
        componentEntity('checkout-api'),
      );

      await screen.findByRole('link', { name: 'Carol' });
      await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

      expect(
        await within(level(1)).findByRole('link', { name: 'Erin' }),
      ).toBeInTheDocument();
      expect(screen.getByText('as of just now')).toBeInTheDocument();
      expect(calls).toEqual(['POST']);
    });

    it('says clearly when refreshing is not allowed, and keeps the data', async () => {
      serveSummary('checkout-api', checkoutApiSummary());
      serveRefresh(() =>
        backstageError(403, 'NotAllowedError', 'Access denied'),
      );
      await renderWithBackend(
        <EntityOnCallCard now={NOW} />,
        componentEntity('checkout-api'),
      );

      await screen.findByRole('link', { name: 'Carol' });
      await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

      const alert = (await screen.findByText('Permission denied')).closest(
        '[role="alert"]',
      )!;
      expect(alert).toHaveTextContent(
        'You are not allowed to refresh this entity',
      );
      expect(alert).toHaveTextContent('reliability.entity.refresh');
      expect(screen.getByRole('link', { name: 'Carol' })).toBeInTheDocument();

      await userEvent.click(
        within(alert as HTMLElement).getByRole('button', { name: 'Close' }),
      );
      await waitFor(() =>
        expect(screen.queryByText('Permission denied')).not.toBeInTheDocument(),
      );
    });

    it('says how long to wait when refreshing is rate limited', async () => {
      serveSummary('checkout-api', checkoutApiSummary());
      serveRefresh(() =>
        backstageError(
          429,
          'TooManyRequestsError',
          'Refresh rate limit exceeded',
          {
            'Retry-After': '42',
          },
        ),
      );
      await renderWithBackend(
        <EntityOnCallCard now={NOW} />,
        componentEntity('checkout-api'),
      );

      await screen.findByRole('link', { name: 'Carol' });
      await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

      const alert = (await screen.findByText('Rate limited')).closest(
        '[role="alert"]',
      )!;
      expect(alert).toHaveTextContent('Try again in 42s.');
      expect(screen.getByRole('link', { name: 'Carol' })).toBeInTheDocument();
    });
  });

  it('warns when the owner does not exist in the catalog', async () => {
    const summary = checkoutApiSummary();
    summary.owner = { entityRef: 'group:default/team-ghosts', exists: false };
    serveSummary('checkout-api', summary);
    await renderWithBackend(
      <EntityOnCallCard now={NOW} />,
      componentEntity('checkout-api'),
    );

    expect(
      await screen.findByText(/does not exist in the catalog/),
    ).toHaveTextContent(
      'The owner group:default/team-ghosts does not exist in the catalog',
    );
    expect(
      screen.queryByRole('link', { name: /team-ghosts/ }),
    ).not.toBeInTheDocument();
  });
});
