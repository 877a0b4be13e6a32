import { screen, within } from '@testing-library/react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type { Entity } from '@backstage/catalog-model';
import { reliabilityApiRef } from '../../api';
import { fakeReliabilityApi } from '../../__testUtils__/fakeReliabilityApi';
import { groupEntity } from '../../__testUtils__/groupOnCallFixtures';
import { mockResizeObserver } from '../../__testUtils__/mockResizeObserver';
import { refusal } from '../../__testUtils__/refusal';
import {
  paymentsReport,
  quietReport,
  REPORT_NOW,
} from '../../__testUtils__/reportFixtures';
import { componentEntity } from '../../__testUtils__/summaryFixtures';
import { EntityReliabilityReportContent } from './EntityReliabilityReportContent';

jest.setTimeout(30_000);

async function renderTab(entity: Entity, api = fakeReliabilityApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityReliabilityReportContent now={REPORT_NOW} />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

describe('EntityReliabilityReportContent', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('reports a group with its sub-groups', async () => {
    const api = await renderTab(
      groupEntity('team-payments'),
      fakeReliabilityApi({
        getGroupReport: jest.fn().mockResolvedValue(paymentsReport()),
      }),
    );

    expect(
      await screen.findByRole('heading', { name: 'Payments: November 2026' }),
    ).toBeInTheDocument();
    expect(api.getGroupReport).toHaveBeenCalledWith(
      'group:default/team-payments',
      {},
      expect.anything(),
    );
    expect(
      screen.getByText(/4 entities, 3 with on-call data, sub-teams included/),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Off-hours pages' })).getByText(
        'no change',
      ),
    ).toBeInTheDocument();
  });

  it('reports any other entity on its own', async () => {
    const api = await renderTab(
      componentEntity('checkout-api'),
      fakeReliabilityApi({
        getEntityReport: jest.fn().mockResolvedValue(paymentsReport()),
      }),
    );

    await screen.findByRole('heading', { name: 'Payments: November 2026' });
    expect(api.getEntityReport).toHaveBeenCalledWith(
      'component:default/checkout-api',
      {},
      expect.anything(),
    );
  });

  it('says what is empty instead of showing zeros as measurements', async () => {
    const report = quietReport();
    report.warnings = ['The PagerDuty change events sync failed at 05:00 UTC'];
    report.historyStartsOn = null;
    await renderTab(
      groupEntity('team-payments'),
      fakeReliabilityApi({
        getGroupReport: jest.fn().mockResolvedValue(report),
      }),
    );

    await screen.findByRole('heading', { name: 'Payments: November 2026' });
    expect(
      screen.getByText('The PagerDuty change events sync failed at 05:00 UTC'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No report data has been synced yet/),
    ).toBeInTheDocument();
    const cfr = screen.getByRole('group', { name: 'Change failure rate' });
    expect(within(cfr).getAllByText(/no change data/)).toHaveLength(2);
    expect(
      within(
        screen.getByRole('region', { name: 'Change failure rate' }),
      ).getByText('No change data'),
    ).toBeInTheDocument();
    expect(screen.getByText(/No SLO data for this period/)).toBeInTheDocument();
    expect(
      screen.getByText('No on-call rotations in scope.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No incidents in the period.')).toBeInTheDocument();
    expect(screen.getByText(/No monthly history yet/)).toBeInTheDocument();
  });

  it('says a group the backend does not know is not found', async () => {
    await renderTab(
      groupEntity('team-gone'),
      fakeReliabilityApi({
        getGroupReport: jest
          .fn()
          .mockRejectedValue(
            await refusal(404, 'NotFoundError', 'No group team-gone'),
          ),
      }),
    );

    expect(await screen.findByText('Entity not found')).toBeInTheDocument();
    expect(screen.getByText('group:default/team-gone')).toBeInTheDocument();
  });
});
