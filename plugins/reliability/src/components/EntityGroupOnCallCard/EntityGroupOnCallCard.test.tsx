import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { GroupOnCallResponse } from '@preflight/plugin-reliability-common';
import {
  BASE_URL,
  renderWithBackend,
} from '../../__testUtils__/renderWithBackend';
import {
  entityInState,
  groupEntity,
  malformedProblem,
  paymentsService,
  paymentsTeamOnCall,
} from '../../__testUtils__/groupOnCallFixtures';
import {
  frank,
  minutesFromNow,
  NOW,
  pagerDutySource,
} from '../../__testUtils__/summaryFixtures';
import { EntityGroupOnCallCard } from './EntityGroupOnCallCard';

const server = setupServer();
registerMswTestHooks(server);

function serveGroup(name: string, response: GroupOnCallResponse) {
  const requests: string[] = [];
  server.use(
    http.get(`${BASE_URL}/groups/default/${name}/on-call`, ({ request }) => {
      requests.push(request.url);
      return HttpResponse.json(response);
    }),
  );
  return requests;
}

async function renderCard(name = 'team-payments') {
  return renderWithBackend(
    <EntityGroupOnCallCard now={NOW} />,
    groupEntity(name),
  );
}

function row(name: string) {
  return screen.getByRole('row', { name });
}

