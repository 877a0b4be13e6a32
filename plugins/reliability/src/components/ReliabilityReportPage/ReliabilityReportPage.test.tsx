import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { reliabilityApiRef } from '../../api';
import { fakeReliabilityApi } from '../../__testUtils__/fakeReliabilityApi';
import { mockResizeObserver } from '../../__testUtils__/mockResizeObserver';
import { refusal } from '../../__testUtils__/refusal';
import { paymentsReport, REPORT_NOW } from '../../__testUtils__/reportFixtures';
import { ReliabilityReportPage } from './ReliabilityReportPage';

// Whole report pages with charts take a while on a loaded 2-core machine.
jest.setTimeout(30_000);

function organizationReport() {
  const report = paymentsReport();
  return {
    ...report,
    scope: {
      ...report.scope,
      kind: 'organization' as const,
      ref: null,
      title: 'Organisation',
      includesSubgroups: false,
    },
  };
}

async function renderPage(api = fakeReliabilityApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <ReliabilityReportPage now={REPORT_NOW} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

describe('ReliabilityReportPage', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('shows the headline figures with their change judged in words', async () => {
    const api = await renderPage(
      fakeReliabilityApi({
        getOrganizationReport: jest
          .fn()
          .mockResolvedValue(organizationReport()),
      }),
    );

    expect(
      await screen.findByRole('heading', {
        name: 'Organisation: November 2026',
      }),
    ).toBeInTheDocument();
    // The backend picks the default month; the page asks for none.
    expect(api.getOrganizationReport).toHaveBeenCalledWith(
      {},
      expect.anything(),
    );

    const incidents = screen.getByRole('group', { name: 'Incidents' });
    expect(within(incidents).getByText('12')).toBeInTheDocument();
    expect(
      within(incidents).getByText('+3 (+33.3%), worse'),
    ).toBeInTheDocument();
    expect(within(incidents).getByText(/October 2026: 9/)).toBeInTheDocument();

    const mttr = screen.getByRole('group', { name: 'MTTR (mean)' });
    expect(within(mttr).getByText('1h 12m')).toBeInTheDocument();
    expect(within(mttr).getByText('−18m (−20%), better')).toBeInTheDocument();

    const cfr = screen.getByRole('group', { name: 'Change failure rate' });
    expect(within(cfr).getByText('+2.5 pp, worse')).toBeInTheDocument();

    expect(
      within(
        screen.getByRole('group', { name: 'Sleep-hours pages' }),
      ).getByText('no previous figure'),
    ).toBeInTheDocument();
    expect(screen.getByText(/data as of/)).toBeInTheDocument();
  });

  it('names services by entity title, linking to the entity; no change data is not 0%', async () => {
    await renderPage(
      fakeReliabilityApi({
        getOrganizationReport: jest
          .fn()
          .mockResolvedValue(organizationReport()),
      }),
    );

    const changes = await screen.findByRole('table', {
      name: 'Change failure rate by service',
    });
    const rows = within(changes).getAllByRole('row').slice(1);
    expect(
      within(rows[0]).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(within(rows[2]).getByRole('link', { name: 'Ledger' })).toBeVisible();
    expect(within(rows[2]).getByText('no change data')).toBeInTheDocument();
    expect(within(rows[2]).queryByText('0%')).not.toBeInTheDocument();

    const people = screen.getByRole('table', {
      name: 'People of rotation PPOLICY1',
    });
    expect(
      within(people).getByRole('link', { name: 'alice.smith' }),
    ).toHaveAttribute('href', '/catalog/default/user/alice.smith');
    expect(within(people).getByText('PBOB42')).toBeInTheDocument();
    expect(
      screen.getByText('Fairness (Gini, 0 = even): 0.13'),
    ).toBeInTheDocument();

    const movers = screen.getByRole('table', {
      name: 'Services that moved most',
    });
    expect(
      within(movers).getByText('−1h 30m (−75%), better'),
    ).toBeInTheDocument();

    const slos = screen.getByRole('table', { name: 'SLOs at period end' });
    const availability = within(slos).getByRole('row', {
      name: 'checkout-availability',
    });
    expect(
      within(availability).getByText('exhausted (-50%)'),
    ).toBeInTheDocument();
    expect(within(availability).getByText('99.85% (below)')).toBeVisible();
  });

  it('says how many services and rotations the bounded lists leave out', async () => {
    const report = organizationReport();
    await renderPage(
      fakeReliabilityApi({
        getOrganizationReport: jest.fn().mockResolvedValue({
          ...report,
          scope: { ...report.scope, serviceCount: 10_000, rotationCount: 60 },
          changeFailure: {
            ...report.changeFailure,
            serviceCount: 10_000,
            measuredServiceCount: 4_000,
          },
        }),
      }),
    );

    expect(
      await screen.findByText(
        'Most failed changes first; and 9,997 more services (4,000 with change data in all).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Most pages first; and 59 more rotations.'),
    ).toBeInTheDocument();
  });

  it('names rotations and people as the on-call source does, ids otherwise', async () => {
    const report = organizationReport();
    const [rotation] = report.onCall;
    await renderPage(
      fakeReliabilityApi({
        getOrganizationReport: jest.fn().mockResolvedValue({
          ...report,
          onCall: [
            {
              ...rotation,
              rotationName: 'Payments primary',
              people: rotation.people.map(person =>
                person.personId === 'PBOB42'
                  ? { ...person, personName: 'Bob Jones' }
                  : person,
              ),
            },
          ],
        }),
      }),
    );

    const people = await screen.findByRole('table', {
      name: 'People of rotation Payments primary',
    });
    expect(within(people).getByText('Bob Jones')).toHaveAttribute(
      'title',
      'PBOB42',
    );
    expect(within(people).queryByText('PBOB42')).not.toBeInTheDocument();
    expect(
      within(people).getByRole('link', { name: 'alice.smith' }),
    ).toBeInTheDocument();
  });

  it('gives every trend chart a table of its figures', async () => {
    await renderPage(
      fakeReliabilityApi({
        getOrganizationReport: jest
          .fn()
          .mockResolvedValue(organizationReport()),
      }),
    );

    expect(
      await screen.findByRole('figure', { name: 'Incidents by urgency' }),
    ).toBeInTheDocument();
    const cfr = screen.getByRole('table', {
      name: 'Change failure rate, by month',
    });
    expect(
      within(cfr).getByRole('row', { name: 'January 2026 no change data' }),
    ).toBeInTheDocument();
    expect(
      within(cfr).getByRole('row', { name: 'November 2026 7.8%' }),
    ).toBeInTheDocument();
    const incidents = screen.getByRole('table', {
      name: 'Incidents by urgency, by month',
    });
    expect(
      within(incidents).getByRole('row', { name: 'November 2026 6 6' }),
    ).toBeInTheDocument();
  });

  it('steps back a month and cannot step into a month not over yet', async () => {
    const api = await renderPage(
      fakeReliabilityApi({
        getOrganizationReport: jest
          .fn()
          .mockResolvedValue(organizationReport()),
      }),
    );

    await screen.findByRole('heading', { name: 'Organisation: November 2026' });
    expect(screen.getByRole('button', { name: 'Next month' })).toBeDisabled();
    expect(screen.getByLabelText('Month')).toHaveValue('2026-11');

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous month' }),
    );

    await waitFor(() =>
      expect(api.getOrganizationReport).toHaveBeenLastCalledWith(
        { month: '2026-10' },
        expect.anything(),
      ),
    );
    expect(screen.getByLabelText('Month')).toHaveValue('2026-10');
    expect(screen.getByRole('button', { name: 'Next month' })).toBeEnabled();
  });

  it('shows the backend’s refusal of a period and retries', async () => {
    const getOrganizationReport = jest
      .fn()
      .mockRejectedValueOnce(
        await refusal(400, 'InputError', 'month: 2026-13 is not a month'),
      )
      .mockResolvedValueOnce(organizationReport());
    await renderPage(fakeReliabilityApi({ getOrganizationReport }));

    expect(
      await screen.findByText('InputError: month: 2026-13 is not a month'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(
      await screen.findByRole('heading', {
        name: 'Organisation: November 2026',
      }),
    ).toBeInTheDocument();
  });

  it('says it is loading while the report is on its way', async () => {
    await renderPage(
      fakeReliabilityApi({
        getOrganizationReport: jest.fn(() => new Promise<never>(() => {})),
      }),
    );

    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading reliability report',
      }),
    ).toBeInTheDocument();
  });

  it('downloads the Markdown and the CSV written from the report', async () => {
    const files: Array<{ name: string; blob: Blob }> = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      files.push({ name: '', blob });
      return `blob:${files.length}`;
    });
    const previous = {
      create: URL.createObjectURL,
      revoke: URL.revokeObjectURL,
    };
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        files[files.length - 1].name = this.download;
      });
    try {
      await renderPage(
        fakeReliabilityApi({
          getOrganizationReport: jest
            .fn()
            .mockResolvedValue(organizationReport()),
        }),
      );

      await userEvent.click(
        await screen.findByRole('button', { name: 'Download Markdown' }),
      );
      await userEvent.click(
        screen.getByRole('button', { name: 'Download CSV' }),
      );

      expect(files.map(f => f.name)).toEqual([
        'reliability-report-organization-2026-11.md',
        'reliability-report-organization-2026-11.csv',
      ]);
      const markdown = await files[0].blob.text();
      expect(markdown).toMatch(
        /^# Reliability report: Organisation, November 2026\n/,
      );
      expect(markdown).toContain('| Incidents | 12 | 9 | +3 (+33.3%), worse |');
      const csv = await files[1].blob.text();
      expect(csv).toContain(
        'Headline,Incidents,Organisation,,count,12,9,3,worse,',
      );
    } finally {
      click.mockRestore();
      URL.createObjectURL = previous.create;
      URL.revokeObjectURL = previous.revoke;
    }
  });

  it('downloads every service of the organisation as CSV from the backend', async () => {
    const blobs: Blob[] = [];
    const previous = {
      create: URL.createObjectURL,
      revoke: URL.revokeObjectURL,
    };
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:${blobs.length}`;
    });
    URL.revokeObjectURL = jest.fn();
    const names: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        names.push(this.download);
      });
    const csv = 'Entity,Title\r\ncomponent:default/svc-01,Service 1\r\n';
    try {
      const api = await renderPage(
        fakeReliabilityApi({
          getOrganizationReport: jest
            .fn()
            .mockResolvedValue(organizationReport()),
          exportReportServices: jest.fn().mockResolvedValue(csv),
        }),
      );

      await userEvent.click(
        await screen.findByRole('button', {
          name: 'Download all services (CSV)',
        }),
      );

      expect(await screen.findByText('Every service exported')).toBeVisible();
      // The organisation (no group) over the report's own month.
      expect(api.exportReportServices).toHaveBeenCalledWith(
        {},
        { month: '2026-11' },
      );
      expect(names).toEqual(['reliability-services-organization-2026-11.csv']);
      // Saved as the backend wrote it (a reader may drop the byte-order mark).
      expect((await blobs[0].text()).replace(/^\uFEFF/, '')).toBe(csv);
    } finally {
      click.mockRestore();
      URL.createObjectURL = previous.create;
      URL.revokeObjectURL = previous.revoke;
    }
  });
});
