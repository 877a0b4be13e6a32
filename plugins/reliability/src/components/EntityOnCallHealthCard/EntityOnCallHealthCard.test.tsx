import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type { Entity } from '@backstage/catalog-model';
import { reliabilityApiRef } from '../../api';
import { fakeReliabilityApi } from '../../__testUtils__/fakeReliabilityApi';
import { groupEntity } from '../../__testUtils__/groupOnCallFixtures';
import { refusal } from '../../__testUtils__/refusal';
import {
  paymentsOnCallHealth,
  REPORT_NOW,
} from '../../__testUtils__/reportFixtures';
import { componentEntity } from '../../__testUtils__/summaryFixtures';
import { EntityOnCallHealthCard } from './EntityOnCallHealthCard';

jest.setTimeout(30_000);

async function renderCard(
  api = fakeReliabilityApi(),
  entity: Entity = groupEntity('team-payments'),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityOnCallHealthCard now={REPORT_NOW} />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

describe('EntityOnCallHealthCard', () => {
  it('shows the load per person, night pages and noisy services', async () => {
    const api = await renderCard(
      fakeReliabilityApi({
        getGroupOnCallHealth: jest
          .fn()
          .mockResolvedValue(paymentsOnCallHealth()),
      }),
    );

    const card = await screen.findByRole('region', { name: 'On-call health' });
    expect(api.getGroupOnCallHealth).toHaveBeenCalledWith(
      'group:default/team-payments',
      expect.anything(),
    );
    expect(
      within(card).getByText('Last 28 days: Nov 4, 2026 – Dec 1, 2026'),
    ).toBeInTheDocument();
    expect(
      within(
        within(card).getByRole('group', { name: 'Night pages' }),
      ).getByText('1'),
    ).toBeInTheDocument();
    expect(
      within(
        within(card).getByRole('group', { name: 'Actionable incidents' }),
      ).getByText('3 of 12 were noise'),
    ).toBeInTheDocument();

    const people = within(card).getByRole('table', {
      name: 'People of rotation PPOLICY1',
    });
    const alice = within(people).getAllByRole('row')[1];
    expect(
      within(alice).getByRole('link', { name: 'alice.smith' }),
    ).toBeInTheDocument();
    expect(
      within(alice)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['alice.smith', '2', '336', '5', '2.5', '1.17', '2', '1']);

    const noisy = within(card).getByRole('table', {
      name: 'Noisiest services',
    });
    expect(
      within(noisy).getByRole('link', { name: 'Payments worker' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-worker');
    expect(within(card).queryByText(/stale/)).not.toBeInTheDocument();
  });

  it('says when its data is stale and what the backend warns about', async () => {
    const health = paymentsOnCallHealth();
    health.dataAsOf = '2026-11-30T10:00:00.000Z';
    health.warnings = ['The last PagerDuty sync failed: 503'];
    await renderCard(
      fakeReliabilityApi({
        getGroupOnCallHealth: jest.fn().mockResolvedValue(health),
      }),
    );

    expect(
      await screen.findByText(/On-call data is stale: last synced 2d ago/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The last PagerDuty sync failed: 503'),
    ).toBeInTheDocument();
  });

  it('says so when the team had no pages and no incidents', async () => {
    const health = paymentsOnCallHealth();
    health.rotations = [];
    health.alertQuality = {
      total: 0,
      actionable: 0,
      noise: 0,
      actionableShare: null,
      noisiestServices: [],
    };
    await renderCard(
      fakeReliabilityApi({
        getGroupOnCallHealth: jest.fn().mockResolvedValue(health),
      }),
    );

    expect(
      await screen.findByText(/No pages and no incidents/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a failed request with a retry that loads again', async () => {
    const getGroupOnCallHealth = jest
      .fn()
      .mockRejectedValueOnce(
        await refusal(500, 'Error', 'database is unavailable'),
      )
      .mockResolvedValueOnce(paymentsOnCallHealth());
    await renderCard(fakeReliabilityApi({ getGroupOnCallHealth }));

    expect(
      await screen.findByText('database is unavailable'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(
      await screen.findByRole('table', { name: 'Noisiest services' }),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard(
      fakeReliabilityApi({
        getGroupOnCallHealth: jest.fn().mockReturnValue(new Promise(() => {})),
      }),
    );
    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading on-call health',
      }),
    ).toBeInTheDocument();
  });

  it('asks nothing on a page that is not a group’s', async () => {
    const api = await renderCard(
      fakeReliabilityApi(),
      componentEntity('checkout-api'),
    );
    expect(
      await screen.findByText(
        'On-call health is shown for teams (group entities).',
      ),
    ).toBeInTheDocument();
    expect(api.getGroupOnCallHealth).not.toHaveBeenCalled();
  });
});