function serviceOrder(): string[] {
  const table = screen.getByRole('table', { name: 'On call per service' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(r => r.getAttribute('aria-label') ?? '');
}

describe('EntityGroupOnCallCard', () => {
  it('lists every service of the team with who is on call, until when and who is next', async () => {
    const requests = serveGroup('team-payments', paymentsTeamOnCall());
    await renderCard();

    const checkout = await screen.findByRole('row', { name: 'Checkout API' });
    expect(
      within(checkout).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(
      within(checkout).getByRole('link', { name: 'Carol' }),
    ).toHaveAttribute('href', 'https://acme.pagerduty.com/users/PUCAROL');
    expect(within(checkout).getByText('C')).toBeInTheDocument(); // initials
    expect(
      within(checkout).getByRole('link', { name: 'carol@example.com' }),
    ).toHaveAttribute('href', 'mailto:carol@example.com');
    expect(
      within(checkout).getByRole('link', { name: '+1 555 0103' }),
    ).toHaveAttribute('href', 'tel:+15550103');
    // carol's override ends at 18:00, four hours from now; alice takes over then.
    expect(within(checkout).getByText(/^until/)).toHaveTextContent(
      /until .+ \(in 4h\)/,
    );
    expect(within(checkout).getByText(/in 4h/).closest('time')).toHaveAttribute(
      'dateTime',
      '2025-03-04T18:00:00Z',
    );
    expect(within(checkout).getByText(/^then/)).toHaveTextContent('then Alice');
    expect(
      within(checkout).getByLabelText('1 open high-urgency incident'),
    ).toHaveTextContent('1');

    expect(
      within(row('ledger-service')).getByLabelText(
        '0 open high-urgency incidents',
      ),
    ).toBeInTheDocument();
    expect(
      within(row('payments-gateway')).getByLabelText('no incident figures'),
    ).toBeInTheDocument();

    expect(screen.getByText('as of 3m ago')).toBeInTheDocument();
    expect(
      screen.getByText('8 entities owned by this team and 1 sub-team'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/data is stale/)).not.toBeInTheDocument();
    expect(requests).toEqual([
      `${BASE_URL}/groups/default/team-payments/on-call`,
    ]);
  });

  it('puts problems first: nobody on call, open incidents, broken metadata, not configured', async () => {
    serveGroup('team-payments', paymentsTeamOnCall());
    await renderCard();
    await screen.findByRole('row', { name: 'Checkout API' });

    expect(serviceOrder()).toEqual([
      'fraud-rules',
      'Checkout API',
      'build-runner',
      'metrics-pipeline',
      'fraud-detector',
      'ledger-service',
      'payments-gateway',
      // A system without on-call is normal, not a problem.
      'Commerce',
    ]);
    expect(row('Commerce')).toHaveTextContent(/^Commercesystem/);
    expect(within(row('Commerce')).getByText('Not configured')).toBeVisible();
    expect(row('Checkout API')).not.toHaveTextContent(/component/i);
  });

  it('warns about a level nobody holds, says until when, and who comes next', async () => {
    serveGroup('team-payments', paymentsTeamOnCall());
    await renderCard();

    const fraudRules = await screen.findByRole('row', { name: 'fraud-rules' });
    const chip = within(fraudRules).getByText('Nobody on call at level 1');
    expect(within(fraudRules).queryByRole('link', { name: /@/ })).toBeNull();
    expect(fraudRules).toHaveTextContent(/next: Frank in 4h \(/);
    // Owned by a sub-team, which is named and linked.
    expect(
      within(fraudRules).getByRole('link', { name: /team-fraud/ }),
    ).toHaveAttribute('href', '/catalog/default/group/team-fraud');

    await userEvent.hover(chip);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      /Nobody holds level 1 until .+ \(in 4h\); pages escalate unanswered\./,
    );
  });

  it('shows a state chip for not configured, unknown and malformed entities, explained in a tooltip', async () => {
    serveGroup('team-payments', paymentsTeamOnCall());
    await renderCard();
    await screen.findByRole('row', { name: 'Checkout API' });

    const malformed = within(row('metrics-pipeline')).getByText(
      'Malformed annotation',
    );
    await userEvent.hover(malformed);
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent(malformedProblem.message);
    expect(tooltip).toHaveTextContent(
      'How to fix: Use the service id from the PagerDuty service URL',
    );
    await userEvent.unhover(malformed);

    const unknown = within(row('build-runner')).getByText('Unknown service');
    await userEvent.hover(unknown);
    expect(
      await screen.findByText(/has no service "PNOSUCH"/),
    ).toBeInTheDocument();
    await userEvent.unhover(unknown);

    const notConfigured = within(row('fraud-detector')).getByText(
      'Not configured',
    );
    // Keyboard users can reach the chip (jsdom has no :focus-visible, so the
    // tooltip opening on keyboard focus is left to the browser).
    const chip = notConfigured.closest('[tabindex]')!;
    for (let i = 0; i < 50 && document.activeElement !== chip; i += 1) {
      await userEvent.tab();
    }
    expect(chip).toHaveFocus();
    await userEvent.hover(notConfigured);
    expect(
      await screen.findByText(/No pagerduty\.com\/service-id annotation/),
    ).toBeInTheDocument();
    expect(row('fraud-detector')).not.toHaveTextContent('until');
  });

  it('says when a service is held permanently and when data is still awaited', async () => {
    const response = paymentsTeamOnCall();
    response.entities = [
      paymentsService('service-mesh', 'PMESH01', {
        onCallNow: [{ person: frank, start: null, end: null }],
        nextHandoff: null,
      }),
      entityInState('search-api', 'awaiting-sync', {
        sourceId: 'pagerduty:default',
        serviceId: 'PSEARCH',
      }),
    ];
    serveGroup('team-payments', response);
    await renderCard();

    const mesh = await screen.findByRole('row', { name: 'service-mesh' });
    expect(within(mesh).getByText('Permanent on-call')).toBeInTheDocument();
    expect(mesh).not.toHaveTextContent(/until|next/);
    expect(
      within(row('search-api')).getByText('Awaiting sync'),
    ).toBeInTheDocument();
  });

  it('says the team owns no components', async () => {
    serveGroup('team-new', {
      groupRef: 'group:default/team-new',
      groupRefs: ['group:default/team-new'],
      entities: [],
      sources: [],
      truncated: false,
      generatedAt: NOW.toISOString(),
    });
    await renderCard('team-new');

    expect(
      await screen.findByText(/This team owns no components\./),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText(/as of/)).not.toBeInTheDocument();
  });

  it('warns that PagerDuty data is stale and still shows the last-known on-call', async () => {
    const response = paymentsTeamOnCall();
    response.sources = [
      pagerDutySource({
        lastSuccessAt: minutesFromNow(-125),
        lastAttemptAt: minutesFromNow(-1),
        errorSince: '2025-03-04T12:00:00Z',
        lastError: 'PagerDuty answered 503 Service Unavailable',
        stale: true,
        ageSeconds: 7500,
      }),
    ];
    serveGroup('team-payments', response);
    await renderCard();

    const warning = (
      await screen.findByText(/PagerDuty data is stale since/)
    ).closest('[role="alert"]')!;
    expect(warning).toHaveTextContent(
      'last error: PagerDuty answered 503 Service Unavailable',
    );
    expect(warning).toHaveTextContent('showing last-known data.');
    expect(
      within(row('Checkout API')).getByRole('link', { name: 'Carol' }),
    ).toBeInTheDocument();
    expect(screen.getByText('as of 2h 5m ago')).toBeInTheDocument();
  });

  it('says when the list is incomplete', async () => {
    serveGroup('team-payments', { ...paymentsTeamOnCall(), truncated: true });
    await renderCard();
    expect(
      await screen.findByText(
        'Showing the first 8 entities; this team and its sub-teams own more.',
      ),
    ).toBeInTheDocument();
  });

  it('shows progress while the overview loads', async () => {
    server.use(
      http.get(
        `${BASE_URL}/groups/default/team-payments/on-call`,
        () => new Promise<never>(() => {}),
      ),
    );
    await renderCard();
    expect(
      await screen.findByRole('progressbar', { name: 'Loading team on-call' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Team on-call' }),
    ).toBeInTheDocument();
  });

  it('shows the backend error and loads again on Retry', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE_URL}/groups/default/team-payments/on-call`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(
              {
                error: {
                  name: 'DatabaseError',
                  message: 'SQLITE_BUSY: database is locked',
                },
                request: { method: 'GET', url: '/' },
                response: { statusCode: 500 },
              },
              { status: 500 },
            )
          : HttpResponse.json(paymentsTeamOnCall());
      }),
    );
    await renderCard();

    expect(
      await screen.findByText('Could not load reliability data'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('DatabaseError: SQLITE_BUSY: database is locked'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('row', { name: 'Checkout API' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Could not load reliability data'),
    ).not.toBeInTheDocument();
  });

  it('says when the backend does not know the group', async () => {
    server.use(
      http.get(`${BASE_URL}/groups/default/team-ghosts/on-call`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'No group group:default/team-ghosts in the catalog',
            },
            request: { method: 'GET', url: '/' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await renderCard('team-ghosts');
    expect(await screen.findByText('Entity not found')).toBeInTheDocument();
    expect(screen.getByText('group:default/team-ghosts')).toBeInTheDocument();
  });
});
