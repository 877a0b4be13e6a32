import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { GroupScorecardResponse } from '@preflight/plugin-reliability-common';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { entityTitlePresentation } from '../../__testUtils__/entityTitlePresentation';
import { groupEntity } from '../../__testUtils__/groupOnCallFixtures';
import { mockResizeObserver } from '../../__testUtils__/mockResizeObserver';
import {
  BASE_URL,
  renderWithBackend,
} from '../../__testUtils__/renderWithBackend';
import { paymentsTeamScorecards } from '../../__testUtils__/scorecardFixtures';
import { NOW } from '../../__testUtils__/summaryFixtures';
import { EntityGroupScorecardCard } from './EntityGroupScorecardCard';

// These tests click through whole tables; on a loaded 2-core CI machine
// that takes longer than jest's default 5 seconds.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

function serve(response: GroupScorecardResponse) {
  server.use(
    http.get(`${BASE_URL}/groups/default/team-payments/scorecards`, () =>
      HttpResponse.json(response),
    ),
  );
}

async function renderCard(apis: Parameters<typeof renderWithBackend>[2] = []) {
  await renderWithBackend(
    <EntityGroupScorecardCard now={NOW} />,
    groupEntity('team-payments'),
    apis,
  );
  return screen.findByRole('table', { name: 'Scorecards per entity' });
}

function order(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => row.getAttribute('aria-label') ?? '');
}

async function sortBy(table: HTMLElement, column: string) {
  await userEvent.click(
    within(table).getByRole('button', { name: new RegExp(`^${column}`) }),
  );
}

async function choose(label: string, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(
    within(screen.getByRole('listbox')).getByRole('option', { name: option }),
  );
}

