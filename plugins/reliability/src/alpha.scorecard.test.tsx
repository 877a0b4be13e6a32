import { screen, waitFor } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { reliabilityApiRef } from './api';
import reliabilityPluginAlpha, {
  reliabilityGroupScorecardsEntityContent,
  reliabilityScorecardEntityCard,
  reliabilityScorecardOverviewPage,
} from './alpha';
// Load the lazily imported modules up front so the tests do not spend their
// time budget compiling them; the lazy path itself still runs.
import './components/EntityScorecardCard';
import './components/EntityGroupScorecardCard';
import './components/ScorecardOverviewContent';
import { fakeReliabilityApi } from './__testUtils__/fakeReliabilityApi';
import { groupEntity } from './__testUtils__/groupOnCallFixtures';
import { mockResizeObserver } from './__testUtils__/mockResizeObserver';
import {
  checkoutApiScorecard,
  fleetOverview,
  paymentsTeamScorecards,
  scorecardInState,
} from './__testUtils__/scorecardFixtures';
import { componentEntity } from './__testUtils__/summaryFixtures';

// The lazily loaded pages render whole tables; on a loaded 2-core CI
// machine that takes longer than jest's default 5 seconds.
jest.setTimeout(30_000);

const routes = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

describe('scorecards for the new frontend system', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('adds the scorecard card, group tab and overview page under stable ids', () => {
    const expected = {
      'entity-card:reliability/scorecard': { kind: 'entity-card' },
      'entity-content:reliability/group-scorecards': {
        kind: 'entity-content',
      },
      'page:reliability/scorecards': { kind: 'page' },
    } as const;
    for (const [id, shape] of Object.entries(expected)) {
      expect(
        reliabilityPluginAlpha.getExtension(id as keyof typeof expected),
      ).toMatchObject({ ...shape, namespace: 'reliability' });
    }
    expect(reliabilityPluginAlpha.routes.scorecardOverview).toBeDefined();
  });

  it('shows the scorecard card on components, not on groups', async () => {
    const api = fakeReliabilityApi({
      getEntityScorecard: jest.fn().mockResolvedValue(checkoutApiScorecard()),
    });
    const tester = createExtensionTester(reliabilityScorecardEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
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

    expect(await screen.findByLabelText('Level: Bronze')).toBeInTheDocument();
    expect(api.getEntityScorecard).toHaveBeenCalledWith(
      'component:default/checkout-api',
      expect.anything(),
    );
  });

  it('hides the scorecard card on an entity out of scope', async () => {
    const api = fakeReliabilityApi({
      getEntityScorecard: jest
        .fn()
        .mockResolvedValue(scorecardInState('not-in-scope')),
    });
    const tester = createExtensionTester(reliabilityScorecardEntityCard);
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={componentEntity('checkout-api')}>
          {tester.reactElement()}
        </EntityProvider>
      </TestApiProvider>,
      routes,
    );

    await waitFor(() => expect(api.getEntityScorecard).toHaveBeenCalled());
    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: 'Readiness scorecard' }),
      ).not.toBeInTheDocument(),
    );
    expect(screen.queryByText(/do not cover this entity/)).toBeNull();
  });

  it('mounts team scorecards as a "Scorecards" tab on group pages', async () => {
    const api = fakeReliabilityApi({
      getGroupScorecards: jest.fn().mockResolvedValue(paymentsTeamScorecards()),
    });
    const tester = createExtensionTester(
      reliabilityGroupScorecardsEntityContent,
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Scorecards',
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('scorecards');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(groupEntity('team-payments'))).toBe(true);
    expect(filter(componentEntity('checkout-api'))).toBe(false);

    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={groupEntity('team-payments')}>
          {tester.reactElement()}
        </EntityProvider>
      </TestApiProvider>,
      routes,
    );

    expect(
      await screen.findByRole('row', { name: 'Checkout API' }),
    ).toBeInTheDocument();
  });

  it('serves the overview page at /reliability/scorecards, titled and with an icon for the nav', async () => {
    const api = fakeReliabilityApi({
      getScorecardOverview: jest.fn().mockResolvedValue(fleetOverview()),
    });
    const tester = createExtensionTester(reliabilityScorecardOverviewPage);
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/reliability/scorecards',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Scorecards');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();

    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        {tester.reactElement()}
      </TestApiProvider>,
      routes,
    );

    expect(
      await screen.findByRole(
        'table',
        { name: 'Teams ranked by average score' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });
});
