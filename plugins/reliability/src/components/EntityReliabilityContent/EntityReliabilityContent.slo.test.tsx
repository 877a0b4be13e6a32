import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  BASE_URL,
  renderWithBackend,
} from '../../__testUtils__/renderWithBackend';
import { mockResizeObserver } from '../../__testUtils__/mockResizeObserver';
import {
  gateResponse,
  sloEntity,
  slosResponse,
} from '../../__testUtils__/sloFixtures';
import {
  NOW,
  checkoutApiSummary,
  componentEntity,
} from '../../__testUtils__/summaryFixtures';
import { EntityReliabilityContent } from './EntityReliabilityContent';

const server = setupServer();
registerMswTestHooks(server);

const ENTITY_URL = `${BASE_URL}/entities/component/default/checkout-api`;

describe('EntityReliabilityContent with SLOs', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('adds the SLO card below the other cards for an entity that declares SLOs', async () => {
    server.use(
      http.get(`${ENTITY_URL}/summary`, () =>
        HttpResponse.json(checkoutApiSummary()),
      ),
      http.get(`${ENTITY_URL}/slos`, () => HttpResponse.json(slosResponse())),
      http.get(`${ENTITY_URL}/deploy-gate`, () =>
        HttpResponse.json(gateResponse()),
      ),
    );
    await renderWithBackend(
      <EntityReliabilityContent now={NOW} />,
      sloEntity('checkout-api'),
    );

    const slos = await screen.findByRole('region', { name: 'SLOs' });
    expect(
      await within(slos).findByRole('article', {
        name: 'Checkout API availability',
      }),
    ).toBeInTheDocument();
    const regions = screen
      .getAllByRole('region')
      .map(region => region.getAttribute('aria-label'));
    expect(regions.indexOf('SLOs')).toBeGreaterThan(
      regions.indexOf('Incidents'),
    );
  });

  it('leaves the tab unchanged for an entity without SLOs and never asks for them', async () => {
    // msw fails the test on any request without a handler, /slos included.
    server.use(
      http.get(`${ENTITY_URL}/summary`, () =>
        HttpResponse.json(checkoutApiSummary()),
      ),
    );
    await renderWithBackend(
      <EntityReliabilityContent now={NOW} />,
      componentEntity('checkout-api'),
    );

    expect(
      await screen.findByRole('region', { name: 'On call' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'SLOs' }),
    ).not.toBeInTheDocument();
  });
});
