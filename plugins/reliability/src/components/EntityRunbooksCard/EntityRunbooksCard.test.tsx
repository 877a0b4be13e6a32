import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  BASE_URL,
  renderWithBackend,
} from '../../__testUtils__/renderWithBackend';
import {
  checkoutApiSummary,
  componentEntity,
  summaryInState,
} from '../../__testUtils__/summaryFixtures';
import { EntityRunbooksCard } from './EntityRunbooksCard';

const server = setupServer();
registerMswTestHooks(server);

describe('EntityRunbooksCard', () => {
  it('lists runbooks by title with their host, opening in a new tab', async () => {
    const summary = checkoutApiSummary();
    summary.runbooks.push({
      title: 'High error rate',
      url: 'https://wiki.example.com/runbooks/checkout-errors',
      origin: 'alert-rule',
      alert: 'CheckoutHighErrorRate',
    });
    server.use(
      http.get(
        `${BASE_URL}/entities/component/default/checkout-api/summary`,
        () => HttpResponse.json(summary),
      ),
    );
    await renderWithBackend(
      <EntityRunbooksCard />,
      componentEntity('checkout-api'),
    );

    const list = await screen.findByRole('list', { name: 'Runbooks' });
    const link = within(list).getByRole('link', {
      name: 'Checkout API runbook',
    });
    expect(link).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/checkout-api',
    );
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(
      within(list).getByRole('link', { name: 'Payments incident playbook' }),
    ).toHaveAttribute('href', 'https://docs.example.org/playbooks/payments');
    expect(within(list).getByText('docs.example.org')).toBeInTheDocument();
    expect(
      within(list).getByText(
        'wiki.example.com · for alert CheckoutHighErrorRate',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('No runbooks yet')).not.toBeInTheDocument();
  });

  it('shows how to add a runbook when there is none, and the links it could not use', async () => {
    server.use(
      http.get(
        `${BASE_URL}/entities/component/default/search-indexer/summary`,
        () =>
          HttpResponse.json(
            summaryInState(
              'search-indexer',
              {
                state: 'ok',
                sourceId: 'pagerduty:default',
                serviceId: 'PINDEXR',
              },
              {
                problems: [
                  {
                    entityRef: 'component:default/search-indexer',
                    field: 'metadata.links[1].url',
                    message:
                      'runbook link "wiki/indexer" is not an http(s) URL',
                    fix: 'Use an absolute https:// URL for the runbook.',
                  },
                ],
              },
            ),
          ),
      ),
    );
    await renderWithBackend(
      <EntityRunbooksCard />,
      componentEntity('search-indexer'),
    );

    expect(await screen.findByText('No runbooks yet')).toBeInTheDocument();
    expect(screen.getByText(/type: runbook/)).toBeInTheDocument();
    expect(
      screen.getByText(/- url: https:\/\/wiki\.example\.com\/my-service/),
    ).toBeInTheDocument();
    expect(screen.getByText('metadata.links[1].url')).toBeInTheDocument();
    expect(
      screen.getByText('runbook link "wiki/indexer" is not an http(s) URL'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Use an absolute https:\/\/ URL for the runbook/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Runbooks' }),
    ).not.toBeInTheDocument();
  });

  it('shows the backend error instead of an empty list', async () => {
    server.use(
      http.get(
        `${BASE_URL}/entities/component/default/checkout-api/summary`,
        () =>
          HttpResponse.json(
            {
              error: { name: 'Error', message: 'backend on fire' },
              response: { statusCode: 503 },
            },
            { status: 503 },
          ),
      ),
    );
    await renderWithBackend(
      <EntityRunbooksCard />,
      componentEntity('checkout-api'),
    );

    expect(
      await screen.findByText('Could not load reliability data'),
    ).toBeInTheDocument();
    expect(screen.getByText('backend on fire')).toBeInTheDocument();
    expect(screen.queryByText('No runbooks yet')).not.toBeInTheDocument();
  });
});
