import { screen, within } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { reliabilityApiRef } from './api';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import reliabilityPluginAlpha, {
  reliabilityApi,
  reliabilityEntityContent,
  reliabilityGroupOnCallEntityCard,
  reliabilityOnCallEntityCard,
  reliabilityRunbooksEntityCard,
} from './alpha';
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
  checkoutApiSummary,
  componentEntity,
} from './__testUtils__/summaryFixtures';
import { fakeReliabilityApi } from './__testUtils__/fakeReliabilityApi';

function fakeApi() {
  return fakeReliabilityApi({
    getEntitySummary: async () => checkoutApiSummary(),
    getGroupOnCall: async () => paymentsTeamOnCall(),
  });
}

describe('reliability plugin for the new frontend system', () => {
  it('is the reliability plugin with its api, cards and tab under stable ids', () => {
    expect(reliabilityPluginAlpha.pluginId).toBe('reliability');
    const expected = {
      'api:reliability': { kind: 'api', name: undefined },
      'entity-card:reliability/on-call': {
        kind: 'entity-card',
        name: 'on-call',
      },
      'entity-card:reliability/runbooks': {
        kind: 'entity-card',
        name: 'runbooks',
      },
      'entity-card:reliability/group-on-call': {
        kind: 'entity-card',
        name: 'group-on-call',
      },
      'entity-content:reliability': { kind: 'entity-content', name: undefined },
    } as const;
    for (const [id, shape] of Object.entries(expected)) {
      expect(
        reliabilityPluginAlpha.getExtension(id as keyof typeof expected),
      ).toMatchObject({ ...shape, namespace: 'reliability' });
    }
  });

  it('provides the reliability client as an API extension', () => {
    const factory = createExtensionTester(reliabilityApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(reliabilityApiRef.id);
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);
  });

  it('renders the on-call card extension for a component', async () => {
    const api = fakeApi();
    const tester = createExtensionTester(reliabilityOnCallEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter).toEqual(expect.any(Function));
    expect(filter(componentEntity('checkout-api'))).toBe(true);
    expect(
      filter({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'team-payments' },
      }),
    ).toBe(false);

    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={componentEntity('checkout-api')}>
          {tester.reactElement()}
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const card = await screen.findByRole('region', { name: 'On call' });
    const levelOne = await within(card).findByRole('listitem', {
      name: 'Level 1',
    });
    expect(
      within(levelOne).getByRole('link', { name: 'Carol' }),
    ).toHaveAttribute('target', '_blank');
    expect(api.getEntitySummary).toHaveBeenCalledWith(
      'component:default/checkout-api',
    );
  });

  it('renders the runbooks card extension as an info card', async () => {
    const tester = createExtensionTester(reliabilityRunbooksEntityCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');

    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, fakeApi()]]}>
        <EntityProvider entity={componentEntity('checkout-api')}>
          {tester.reactElement()}
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByRole('link', { name: 'Checkout API runbook' }),
    ).toHaveAttribute('href', 'https://wiki.example.com/runbooks/checkout-api');
  });

  it('renders the team on-call card extension on group pages only', async () => {
    const api = fakeApi();
    const tester = createExtensionTester(reliabilityGroupOnCallEntityCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(groupEntity('team-payments'))).toBe(true);
    expect(filter(componentEntity('checkout-api'))).toBe(false);

    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={groupEntity('team-payments')}>
          {tester.reactElement()}
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const card = await screen.findByRole('region', { name: 'Team on-call' });
    const checkout = await within(card).findByRole('row', {
      name: 'Checkout API',
    });
    expect(
      within(checkout).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(api.getGroupOnCall).toHaveBeenCalledWith(
      'group:default/team-payments',
      expect.anything(),
    );
    expect(api.getEntitySummary).not.toHaveBeenCalled();
  });

  it('mounts the reliability tab at /reliability', async () => {
    const tester = createExtensionTester(reliabilityEntityContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Reliability',
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('reliability');

    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, fakeApi()]]}>
        <EntityProvider entity={componentEntity('checkout-api')}>
          {tester.reactElement()}
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const onCall = await screen.findByRole('region', { name: 'On call' });
    expect(
      await within(onCall).findByRole('link', { name: 'Carol' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Runbooks' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Incidents' }),
    ).toBeInTheDocument();
  });
});
