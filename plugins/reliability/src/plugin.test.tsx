import { screen, within } from '@testing-library/react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { reliabilityApiRef } from './api';
import {
  EntityGroupOnCallCard,
  EntityOnCallCard,
  EntityRunbooksCard,
  reliabilityPlugin,
} from './plugin';
// Load the lazily imported modules up front, so the first test does not
// spend its time budget compiling them; the lazy path itself still runs.
import './components/EntityOnCallCard';
import './components/EntityRunbooksCard';
import './components/EntityReliabilityContent';
import './components/EntityGroupOnCallCard';
import {
  groupEntity,
  paymentsTeamOnCall,
} from './__testUtils__/groupOnCallFixtures';
import {
  NOW,
  checkoutApiSummary,
  componentEntity,
} from './__testUtils__/summaryFixtures';
import { fakeReliabilityApi } from './__testUtils__/fakeReliabilityApi';

describe('reliabilityPlugin (legacy frontend system)', () => {
  it('is the reliability plugin and provides the reliability API', () => {
    expect(reliabilityPlugin.getId()).toBe('reliability');
    const factories = [...reliabilityPlugin.getApis()];
    expect(factories.map(factory => factory.api.id)).toEqual([
      reliabilityApiRef.id,
    ]);
  });

  it('renders the lazily loaded cards on an entity page with one request, passing props through', async () => {
    const api = fakeReliabilityApi({
      getEntitySummary: async () => checkoutApiSummary(),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={componentEntity('checkout-api')}>
          <EntityOnCallCard title="Who to call" now={NOW} />
          <EntityRunbooksCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const card = await screen.findByRole('region', { name: 'Who to call' });
    expect(
      await within(card).findByRole('link', { name: 'Carol' }),
    ).toBeInTheDocument();
    expect(within(card).getByText('as of 3m ago')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Checkout API runbook' }),
    ).toBeInTheDocument();
    // Two cards on one page share one request.
    expect(api.getEntitySummary).toHaveBeenCalledTimes(1);
  });

  it('renders the lazily loaded team on-call card on a group page', async () => {
    const api = fakeReliabilityApi({
      getGroupOnCall: async () => paymentsTeamOnCall(),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={groupEntity('team-payments')}>
          <EntityGroupOnCallCard title="Payments on call" now={NOW} />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const card = await screen.findByRole('region', {
      name: 'Payments on call',
    });
    const checkout = await within(card).findByRole('row', {
      name: 'Checkout API',
    });
    expect(within(checkout).getByText('Carol')).toBeInTheDocument();
    expect(api.getGroupOnCall).toHaveBeenCalledWith(
      'group:default/team-payments',
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
    expect(api.getEntitySummary).not.toHaveBeenCalled();
  });
});
