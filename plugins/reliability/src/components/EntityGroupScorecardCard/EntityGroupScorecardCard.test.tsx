import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useLocation } from 'react-router-dom';
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
jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

/** The query strings the card sent, oldest first. */
let asked: URLSearchParams[] = [];

/**
 * Answers the team view; `answer` may shape the page by the query (the
 * backend's filtering and sorting are tested with the backend).
 */
function serve(
  answer:
    | GroupScorecardResponse
    | ((query: URLSearchParams) => GroupScorecardResponse),
) {
  server.use(
    http.get(
      `${BASE_URL}/groups/default/team-payments/scorecards`,
      ({ request }) => {
        const query = new URL(request.url).searchParams;
        asked.push(query);
        return HttpResponse.json(
          typeof answer === 'function' ? answer(query) : answer,
        );
      },
    ),
  );
}

/** The last query sent, as a plain object. */
function lastAsked(): Record<string, string> {
  return Object.fromEntries(asked[asked.length - 1] ?? []);
}

/** The fixture narrowed to some rows, as the backend would answer a filter. */
function only(...names: string[]): GroupScorecardResponse {
  const all = paymentsTeamScorecards();
  const rows = all.rows.filter(row =>
    names.includes(row.entityRef.split('/')[1]),
  );
  return { ...all, rows, total: rows.length };
}

/** Shows the page's query string, as the address bar would. */
function AddressBar() {
  const { search } = useLocation();
  return <output aria-label="Address">{search}</output>;
}

/** The query string of the page's address, as a plain object. */
function address(): Record<string, string> {
  return Object.fromEntries(
    new URLSearchParams(
      screen.getByRole('status', { name: 'Address' }).textContent ?? '',
    ),
  );
}

