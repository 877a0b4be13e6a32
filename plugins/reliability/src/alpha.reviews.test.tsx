import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { reliabilityApiRef } from './api';
import reliabilityPluginAlpha, {
  reliabilityReadinessReviewEntityContent,
  reliabilityReadinessReviewsPage,
} from './alpha';
// Load the lazily imported modules up front so the tests do not spend their
// time budget compiling them; the lazy path itself still runs.
import './components/EntityReadinessReviewContent';
import './components/ReadinessReviewsContent';
import { fakeReliabilityApi } from './__testUtils__/fakeReliabilityApi';
import { groupEntity } from './__testUtils__/groupOnCallFixtures';
import {
  entityReviews,
  reviewList,
  reviewResponse,
} from './__testUtils__/reviewFixtures';
import { componentEntity } from './__testUtils__/summaryFixtures';

const routes = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

describe('readiness reviews for the new frontend system', () => {
  it('adds the review tab and the board page under stable ids', () => {
    expect(
      reliabilityPluginAlpha.getExtension(
        'entity-content:reliability/readiness-review',
      ),
    ).toMatchObject({ kind: 'entity-content', namespace: 'reliability' });
    expect(
      reliabilityPluginAlpha.getExtension('page:reliability/reviews'),
    ).toMatchObject({ kind: 'page', namespace: 'reliability' });
    expect(reliabilityPluginAlpha.routes.readinessReviews).toBeDefined();
  });

  it('mounts the "Readiness review" tab on component pages', async () => {
    const api = fakeReliabilityApi({
      getEntityReviews: jest.fn().mockResolvedValue(entityReviews()),
      getReview: jest.fn().mockResolvedValue(reviewResponse()),
    });
    const tester = createExtensionTester(
      reliabilityReadinessReviewEntityContent,
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Readiness review',
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('readiness-review');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(componentEntity('checkout-api'))).toBe(true);
    expect(filter(groupEntity('team-payments'))).toBe(false);

    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={componentEntity('checkout-api')}>
          {tester.reactElement()}
        </EntityProvider>
      </TestApiProvider>,
      routes,
    );

    expect(
      await screen.findByRole('region', {
        name: 'GA production readiness: ga',
      }),
    ).toBeInTheDocument();
    expect(api.getEntityReviews).toHaveBeenCalledWith(
      'component:default/checkout-api',
      expect.anything(),
    );
  });

  it('serves the board at /reliability/reviews, titled and with an icon for the nav', async () => {
    const api = fakeReliabilityApi({
      listReviews: jest.fn().mockResolvedValue(reviewList()),
      getReviewTemplates: jest.fn().mockResolvedValue({ templates: [] }),
    });
    const tester = createExtensionTester(reliabilityReadinessReviewsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/reliability/reviews',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Readiness reviews');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();

    await renderInTestApp(
      <TestApiProvider
        apis={[
          [reliabilityApiRef, api],
          [catalogApiRef, catalogApiMock()],
        ]}
      >
        {tester.reactElement()}
      </TestApiProvider>,
      routes,
    );

    expect(
      await screen.findByRole('row', { name: 'Search API' }),
    ).toBeInTheDocument();
  });
});
