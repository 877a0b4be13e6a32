import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  BASE_URL,
  renderWithBackend,
} from '../../__testUtils__/renderWithBackend';
import {
  NOW,
  checkoutApiSummary,
  componentEntity,
} from '../../__testUtils__/summaryFixtures';
import { EntityReliabilityContent } from './EntityReliabilityContent';

const server = setupServer();
registerMswTestHooks(server);

describe('EntityReliabilityContent', () => {
  it('shows on-call, runbooks and incidents from one summary request, and extra cards below', async () => {
    let requests = 0;
    server.use(
      http.get(
        `${BASE_URL}/entities/component/default/checkout-api/summary`,
        () => {
          requests += 1;
          return HttpResponse.json(checkoutApiSummary());
        },
      ),
    );
    await renderWithBackend(
      <EntityReliabilityContent now={NOW}>
        <div>SLO card goes here</div>
      </EntityReliabilityContent>,
      componentEntity('checkout-api'),
    );

    const onCall = await screen.findByRole('region', { name: 'On call' });
    expect(
      await within(onCall).findByRole('link', { name: 'Carol' }),
    ).toBeInTheDocument();
    // Incidents live on their own card here, not twice.
    expect(within(onCall).queryByText('MTTA')).not.toBeInTheDocument();

    const incidents = screen.getByRole('region', { name: 'Incidents' });
    expect(
      within(incidents).getByRole('group', { name: 'MTTR' }),
    ).toHaveTextContent('1h 12m');
    expect(
      within(incidents).getByRole('link', {
        name: '#1042 Checkout latency above SLO',
      }),
    ).toBeInTheDocument();

    const runbooks = screen.getByRole('region', { name: 'Runbooks' });
    expect(
      within(runbooks).getByRole('link', { name: 'Checkout API runbook' }),
    ).toBeInTheDocument();

    expect(screen.getByText('SLO card goes here')).toBeInTheDocument();
    expect(requests).toBe(1);
  });
});
