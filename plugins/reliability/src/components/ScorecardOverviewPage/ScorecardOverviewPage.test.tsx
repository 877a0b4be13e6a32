import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { entityTitlePresentation } from '../../__testUtils__/entityTitlePresentation';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { reliabilityApiRef } from '../../api';
import { fakeReliabilityApi } from '../../__testUtils__/fakeReliabilityApi';
import { mockResizeObserver } from '../../__testUtils__/mockResizeObserver';
import {
  fleetOverview,
  sloDefinedToBronzePreview,
} from '../../__testUtils__/scorecardFixtures';
import { NOW } from '../../__testUtils__/summaryFixtures';
import { ScorecardOverviewPage } from './ScorecardOverviewPage';
import { expectAccessibleNames } from '../../__testUtils__/expectAccessibleNames';

// These tests click through whole tables; on a loaded 2-core CI machine
// that takes longer than jest's default 5 seconds.
jest.setTimeout(30_000);

async function renderPage(
  api = fakeReliabilityApi(),
  presentation = entityTitlePresentation({}),
  url = '/reliability/scorecards',
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api],
        [entityPresentationApiRef, presentation],
      ]}
    >
      <ScorecardOverviewPage now={NOW} />
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: [url],
    },
  );
  return api;
}

async function choose(label: string, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(
    within(screen.getByRole('listbox')).getByRole('option', { name: option }),
  );
}

