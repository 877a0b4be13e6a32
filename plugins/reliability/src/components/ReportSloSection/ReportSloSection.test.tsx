import { screen, within } from '@testing-library/react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import type { ReliabilityReportResponse } from '@preflight/plugin-reliability-common';
import { mockResizeObserver } from '../../__testUtils__/mockResizeObserver';
import { noSlos, paymentsReport } from '../../__testUtils__/reportFixtures';
import { ReportSloSection } from './ReportSloSection';

jest.setTimeout(30_000);

async function renderSection(report: ReliabilityReportResponse) {
  await renderInTestApp(<ReportSloSection report={report} />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return screen.getByRole('region', { name: 'SLOs' });
}

describe('ReportSloSection', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('shows the scope’s SLO figures against the previous month, the trend and each SLO', async () => {
    const section = await renderSection(paymentsReport());

    const tile = (name: string) => within(section).getByRole('group', { name });
    expect(tile('SLOs meeting objective')).toHaveTextContent(
      /^SLOs meeting objective1.*−1 \(−50%\), worse.*October 2026: 2$/,
    );
    expect(tile('Mean attainment')).toHaveTextContent(
      /^Mean attainment99\.68%.*−0\.18 pp, worse.*October 2026: 99\.85%$/,
    );
    expect(tile('Page alert time')).toHaveTextContent(/\+1h 20m/);

    // The trend's text alternative lists months without data as such.
    const attainment = within(section).getByRole('table', {
      name: 'SLO attainment at month end, by month',
    });
    const august = within(attainment).getByRole('row', {
      name: /August 2026/,
    });
    expect(within(august).getAllByText('no SLO data')).toHaveLength(2);
    const november = within(attainment).getByRole('row', {
      name: /November 2026/,
    });
    expect(within(november).getByText('99.5%')).toBeInTheDocument();
    expect(within(november).getByText('99.68%')).toBeInTheDocument();

    const table = within(section).getByRole('table', {
      name: 'SLOs at period end',
    });
    const checkout = within(table).getByRole('row', {
      name: 'checkout-availability',
    });
    expect(within(checkout).getByText('99.85% (below)')).toBeVisible();
    // Ledger's SLO was declared on 19 November.
    const ledger = within(table).getByRole('row', { name: 'ledger-latency' });
    expect(within(ledger).getByText(/data since/)).toBeInTheDocument();
    expect(within(checkout).queryByText(/data since/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Demo data/)).not.toBeInTheDocument();
  });

  it('says there is no SLO data, never zeros, and when history starts', async () => {
    const report = paymentsReport();
    const section = await renderSection({
      ...report,
      slos: { ...noSlos(), historyStartsOn: '2026-12-03' },
    });
    expect(
      within(section).getByText(/No SLO data for this period/),
    ).toHaveTextContent(/SLO history starts on .*3/);
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
    expect(within(section).queryByText('0%')).not.toBeInTheDocument();
  });

  it('marks generated demo figures and says when the list is cut', async () => {
    const report = paymentsReport();
    const section = await renderSection({
      ...report,
      slos: {
        ...report.slos,
        total: 140,
        demoData: true,
      },
    });
    expect(within(section).getByRole('alert')).toHaveTextContent(
      'Demo data: these SLO figures were generated from the demo scenario',
    );
    expect(
      within(section).getByText(
        /Listing the 2 SLOs with the least budget left of 140/,
      ),
    ).toBeInTheDocument();
  });
});
