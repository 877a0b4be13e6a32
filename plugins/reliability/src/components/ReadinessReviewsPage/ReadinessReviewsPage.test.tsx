import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  catalogApiRef,
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  ReviewListQuery,
  ReviewTemplate,
} from '@preflight/plugin-reliability-common';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import { entityTitlePresentation } from '../../__testUtils__/entityTitlePresentation';
import { fakeReliabilityApi } from '../../__testUtils__/fakeReliabilityApi';
import { reviewList } from '../../__testUtils__/reviewFixtures';
import { NOW } from '../../__testUtils__/summaryFixtures';
import { ReadinessReviewsPage } from './ReadinessReviewsPage';

// These tests open menus and type; on a loaded 2-core machine that takes
// longer than jest's default 5 seconds.
jest.setTimeout(30_000);

const template: ReviewTemplate = {
  id: 'ga-readiness',
  title: 'GA production readiness',
  appliesTo: { kinds: ['component'] },
  stages: ['beta', 'ga'],
  version: 'a1b2c3',
  sections: [
    {
      id: 'oncall',
      title: 'Ownership and on-call',
      reviewerGroups: ['group:default/sre'],
      items: [],
    },
    {
      id: 'security',
      title: 'Security',
      reviewerGroups: ['group:default/security'],
      items: [],
    },
  ],
};

function group(name: string, displayName: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], profile: { displayName } },
  };
}

async function renderBoard(api: jest.Mocked<ReliabilityApi>) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api],
        [entityPresentationApiRef, entityTitlePresentation({})],
        [
          catalogApiRef,
          catalogApiMock({
            entities: [
              group('team-payments', 'Payments'),
              group('team-search', 'Search'),
            ],
          }),
        ],
      ]}
    >
      <ReadinessReviewsPage now={NOW} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function boardApi() {
  return fakeReliabilityApi({
    listReviews: jest.fn().mockResolvedValue(reviewList({ total: 120 })),
    getReviewTemplates: jest.fn().mockResolvedValue({ templates: [template] }),
  });
}

function lastQuery(api: jest.Mocked<ReliabilityApi>): ReviewListQuery {
  const calls = api.listReviews.mock.calls;
  return calls[calls.length - 1][0];
}

async function choose(label: string, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  // Teams come from the catalog: wait for the options to arrive.
  await userEvent.click(
    await within(screen.getByRole('listbox')).findByRole('option', {
      name: option,
    }),
  );
}

describe('ReadinessReviewsPage', () => {
  it('lists reviews with counts by state, overdue target dates marked and links to the entity tab', async () => {
    const api = boardApi();
    await renderBoard(api);

    const table = await screen.findByRole('table', {
      name: 'Readiness reviews',
    });
    const search = within(table).getByRole('row', { name: 'Search API' });
    expect(search).toHaveTextContent('In review');
    expect(search).toHaveTextContent('Mar 1, 2025');
    expect(search).toHaveTextContent('Overdue');
    expect(search).toHaveTextContent('sre');
    expect(search).toHaveTextContent('1 / 2');
    expect(
      within(search).getByRole('link', { name: 'Search API' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/search-api/readiness-review?review=7d1e2a33-0c5b-4f4e-8a61-2b9d8e6f5c21',
    );
    const checkout = within(table).getByRole('row', { name: 'Checkout API' });
    expect(checkout).not.toHaveTextContent('Overdue');
    const states = screen.getByRole('group', { name: 'Filter by state' });
    expect(
      within(states).getByRole('button', { name: 'Draft: 1' }),
    ).toBeInTheDocument();
    expect(
      within(states).getByRole('button', { name: 'Approved: 0' }),
    ).toBeInTheDocument();
    expect(screen.getByText('120 reviews match')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({ page: 1, pageSize: 50 });
  });

  it('builds the query from the filters and pages on the server', async () => {
    const api = boardApi();
    await renderBoard(api);
    await screen.findByRole('table', { name: 'Readiness reviews' });

    await userEvent.click(screen.getByRole('button', { name: 'In review: 1' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        page: 1,
        pageSize: 50,
        state: ['in-review'],
      }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Changes requested: 0' }),
    );
    await choose('Stage', 'ga');
    await choose('Reviewer group', 'security');
    await choose('Team', 'Payments');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Waiting on my groups' }),
    );
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Overdue only' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search entities' }),
      'checkout',
    );

    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        page: 1,
        pageSize: 50,
        state: ['in-review', 'changes-requested'],
        stage: 'ga',
        reviewerGroup: 'group:default/security',
        team: 'group:default/team-payments',
        waitingOnMe: true,
        overdue: true,
        q: 'checkout',
      }),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Go to next page' }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ page: 2, pageSize: 50 }),
    );
    // A changed filter starts again from the first page.
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Overdue only' }),
    );
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ page: 1 }));
    expect(lastQuery(api).overdue).toBeUndefined();
  });

  it('says when no review matches', async () => {
    const api = fakeReliabilityApi({
      listReviews: jest
        .fn()
        .mockResolvedValue(
          reviewList({ items: [], total: 0, countsByState: {} }),
        ),
      getReviewTemplates: jest.fn().mockResolvedValue({ templates: [] }),
    });
    await renderBoard(api);

    expect(
      await screen.findByText('No review matches these filters.'),
    ).toBeInTheDocument();
    expect(screen.getByText('0 reviews match')).toBeInTheDocument();
  });

  it('shows why the board could not be loaded', async () => {
    const api = fakeReliabilityApi({
      listReviews: jest
        .fn()
        .mockRejectedValue(new Error('backend unreachable')),
      getReviewTemplates: jest.fn().mockResolvedValue({ templates: [] }),
    });
    await renderBoard(api);

    expect(await screen.findByText('backend unreachable')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
