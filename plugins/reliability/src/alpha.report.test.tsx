import { screen } from '@testing-library/react';
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
  reliabilityOnCallHealthEntityCard,
  reliabilityReportEntityContent,
  reliabilityReportPage,
} from './alpha';
// Load the lazily imported modules up front so the tests do not spend their
// time budget compiling them; the lazy path itself still runs.
import './components/EntityReliabilityReportContent';
import './components/EntityOnCallHealthCard';
import './components/ReliabilityReportPage';
import { fakeReliabilityApi } from './__testUtils__/fakeReliabilityApi';
import { groupEntity } from './__testUtils__/groupOnCallFixtures';
import { mockResizeObserver } from './__testUtils__/mockResizeObserver';
import {
  paymentsOnCallHealth,
  paymentsReport,
} from './__testUtils__/reportFixtures';
import { componentEntity } from './__testUtils__/summaryFixtures';

jest.setTimeout(30_000);

/** Lazy extensions compile on first use; on a busy machine that takes seconds. */
const LAZY = { timeout: 15_000 };

const routes = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

describe('reliability reports for the new frontend system', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('adds the report tab, the on-call health card and the page under stable ids', () => {
    expect(
      reliabilityPluginAlpha.getExtension('entity-content:reliability/report'),
    ).toMatchObject({ kind: 'entity-content', namespace: 'reliability' });
    expect(
      reliabilityPluginAlpha.getExtension(
        'entity-card:reliability/on-call-health',
      ),
    ).toMatchObject({ kind: 'entity-card', namespace: 'reliability' });
    expect(
      reliabilityPluginAlpha.getExtension('page:reliability/report'),
    ).toMatchObject({ kind: 'page', namespace: 'reliability' });
    expect(reliabilityPluginAlpha.routes.reliabilityReport).toBeDefined();
  });

  it('mounts the "Reliability report" tab on group pages only', async () => {
    const api = fakeReliabilityApi({
      getGroupReport: jest.fn().mockResolvedValue(paymentsReport()),
    });
    const tester = createExtensionTester(reliabilityReportEntityContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Reliability report',
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('reliability-report');
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
      await screen.findByRole(
        'heading',
        { name: 'Payments: November 2026' },
        LAZY,
      ),
    ).toBeInTheDocument();
  });

  it('puts the on-call health card on group pages', async () => {
    const api = fakeReliabilityApi({
      getGroupOnCallHealth: jest.fn().mockResolvedValue(paymentsOnCallHealth()),
    });
    const tester = createExtensionTester(reliabilityOnCallHealthEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
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
      await screen.findByRole('table', { name: 'Noisiest services' }, LAZY),
    ).toBeInTheDocument();
  });

  it('serves the organisation report at /reliability/report, titled and with an icon for the nav', async () => {
    const api = fakeReliabilityApi({
      getOrganizationReport: jest.fn().mockResolvedValue(paymentsReport()),
    });
    const tester = createExtensionTester(reliabilityReportPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/reliability/report');
    expect(tester.get(coreExtensionData.title)).toBe('Reliability report');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();

    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        {tester.reactElement()}
      </TestApiProvider>,
      routes,
    );

    expect(
      await screen.findByRole('group', { name: 'Incidents' }, LAZY),
    ).toBeInTheDocument();
    expect(api.getOrganizationReport).toHaveBeenCalled();
  });
});