async function renderCard(
  apis: Parameters<typeof renderWithBackend>[2] = [],
  url?: string,
) {
  await renderWithBackend(
    <>
      <EntityGroupScorecardCard now={NOW} />
      <AddressBar />
    </>,
    groupEntity('team-payments'),
    apis,
    url,
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
  beforeEach(() => {
    asked = [];
  });

  it('lists one page of the team and its sub-teams with their figures, worst score first', async () => {
    serve(paymentsTeamScorecards());
    const table = await renderCard();

    // The backend sorts and pages: the first request asks for worst first.
    expect(lastAsked()).toEqual({
      sort: 'score',
      direction: 'asc',
      offset: '0',
      limit: '25',
    });
    // Rows in the order the backend answered.
    expect(order(table)).toEqual([
      'Checkout API',
      'payments-gateway',
      'fraud-rules',
      'Commerce, "core" platform',
    ]);
    const checkout = within(table).getByRole('row', { name: 'Checkout API' });
    expect(
      within(checkout).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(
      within(checkout).getByLabelText('Level: Bronze'),
    ).toBeInTheDocument();
    expect(within(checkout).getByLabelText('Score 73%')).toBeInTheDocument();
    // SLO attainment against its objective, and the budget left.
    expect(within(checkout).getByText('99.82%')).toBeInTheDocument();
    expect(within(checkout).getByText('/ 99.9%')).toBeInTheDocument();
    expect(within(checkout).getByText('18% budget')).toBeInTheDocument();
    expect(within(checkout).getByText('Gap')).toBeInTheDocument();
    expect(within(checkout).getByText('MTTR 1h 35m')).toBeInTheDocument();
    expect(within(checkout).getByText('stale')).toBeInTheDocument();
    // A page-level burn shows next to its budget, not just "Covered".
    const gateway = within(table).getByRole('row', {
      name: 'payments-gateway',
    });
    expect(within(gateway).getByText('Page')).toBeInTheDocument();
    expect(within(gateway).getByText('Covered')).toBeInTheDocument();
    const fraud = within(table).getByRole('row', { name: 'fraud-rules' });
    expect(within(fraud).getByLabelText('Level: No level')).toBeInTheDocument();
    expect(
      within(fraud).getByLabelText('on-call not linked'),
    ).toBeInTheDocument();
    expect(within(fraud).getByLabelText('no SLO')).toBeInTheDocument();
    expect(
      within(fraud).getByRole('link', { name: 'team-fraud' }),
    ).toBeInTheDocument();

    const card = screen.getByRole('region', { name: 'Team scorecards' });
    expect(
      within(card).getByText('4 entities incl. 1 sub-team · average score 76%'),
    ).toBeInTheDocument();
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
    // Where history begins, and what the day without an evaluation is.
    expect(
      within(card).getByText(
        'History since Mar 2, 2025. Lighter bars are days without an evaluation: they repeat the day before.',
      ),
    ).toBeInTheDocument();
    // No pager for a single page.
    expect(screen.queryByRole('button', { name: /next page/i })).toBeNull();
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
      historySince: '2025-03-04',
    });
    await renderCard();

    const chart = screen.getByRole('figure', {
      name: 'Level distribution of team-payments over time',
    });
    // No level, Bronze and Gold stand on that day; Silver has nobody.
    expect(chart.querySelectorAll('.recharts-bar-rectangle path').length).toBe(
      3,
    );
    expect(screen.getByText('History since Mar 4, 2025.')).toBeInTheDocument();
  });

  it('asks the backend for each order, worst first on the first click', async () => {
    serve(paymentsTeamScorecards());
    const table = await renderCard();

    await sortBy(table, 'Budget');
    await waitFor(() =>
      expect(lastAsked()).toMatchObject({ sort: 'budget', direction: 'asc' }),
    );
    await sortBy(table, 'Budget');
    await waitFor(() =>
      expect(lastAsked()).toMatchObject({ sort: 'budget', direction: 'desc' }),
    );
    await sortBy(table, 'Failing');
    await waitFor(() =>
      expect(lastAsked()).toMatchObject({
        sort: 'failingChecks',
        direction: 'desc',
      }),
    );
    await sortBy(table, 'Alert');
    await waitFor(() =>
      expect(lastAsked()).toMatchObject({
        sort: 'sloAlert',
        direction: 'desc',
      }),
    );
    await sortBy(table, 'Entity');
    await waitFor(() =>
      expect(lastAsked()).toMatchObject({ sort: 'entity', direction: 'asc' }),
    );
    // The order is in the address, so a copied link keeps it.
    expect(address()).toEqual({ sort: 'entity', direction: 'asc' });
  });

  it('sorts by the figures stacked under a column name too', async () => {
    serve(paymentsTeamScorecards());
    const table = await renderCard();

    await sortBy(table, 'MTTR');
    await waitFor(() =>
      expect(lastAsked()).toMatchObject({ sort: 'mttr', direction: 'desc' }),
    );
    await sortBy(table, 'Owner');
    await waitFor(() =>
      expect(lastAsked()).toMatchObject({ sort: 'owner', direction: 'asc' }),
    );
  });

  it('fits six columns, every figure keeping its own sort in the header', async () => {
    serve(paymentsTeamScorecards());
    const table = await renderCard();

    // Eleven figures in six columns: readable from 1024 px without
    // scrolling sideways.
    const headers = within(table).getAllByRole('columnheader');
    // Each column header holds the sort buttons of its figures.
    const sortsPerColumn = [
      ['Entity', 'Owner'],
      ['Level', 'Score'],
      ['Failing'],
      ['SLO', 'Budget', 'Alert'],
      ['On-call'],
      ['Open incidents', 'MTTR'],
    ];
    expect(headers).toHaveLength(sortsPerColumn.length);
    sortsPerColumn.forEach((sorts, column) => {
      const buttons = within(headers[column]).getAllByRole('button');
      expect(buttons).toHaveLength(sorts.length);
      sorts.forEach((name, index) =>
        expect(buttons[index]).toHaveAccessibleName(new RegExp(`^${name}`)),
      );
    });
    // Worst score first: the column holding the score says it is sorted.
    expect(headers[1]).toHaveAttribute('aria-sort', 'ascending');
    for (const row of within(table).getAllByRole('row').slice(1)) {
      expect(within(row).getAllByRole('cell')).toHaveLength(6);
    }
    const checkout = within(table).getByRole('row', { name: 'Checkout API' });
    const cells = within(checkout).getAllByRole('cell');
    // Owner under the entity; score under the level; budget under the SLO;
    // MTTR under the open incidents.
    expect(
      within(cells[0]).getByRole('link', { name: 'team-payments' }),
    ).toHaveAttribute('href', '/catalog/default/group/team-payments');
    expect(cells[1]).toHaveTextContent('Bronze73%');
    expect(cells[3]).toHaveTextContent(/^99\.82% \/ 99\.9%18(\.0)?% budget/);
    expect(cells[5]).toHaveTextContent(/MTTR 1h 35m$/);
  });

  it('opens with the filters, order and page a link names, and keeps them in the address', async () => {
    serve(query => ({
      ...only('checkout-api'),
      total: 60,
      entities: 60,
      offset: Number(query.get('offset')),
    }));
    await renderCard(
      [],
      '/catalog/default/group/team-payments/scorecards?owner=group%3Adefault%2Fteam-payments&check=slo-met&sort=mttr&direction=desc&page=2',
    );
    await waitFor(() =>
      expect(lastAsked()).toEqual({
        owner: 'group:default/team-payments',
        check: 'slo-met',
        sort: 'mttr',
        direction: 'desc',
        offset: '25',
        limit: '25',
      }),
    );
    expect(
      screen.getByRole('combobox', { name: 'Failing check' }),
    ).toHaveTextContent('SLOs met');
    expect(await screen.findByText('26–50 of 60')).toBeInTheDocument();

    // Another check starts from the first page, in the address too.
    await choose('Failing check', 'TechDocs annotation');
    await waitFor(() =>
      expect(lastAsked()).toMatchObject({
        check: 'techdocs-annotation',
        offset: '0',
      }),
    );
    expect(address()).toEqual({
      owner: 'group:default/team-payments',
      check: 'techdocs-annotation',
      sort: 'mttr',
      direction: 'desc',
    });
    await choose('Failing check', 'Any check');
    await waitFor(() => expect(lastAsked().check).toBeUndefined());
  });

  it('filters by text, level, failing checks, owning sub-team and lifecycle on the backend', async () => {
    serve(query => {
      if (query.get('search') === 'checkout') {
        return only('checkout-api');
      }
      if (query.get('owner') === 'group:default/team-fraud') {
        return query.get('level') === 'gold' ? only() : only('fraud-rules');
      }
      return paymentsTeamScorecards();
    });
    const table = await renderCard();

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search entities' }),
      'checkout',
    );
    // One request once typing pauses, not one per key.
    await waitFor(() => expect(order(table)).toEqual(['Checkout API']));
    expect(asked.filter(q => q.has('search'))).toHaveLength(1);
    expect(screen.getByText('1 of 4 entities match')).toBeInTheDocument();
    await userEvent.clear(
      screen.getByRole('textbox', { name: 'Search entities' }),
    );
    await waitFor(() => expect(order(table)).toHaveLength(4));

    await choose('Level', 'Gold');
    await waitFor(() => expect(lastAsked()).toMatchObject({ level: 'gold' }));
    await choose('Level', 'All levels');

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Only failing' }),
    );
    await waitFor(() => expect(lastAsked()).toMatchObject({ failing: 'true' }));

    await choose('Lifecycle', 'production');
    await waitFor(() =>
      expect(lastAsked()).toMatchObject({ lifecycle: 'production' }),
    );
    // Only one tier in the team: nothing to choose.
    expect(screen.queryByRole('combobox', { name: 'Tier' })).toBeNull();

    await choose('Owner', 'team-fraud');
    await waitFor(() => expect(order(table)).toEqual(['fraud-rules']));
    expect(lastAsked()).toMatchObject({
      owner: 'group:default/team-fraud',
      failing: 'true',
      lifecycle: 'production',
      offset: '0',
    });

    await choose('Level', 'Gold');
    expect(
      await within(table).findByText('No entity matches these filters.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });

  it('pages through a large team, starting again from the first page on a new filter', async () => {
    serve(query => ({
      ...paymentsTeamScorecards(),
      total: 60,
      entities: 60,
      offset: Number(query.get('offset')),
    }));
    await renderCard();

    await userEvent.click(
      await screen.findByRole('button', { name: /next page/i }),
    );
    await waitFor(() =>
      expect(lastAsked()).toMatchObject({ offset: '25', limit: '25' }),
    );
    expect(screen.getByText('26–50 of 60')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Only failing' }),
    );
    await waitFor(() =>
      expect(lastAsked()).toMatchObject({ failing: 'true', offset: '0' }),
    );
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

    it('downloads every matching row from the backend, in table order', async () => {
      const csv =
        'Entity,Title,Failing check names\r\ncomponent:default/checkout-api,Checkout API,SLOs met; TechDocs\r\n';
      let exportQuery: Record<string, string> | undefined;
      server.use(
        http.get(
          `${BASE_URL}/groups/default/team-payments/scorecards/export`,
          ({ request }) => {
            exportQuery = Object.fromEntries(new URL(request.url).searchParams);
            return new HttpResponse(`\uFEFF${csv}`, {
              headers: { 'Content-Type': 'text/csv; charset=utf-8' },
            });
          },
        ),
      );
      serve(paymentsTeamScorecards());
      const table = await renderCard();
      await sortBy(table, 'Entity');
      await userEvent.click(
        screen.getByRole('checkbox', { name: 'Only failing' }),
      );

      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

      await waitFor(() =>
        expect(clicked).toEqual([
          { download: 'team-payments-scorecards.csv', href: 'blob:scorecards' },
        ]),
      );
      // Every page: the export carries the filters and order, no paging.
      expect(exportQuery).toEqual({
        sort: 'entity',
        direction: 'asc',
        failing: 'true',
      });
      const blob = createObjectURL.mock.calls[0][0];
      expect(blob.type).toBe('text/csv;charset=utf-8');
      expect((await blob.text()).replace(/^\uFEFF/, '')).toBe(csv);
    });

    it('says so when the export fails', async () => {
      server.use(
        http.get(
          `${BASE_URL}/groups/default/team-payments/scorecards/export`,
          () =>
            HttpResponse.json(
              { error: { name: 'Error', message: 'database gone' } },
              { status: 500 },
            ),
        ),
      );
      serve(paymentsTeamScorecards());
      await renderCard();
      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect(
        await screen.findByText(/The CSV export failed/),
      ).toBeInTheDocument();
    });
  });

  it('says when the team owns nothing in scope', async () => {
    serve({
      ...paymentsTeamScorecards(),
      rows: [],
      total: 0,
      entities: 0,
      averageScore: null,
      distribution: {},
    });
    await renderWithBackend(
      <EntityGroupScorecardCard now={NOW} />,
      groupEntity('team-payments'),
    );
    expect(
      await screen.findByText(/own no entity that scorecards cover/),
    ).toBeInTheDocument();
  });
});
