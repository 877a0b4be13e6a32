import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { reliabilityApiRef } from './api';
import {
  EntityReadinessReviewContent,
  ReadinessReviewsPage,
  reliabilityPlugin,
} from './plugin';
import { readinessReviewsRouteRef } from './routes';
// Load the lazily imported modules up front so the tests do not spend their
// time budget compiling them; the lazy path itself still runs.
import './components/EntityReadinessReviewContent';
import './components/ReadinessReviewsPage';
import { fakeReliabilityApi } from './__testUtils__/fakeReliabilityApi';
import {
  entityReviews,
  reviewList,
  reviewResponse,
} from './__testUtils__/reviewFixtures';
import { NOW, componentEntity } from './__testUtils__/summaryFixtures';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('readiness reviews (legacy frontend system)', () => {
  it('routes the board under the plugin', () => {
    expect(reliabilityPlugin.routes.readinessReviews).toBe(
      readinessReviewsRouteRef,
    );
  });

  it('renders the lazily loaded review tab on an entity page', async () => {
    const api = fakeReliabilityApi({
      getEntityReviews: jest.fn().mockResolvedValue(entityReviews()),
      getReview: jest.fn().mockResolvedValue(reviewResponse()),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={componentEntity('checkout-api')}>
          <EntityReadinessReviewContent now={NOW} />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );

    expect(
      await screen.findByRole('region', {
        name: 'GA production readiness: ga',
      }),
    ).toBeInTheDocument();
  });

  it('renders the lazily loaded board page with its header', async () => {
    const api = fakeReliabilityApi({
      listReviews: jest.fn().mockResolvedValue(reviewList()),
      getReviewTemplates: jest.fn().mockResolvedValue({ templates: [] }),
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [reliabilityApiRef, api],
          [catalogApiRef, catalogApiMock()],
        ]}
      >
        {/* A routable extension must be mounted at a path, as in an app. */}
        <Routes>
          <Route path="/*" element={<ReadinessReviewsPage now={NOW} />} />
        </Routes>
      </TestApiProvider>,
      { mountedRoutes },
    );

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Readiness reviews',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('row', { name: 'Checkout API' }),
    ).toBeInTheDocument();
  });
});