describe('EntityGroupScorecardCard', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('lists every entity of the team and its sub-teams with their figures, worst score first', async () => {
    serve(paymentsTeamScorecards());
    const table = await renderCard();

    expect(order(table)).toEqual([
      'fraud-rules',
      'Checkout API',
      'payments-gateway',
      'Commerce, "core" platform',
    ]);
    const checkout = within(table).getByRole('row', { name: 'Checkout API' });
    expect(
      within(checkout).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(
      within(checkout).getByLabelText('Level: Bronze'),
    ).toBeInTheDocument();
    expect(checkout).toHaveTextContent('73%');
    expect(checkout).toHaveTextContent('99.82% / 99.9%');
    expect(checkout).toHaveTextContent('18%');
    expect(checkout).toHaveTextContent('Gap');
    expect(checkout).toHaveTextContent('1h 35m');
    expect(checkout).toHaveTextContent('stale');
    const fraud = within(table).getByRole('row', { name: 'fraud-rules' });
    expect(within(fraud).getByLabelText('Level: No level')).toBeInTheDocument();
    expect(
      within(fraud).getByLabelText('on-call not linked'),
    ).toBeInTheDocument();
    expect(
      within(fraud).getByRole('link', { name: 'team-fraud' }),
    ).toBeInTheDocument();

    const card = screen.getByRole('region', { name: 'Team scorecards' });
    expect(card).toHaveTextContent(
      '4 entities incl. 1 sub-team · average score 76%',
    );
    expect(
      within(card).getByRole('group', { name: 'Level distribution' }),
    ).toHaveTextContent('Gold: 1Silver: 1Bronze: 1No level: 1');
    expect(
      within(card).getByText(/1 of 4 entities were evaluated with stale facts/),
    ).toBeInTheDocument();
    const chart = within(card).getByRole('figure', {
      name: 'Level distribution of team-payments over time',
    });
    // One stacked bar series per level, one bar per day and level.
    expect(chart.querySelectorAll('.recharts-bar').length).toBe(4);
    expect(
      chart.querySelectorAll('.recharts-bar-rectangle path').length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("shows each owner by the title the catalog presents, not the group's ref", async () => {
    serve(paymentsTeamScorecards());
    const table = await renderCard([
      [
        entityPresentationApiRef,
        entityTitlePresentation({
          'group:default/team-fraud': 'Fraud prevention',
          'group:default/team-payments': 'Payments',
        }),
      ],
    ]);

    const fraud = within(table).getByRole('row', { name: 'fraud-rules' });
    expect(
      within(fraud).getByRole('link', { name: 'Fraud prevention' }),
    ).toHaveAttribute('href', '/catalog/default/group/team-fraud');
    expect(fraud).not.toHaveTextContent('team-fraud');
    const checkout = within(table).getByRole('row', { name: 'Checkout API' });
    expect(
      within(checkout).getByRole('link', { name: 'Payments' }),
    ).toBeInTheDocument();
  });

  it('draws the level trend from the first recorded day, as stacked bars', async () => {
    serve({
      ...paymentsTeamScorecards(),
      trend: [
        {
          day: '2025-03-04',
          counts: { none: 1, bronze: 2, silver: 0, gold: 1 },
        },
      ],
    });
    await renderCard();

    const chart = screen.getByRole('figure', {
      name: 'Level distribution of team-payments over time',
    });
    // No level, Bronze and Gold stand on that day; Silver has nobody.
    expect(chart.querySelectorAll('.recharts-bar-rectangle path').length).toBe(
      3,
    );
    expect(screen.queryByText(/two days of history/)).not.toBeInTheDocument();
  });

  it('sorts by every column, keeping rows without a value last', async () => {
    serve(paymentsTeamScorecards());
    const table = await renderCard();

    await sortBy(table, 'Budget left');
    expect(order(table)).toEqual([
      'payments-gateway',
      'Checkout API',
      'Commerce, "core" platform',
      'fraud-rules',
    ]);
    await sortBy(table, 'Budget left');
    expect(order(table)).toEqual([
      'Checkout API',
      'payments-gateway',
      'Commerce, "core" platform',
      'fraud-rules',
    ]);

    await sortBy(table, 'Level');
    expect(order(table)).toEqual([
      'fraud-rules',
      'Checkout API',
      'payments-gateway',
      'Commerce, "core" platform',
    ]);

    await sortBy(table, 'Failing');
    expect(order(table)[0]).toBe('fraud-rules');
    expect(order(table)[3]).toBe('Commerce, "core" platform');

    await sortBy(table, 'MTTR');
    expect(order(table).slice(0, 2)).toEqual([
      'Checkout API',
      'payments-gateway',
    ]);

    await sortBy(table, 'Entity');
    expect(order(table)).toEqual([
      'Checkout API',
      'Commerce, "core" platform',
      'fraud-rules',
      'payments-gateway',
    ]);

    await sortBy(table, 'Owner');
    expect(order(table)[0]).toBe('fraud-rules');
  });

  it('filters by text, level, failing checks and owning sub-team', async () => {
    serve(paymentsTeamScorecards());
    const table = await renderCard();

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search entities' }),
      'checkout',
    );
    expect(order(table)).toEqual(['Checkout API']);
    await userEvent.clear(
      screen.getByRole('textbox', { name: 'Search entities' }),
    );

    await choose('Level', 'Gold');
    expect(order(table)).toEqual(['Commerce, "core" platform']);
    await choose('Level', 'All levels');

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Only failing' }),
    );
    expect(order(table)).not.toContain('Commerce, "core" platform');
    expect(order(table)).toHaveLength(3);

    await choose('Owner', 'team-fraud');
    expect(order(table)).toEqual(['fraud-rules']);
    expect(screen.getByText('Showing 1 of 4 entities')).toBeInTheDocument();

    await choose('Level', 'Gold');
    expect(
      within(table).getByText('No entity matches these filters.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });

  describe('CSV export', () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:scorecards');
    const revokeObjectURL = jest.fn();
    let click: jest.SpyInstance;
    const clicked: Array<{ download: string; href: string }> = [];
    beforeEach(() => {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      click = jest
        .spyOn(HTMLAnchorElement.prototype, 'click')
        .mockImplementation(function record(this: HTMLAnchorElement) {
          clicked.push({ download: this.download, href: this.href });
        });
    });
    afterEach(() => click.mockRestore());

    it('downloads the filtered rows in table order, escaped', async () => {
      serve(paymentsTeamScorecards());
      const table = await renderCard();
      await sortBy(table, 'Entity');
      await userEvent.type(
        screen.getByRole('textbox', { name: 'Search entities' }),
        'c',
      );
      expect(order(table)).toEqual([
        'Checkout API',
        'Commerce, "core" platform',
      ]);

      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

      expect(clicked).toEqual([
        { download: 'team-payments-scorecards.csv', href: 'blob:scorecards' },
      ]);
      const blob = createObjectURL.mock.calls[0][0];
      expect(blob.type).toBe('text/csv;charset=utf-8');
      const text = (await blob.text()).replace(/^\uFEFF/, '');
      expect(text.split('\r\n')).toEqual([
        'Entity,Title,Kind,Owner,Level,Score,Failing checks,SLO attainment (%),SLO objective (%),Error budget left (%),On-call covered,MTTR (minutes),Open incidents,Evaluated at,Stale',
        `component:default/checkout-api,Checkout API,component,group:default/team-payments,Bronze,73,3,99.82,99.9,18,no,95,1,${
          paymentsTeamScorecards().rows[0].evaluatedAt
        },yes`,
        `system:default/commerce,"Commerce, ""core"" platform",system,group:default/team-payments,Gold,100,0,,,,,,,${
          paymentsTeamScorecards().rows[3].evaluatedAt
        },no`,
        '',
      ]);
    });
  });

  it('says when the team owns nothing in scope', async () => {
    serve({ ...paymentsTeamScorecards(), rows: [], distribution: {} });
    await renderWithBackend(
      <EntityGroupScorecardCard now={NOW} />,
      groupEntity('team-payments'),
    );
    expect(
      await screen.findByText(/own no entity that scorecards cover/),
    ).toBeInTheDocument();
  });
});
