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
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { reliabilityApiRef } from './api';
import reliabilityPluginAlpha, { reliabilitySloEntityCard } from './alpha';
// Load the lazily imported module up front so the test does not spend its
// time budget compiling it; the lazy path itself still runs.
import './components/EntitySloCard';
import { mockResizeObserver } from './__testUtils__/mockResizeObserver';
import {
  gateResponse,
  sloEntity,
  slosResponse,
} from './__testUtils__/sloFixtures';
import { componentEntity } from './__testUtils__/summaryFixtures';
import { fakeReliabilityApi } from './__testUtils__/fakeReliabilityApi';

function fakeApi() {
  return fakeReliabilityApi({
    getEntitySlos: async () => slosResponse(),
    getDeployGate: async () => gateResponse(),
  });
}

describe('SLO card for the new frontend system', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('is part of the plugin as entity-card:reliability/slos', () => {
    expect(
      reliabilityPluginAlpha.getExtension('entity-card:reliability/slos'),
    ).toMatchObject({
      kind: 'entity-card',
      name: 'slos',
      namespace: 'reliability',
    });
  });

  it('shows on components that declare SLOs and renders them', async () => {
    const api = fakeApi();
    const tester = createExtensionTester(reliabilitySloEntityCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(sloEntity())).toBe(true);
    expect(filter(componentEntity('checkout-api'))).toBe(false);
    expect(
      filter({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: {
          name: 'team-payments',
          annotations: { 'preflight.dev/openslo': './slos.yaml' },
        },
      }),
    ).toBe(false);

    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={sloEntity()}>
          {tester.reactElement()}
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const card = await screen.findByRole('region', { name: 'SLOs' });
    expect(
      await within(card).findByRole('article', {
        name: 'Checkout API availability',
      }),
    ).toBeInTheDocument();
    expect(
      await within(card).findByText('Deploys allowed'),
    ).toBeInTheDocument();
    expect(api.getEntitySlos).toHaveBeenCalledWith(
      'component:default/checkout-api',
      expect.anything(),
    );
  });
});
