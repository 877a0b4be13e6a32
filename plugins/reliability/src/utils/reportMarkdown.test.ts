import { paymentsReport, quietReport } from '../__testUtils__/reportFixtures';
import { reliabilityReportMarkdown } from './reportMarkdown';

describe('reliabilityReportMarkdown', () => {
  it('writes the headline table with judged changes, then every section', () => {
    // Written by hand from the fixture's figures, not from the code.
    const expected = `# Reliability report: Payments, November 2026

- Period: 2026-11-01 to 2026-11-30 (Europe/Berlin), compared with 2026-10-01 to 2026-10-31
- Scope: 4 entities, 3 with on-call data, sub-teams included
- Data as of: Wed, Dec 2, 06:00 UTC; history starts on 2025-12-01

## Headline

| Measure | November 2026 | October 2026 | Change |
| --- | ---: | ---: | --- |
| Incidents | 12 | 9 | +3 (+33.3%), worse |
| High-urgency incidents | 8 | 5 | +3 (+60%), worse |
| MTTA (mean) | 4m 30s | 5m | −30s (−10%), better |
| MTTR (mean) | 1h 12m | 1h 30m | −18m (−20%), better |
| MTTR (p90) | 3h | 4h | −1h (−25%), better |
| Open at period end | 1 | 0 | +1, worse |
| Change failure rate | 7.5% | 5% | +2.5 pp, worse |
| Actionable incidents | 75% | 60% | +15 pp, better |
| Pages | 8 | 5 | +3 (+60%), worse |
| Off-hours pages | 3 | 3 | no change |
| Sleep-hours pages | 1 | no data | no previous figure |
| Pages per shift | 2 | 1.25 | +0.75 (+60%), worse |

## SLOs

2 SLOs, 1 meeting the objective at period end, 1 with no error budget left; page-level alerts fired for 1h 30m. SLO history starts on 2026-09-12; days before it have no SLO data.

| Figure | November 2026 | October 2026 | Change |
| --- | ---: | ---: | --- |
| SLOs meeting objective | 1 | 2 | −1 (−50%), worse |
| Mean attainment | 99.68% | 99.85% | −0.18 pp, worse |
| Lowest attainment | 99.5% | 99.8% | −0.3 pp, worse |
| Mean budget consumed | 50% | 25% | +25 pp, worse |
| Page alert time | 1h 30m | 10m | +1h 20m (+800%), worse |

| Entity | SLO | Objective | Attainment | Budget left | Budget consumed | Page alert | Days with data |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
| Checkout API | checkout-availability | 99.9% | 99.85% | exhausted (-50%) | 80% | 1h 30m | 30 |
| Ledger | ledger-latency | 99% | 99.5% | 50% left | 20% | 0s | 12 |

### SLOs by month

9 months of the last 12 have no SLO data and are left out.

| Month | SLOs | Meeting objective | Mean attainment | Lowest attainment | Mean budget consumed | Page alert |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| 2026-09 | 1 | 1 | 99.9% | 99.9% | 10% | 0s |
| 2026-10 | 2 | 2 | 99.85% | 99.8% | 25% | 10m |
| 2026-11 | 2 | 1 | 99.68% | 99.5% | 50% | 1h 30m |

## Incidents

| Measure | Value |
| --- | --- |
| Incidents | 12 (8 high, 4 low urgency) |
| MTTA | mean 4m 30s, p90 15m (10 acknowledged, 2 not) |
| MTTR | mean 1h 12m, p90 ≈3h (11 resolved, 1 not) |
| Open at period end | 1 |
| Longest | 4h, Checkout API (Q1LONG) |

## Change failure rate

7.5% (3 failed of 40 changes; a high-urgency incident within 60 minutes of a change counts against it).

| Service | Changes | Failed | Rate |
| --- | ---: | ---: | ---: |
| Checkout API | 25 | 2 | 8% |
| Payments worker | 15 | 1 | 6.7% |
| Ledger | 0 | 0 | no change data |

## On-call load

### Rotation PPOLICY1

4 shifts, 8 pages (2 per shift, 0.93 per person per week), 3 off hours, 1 in sleep hours; fairness (Gini, 0 = even): 0.13.

| Person | Shifts | Pages | Per shift | Per week | Off hours | Sleep hours |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| alice.smith | 2 | 5 | 2.5 | 1.17 | 2 | 1 |
| PBOB42 | 2 | 3 | 1.5 | 0.7 | 1 | 0 |

## Alert quality

75% actionable (9 of 12 incidents; 3 noise).

| Service | Incidents | Noise | Noise share |
| --- | ---: | ---: | ---: |
| Payments worker | 5 | 2 | 40% |
| Checkout API | 6 | 1 | 16.7% |

## Services that moved most

| Measure | Service | November 2026 | October 2026 | Change |
| --- | --- | ---: | ---: | --- |
| Incidents | Checkout API | 6 | 2 | +4 (+200%), worse |
| Incidents | Ledger | 1 | 3 | −2 (−66.7%), better |
| MTTR (mean) | Payments worker | 30m | 2h | −1h 30m (−75%), better |
| Noise | Payments worker | 2 | 0 | +2, worse |
`;
    expect(reliabilityReportMarkdown(paymentsReport())).toBe(expected);
  });

  it('says "no change data" rather than 0%, and what is empty', () => {
    const markdown = reliabilityReportMarkdown(quietReport());

    expect(markdown).toContain(
      '| Change failure rate | no change data | no change data | not comparable |',
    );
    expect(markdown).toContain(
      '## Change failure rate\n\nNo change data: no service in scope recorded a change event.\n',
    );
    expect(markdown).toContain('| MTTA | no data (0 acknowledged, 0 not) |');
    expect(markdown).toContain('| Longest | none resolved |');
    expect(markdown).toContain('## SLOs\n\nNo SLO data for this period.');
    expect(markdown).toContain('No on-call rotations in scope.');
    expect(markdown).toContain(
      '## Alert quality\n\nNo incidents in the period.',
    );
    expect(markdown).toContain(
      '## Services that moved most\n\nNo service moved.\n',
    );
    expect(markdown).not.toContain('0%');
  });

  it('says how many services and rotations a bounded list leaves out', () => {
    const report = paymentsReport();
    const markdown = reliabilityReportMarkdown({
      ...report,
      scope: { ...report.scope, serviceCount: 10_000, rotationCount: 60 },
      changeFailure: {
        ...report.changeFailure,
        serviceCount: 10_000,
        measuredServiceCount: 4_000,
      },
    });

    expect(markdown).toContain(
      '\n\nMost failed changes first; and 9,997 more services.\n',
    );
    expect(markdown).toContain('\n\nMost pages first; and 59 more rotations.');
    // A complete list says nothing of the kind.
    expect(reliabilityReportMarkdown(report)).not.toContain(' more ');
  });

  it('keeps catalog text from breaking tables, and quotes warnings', () => {
    const report = paymentsReport();
    report.services[0].title = 'Checkout | API\nv2';
    report.warnings = ['The PagerDuty sync failed\nat 05:00 UTC'];
    report.dataAsOf = null;

    const markdown = reliabilityReportMarkdown(report);

    expect(markdown).toContain('| Checkout \\| API v2 | 25 | 2 | 8% |');
    expect(markdown).toContain(
      '- Data as of: not synced yet; history starts on 2025-12-01\n\n> **Warning:** The PagerDuty sync failed at 05:00 UTC\n',
    );
  });
});