describe('ScorecardOverviewPage', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('ranks the teams by average score with links and level bars', async () => {
    await renderPage(
      fakeReliabilityApi({
        getScorecardOverview: jest.fn().mockResolvedValue(fleetOverview()),
      }),
    );

    const table = await screen.findByRole('table', {
      name: 'Teams ranked by average score',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.getAttribute('aria-label'))).toEqual([
      'Platform',
      'Payments',
      'team-search',
    ]);
    expect(rows[1]).toHaveTextContent('2Payments1072.3%');
    expect(
      within(rows[1]).getByRole('link', { name: 'Payments' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/team-payments/scorecards',
    );
    expect(
      within(rows[1]).getByRole('img', {
        name: 'No level 2, Bronze 5, Silver 2, Gold 1',
      }),
    ).toBeInTheDocument();

    // Teams count what they own themselves; the header says so.
    expect(
      within(table).getByRole('columnheader', { name: 'Own entities' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Teams ranked' }),
    ).toHaveTextContent('Each entity counts once');
    // The department above the teams appears, with its sub-teams included.
    const departments = screen.getByRole('table', {
      name: 'Departments by average score, sub-teams included',
    });
    expect(
      within(departments).getByRole('columnheader', {
        name: 'Entities (with sub-teams)',
      }),
    ).toBeInTheDocument();
    expect(
      within(departments).getByRole('row', { name: 'Engineering' }),
    ).toHaveTextContent('1Engineering2472.1%');
    expect(
      within(departments).getByRole('link', { name: 'Engineering' }),
    ).toHaveAttribute('href', '/catalog/default/group/engineering/scorecards');

    const fleet = screen.getByRole('region', { name: 'Fleet' });
    expect(fleet).toHaveTextContent('24 entities in scope, 3 teams');
    expect(
      within(fleet).getByRole('group', { name: 'At Gold' }),
    ).toHaveTextContent('3');
    expect(
      screen.getByRole('figure', {
        name: 'Fleet level distribution over time',
      }),
    ).toBeInTheDocument();
  });

  it("shows a team the backend stored no title for by the catalog's title", async () => {
    await renderPage(
      fakeReliabilityApi({
        getScorecardOverview: jest.fn().mockResolvedValue(fleetOverview()),
      }),
      entityTitlePresentation({ 'group:default/team-search': 'Search' }),
    );

    const table = await screen.findByRole('table', {
      name: 'Teams ranked by average score',
    });
    const search = within(table).getByRole('row', { name: 'Search' });
    expect(
      within(search).getByRole('link', { name: 'Search' }),
    ).toHaveAttribute('href', '/catalog/default/group/team-search/scorecards');
    expect(table).not.toHaveTextContent('team-search');
  });

  it('lists the checks failing most with failing and error counts', async () => {
    await renderPage(
      fakeReliabilityApi({
        getScorecardOverview: jest.fn().mockResolvedValue(fleetOverview()),
      }),
    );

    const table = await screen.findByRole('table', {
      name: 'Checks failing most',
    });
    const coverage = within(table).getByRole('row', {
      name: 'Level 1 always covered',
    });
    expect(coverage).toHaveTextContent('Silver62');
    expect(
      within(coverage).getByLabelText('Level: Silver'),
    ).toBeInTheDocument();
    expect(
      within(coverage).getByRole('img', {
        name: '6 failing and 2 in error of 18 entities',
      }),
    ).toBeInTheDocument();
  });

  it('drills from a failing check to the teams it fails for, and on to their entities', async () => {
    await renderPage(
      fakeReliabilityApi({
        getScorecardOverview: jest.fn().mockResolvedValue(fleetOverview()),
      }),
      entityTitlePresentation({ 'group:default/team-search': 'Search' }),
    );

    const checks = await screen.findByRole('table', {
      name: 'Checks failing most',
    });
    // Every listed check is a link to its drill-down.
    const links = within(checks).getAllByRole('link');
    expectAccessibleNames(links, [
      'SLOs defined',
      'Level 1 always covered',
      'TechDocs annotation',
    ]);
    expect(links.map(link => link.getAttribute('href'))).toEqual([
      '/reliability/scorecards?check=slo-defined',
      '/reliability/scorecards?check=level1-always-covered',
      '/reliability/scorecards?check=techdocs-annotation',
    ]);
    expect(
      screen.queryByRole('region', { name: /^Where/ }),
    ).not.toBeInTheDocument();

    await userEvent.click(
      within(checks).getByRole('link', { name: 'Level 1 always covered' }),
    );

    const drill = await screen.findByRole('region', {
      name: 'Where “Level 1 always covered” fails',
    });
    expect(
      within(checks).getByRole('link', { name: 'Level 1 always covered' }),
    ).toHaveAttribute('aria-current', 'true');
    const teams = within(drill).getByRole('table', {
      name: 'Teams failing Level 1 always covered',
    });
    const rows = within(teams).getAllByRole('row').slice(1);
    expect(
      rows.map(row =>
        within(row)
          .getAllByRole('cell')
          .map(cell => cell.textContent),
      ),
    ).toEqual([
      // Team, failing, in error.
      ['Search', '4', '2'],
      ['Payments', '2', '0'],
    ]);
    // Each team opens its own scorecards narrowed to this check: the
    // count here is the number of rows there.
    expect(
      within(rows[0]).getByRole('link', { name: 'Search' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/team-search/scorecards?owner=group%3Adefault%2Fteam-search&check=level1-always-covered',
    );
    expect(
      within(rows[1]).getByRole('link', { name: 'Payments' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/team-payments/scorecards?owner=group%3Adefault%2Fteam-payments&check=level1-always-covered',
    );

    await userEvent.click(within(drill).getByRole('link', { name: 'Close' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: /^Where/ }),
      ).not.toBeInTheDocument(),
    );
  });

  it('opens on a check named in the address, even one failing nowhere now', async () => {
    await renderPage(
      fakeReliabilityApi({
        getScorecardOverview: jest.fn().mockResolvedValue(fleetOverview()),
      }),
      entityTitlePresentation({}),
      '/reliability/scorecards?check=techdocs-annotation',
    );
    const drill = await screen.findByRole('region', {
      name: 'Where “TechDocs annotation” fails',
    });
    expect(
      within(drill).getByRole('link', { name: 'team-search' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/team-search/scorecards?owner=group%3Adefault%2Fteam-search&check=techdocs-annotation',
    );
    // One more failing entity than the teams hold: a person owns it.
    expect(drill).toHaveTextContent(
      '1 more entity is owned by a person rather than a team.',
    );
  });

  it('says when the check in the address fails nowhere', async () => {
    await renderPage(
      fakeReliabilityApi({
        getScorecardOverview: jest.fn().mockResolvedValue(fleetOverview()),
      }),
      entityTitlePresentation({}),
      '/reliability/scorecards?check=owner-set',
    );
    expect(
      await screen.findByText(/fails nowhere in the fleet now/),
    ).toBeInTheDocument();
  });

  it('previews a rubric change: summary, before and after, entities that drop', async () => {
    const api = await renderPage(
      fakeReliabilityApi({
        getScorecardOverview: jest.fn().mockResolvedValue(fleetOverview()),
        previewRubricChange: jest
          .fn()
          .mockResolvedValue(sloDefinedToBronzePreview()),
      }),
    );
    const panel = await screen.findByRole('region', { name: 'What if?' });
    const preview = within(panel).getByRole('button', { name: 'Preview' });
    expect(preview).toBeDisabled();

    await choose('Check', 'SLOs defined');
    await choose('To level', 'Bronze');
    await userEvent.click(preview);

    expect(
      await within(panel).findByText(
        'Adding “SLOs defined” to Bronze drops 4 entities below Bronze.',
      ),
    ).toBeInTheDocument();
    expect(api.previewRubricChange).toHaveBeenCalledWith(
      { changes: [{ op: 'add', checkId: 'slo-defined', levelId: 'bronze' }] },
      expect.anything(),
    );
    expect(
      within(panel).getByRole('figure', {
        name: 'Entities per level before and after: No level 5 → 9, Bronze 9 → 5, Silver 7 → 7, Gold 3 → 3',
      }),
    ).toBeInTheDocument();
    const drops = within(panel).getByRole('list', {
      name: 'Entities that would drop',
    });
    expect(within(drops).getAllByRole('listitem')).toHaveLength(4);
    expect(
      within(drops).getByRole('link', { name: 'checkout-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(drops).toHaveTextContent('Bronze → No level');
  });

  it('previews several changes at once and lists the entities that rise as well as those that drop, saying each count once', async () => {
    const summary =
      'Adding “SLOs defined” to Bronze and removing “SLOs met” from Gold drops 1 of 24 entities a level or more; 1 entity rises a level or more.';
    const api = await renderPage(
      fakeReliabilityApi({
        getScorecardOverview: jest.fn().mockResolvedValue(fleetOverview()),
        previewRubricChange: jest.fn().mockResolvedValue({
          ...sloDefinedToBronzePreview(),
          droppedCount: 1,
          raisedCount: 1,
          moves: [
            {
              entityRef: 'component:default/checkout-api',
              ownerRef: 'group:default/team-payments',
              from: 'bronze',
              to: null,
            },
            {
              entityRef: 'component:default/ledger',
              ownerRef: 'group:default/team-payments',
              from: 'silver',
              to: 'gold',
            },
          ],
          summary,
        }),
      }),
    );
    const panel = await screen.findByRole('region', { name: 'What if?' });

    await choose('Check', 'SLOs defined');
    await choose('To level', 'Bronze');
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Add another change' }),
    );
    await choose('Change', 'Remove');
    await choose('Check', 'SLOs met');
    const proposed = within(panel).getByRole('list', {
      name: 'Proposed changes',
    });
    expect(proposed).toHaveTextContent('Add “SLOs defined” to Bronze');
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Preview' }),
    );

    expect(api.previewRubricChange).toHaveBeenCalledWith(
      {
        changes: [
          { op: 'add', checkId: 'slo-defined', levelId: 'bronze' },
          { op: 'remove', checkId: 'slo-met', levelId: 'gold' },
        ],
      },
      expect.anything(),
    );
    // The summary once, not followed by a second sentence saying the same.
    expect(await within(panel).findByRole('status')).toHaveTextContent(
      new RegExp(`^${summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    const drops = within(panel).getByRole('list', {
      name: 'Entities that would drop',
    });
    expect(
      within(drops).getByRole('link', { name: 'checkout-api' }),
    ).toBeVisible();
    const rises = within(panel).getByRole('list', {
      name: 'Entities that would rise',
    });
    expect(within(rises).getByRole('link', { name: 'ledger' })).toBeVisible();
    expect(rises).toHaveTextContent('Silver → Gold');
  });

  it('removing a check takes the level it belongs to', async () => {
    const api = await renderPage(
      fakeReliabilityApi({
        getScorecardOverview: jest.fn().mockResolvedValue(fleetOverview()),
        previewRubricChange: jest.fn().mockResolvedValue({
          ...sloDefinedToBronzePreview(),
          changes: [{ op: 'remove', checkId: 'slo-met', levelId: 'gold' }],
          droppedCount: 0,
          raisedCount: 2,
          moves: [],
          summary: 'Removing “SLOs met” from Gold raises 2 entities to Gold.',
        }),
      }),
    );
    const panel = await screen.findByRole('region', { name: 'What if?' });

    await choose('Change', 'Remove');
    await choose('Check', 'SLOs met');
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Preview' }),
    );

    expect(
      await within(panel).findByText(/raises 2 entities to Gold/),
    ).toBeInTheDocument();
    expect(api.previewRubricChange).toHaveBeenCalledWith(
      { changes: [{ op: 'remove', checkId: 'slo-met', levelId: 'gold' }] },
      expect.anything(),
    );
  });

  it("shows the backend's reason when a preview is refused", async () => {
    await renderPage(
      fakeReliabilityApi({
        getScorecardOverview: jest.fn().mockResolvedValue(fleetOverview()),
        previewRubricChange: jest
          .fn()
          .mockRejectedValue(
            new Error('changes[0].checkId: unknown check "slo-foo"'),
          ),
      }),
    );
    const panel = await screen.findByRole('region', { name: 'What if?' });
    await choose('Check', 'SLOs defined');
    await choose('To level', 'Gold');
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Preview' }),
    );

    expect(
      await within(panel).findByText(
        'Could not preview the change: changes[0].checkId: unknown check "slo-foo"',
      ),
    ).toBeInTheDocument();
  });

  it('shows an error with retry when the overview cannot be read', async () => {
    const api = fakeReliabilityApi({
      getScorecardOverview: jest
        .fn()
        .mockRejectedValueOnce(new Error('database is locked'))
        .mockResolvedValueOnce(fleetOverview()),
    });
    await renderPage(api);

    expect(await screen.findByText('database is locked')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('table', {
        name: 'Teams ranked by average score',
      }),
    ).toBeInTheDocument();
  });

  it('says when nothing has been evaluated yet', async () => {
    await renderPage(
      fakeReliabilityApi({
        getScorecardOverview: jest.fn().mockResolvedValue({
          ...fleetOverview(),
          totalEntities: 0,
          teams: [],
          departments: [],
          failingChecks: [],
          trend: [],
          distribution: {},
          lastEvaluatedAt: null,
        }),
      }),
    );
    expect(
      await screen.findByText(/Scorecards have not been evaluated yet/),
    ).toBeInTheDocument();
  });
});
