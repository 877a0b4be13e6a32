import { paymentsReport, quietReport } from '../__testUtils__/reportFixtures';
import { reliabilityReportCsv } from './reportCsv';

function lines(csv: string): string[] {
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(0, -2).split('\r\n');
}

describe('reliabilityReportCsv', () => {
  it('writes the headline figures one a row, raw and judged', () => {
    const rows = lines(reliabilityReportCsv(paymentsReport()));
    const scope = 'Payments,group:default/team-payments';

    // Written by hand from the fixture's figures.
    expect(rows.slice(0, 13)).toEqual([
      'Section,Measure,Subject,Entity,Unit,Value,Previous,Change,Judgement,Note',
      `Headline,Incidents,${scope},count,12,9,3,worse,`,
      `Headline,High-urgency incidents,${scope},count,8,5,3,worse,`,
      `Headline,MTTA (mean),${scope},seconds,270,300,-30,better,`,
      `Headline,MTTR (mean),${scope},seconds,4320,5400,-1080,better,`,
      `Headline,MTTR (p90),${scope},seconds,10800,14400,-3600,better,`,
      `Headline,Open at period end,${scope},count,1,0,1,worse,`,
      `Headline,Change failure rate,${scope},ratio,0.075,0.05,0.025,worse,`,
      `Headline,Actionable incidents,${scope},ratio,0.75,0.6,0.15,better,`,
      `Headline,Pages,${scope},count,8,5,3,worse,`,
      `Headline,Off-hours pages,${scope},count,3,3,0,no change,`,
      `Headline,Sleep-hours pages,${scope},count,1,,,,`,
      `Headline,Pages per shift,${scope},rate,2,1.25,0.75,worse,`,
    ]);
  });

  it('writes per-service, per-SLO, per-rotation and per-person figures', () => {
    const rows = lines(reliabilityReportCsv(paymentsReport()));

    expect(rows).toEqual(
      expect.arrayContaining([
        'Incidents,Longest incident,Checkout API,component:default/checkout-api,seconds,14400,,,,incident Q1LONG',
        'SLOs,Budget left,Checkout API: checkout-availability,component:default/checkout-api,ratio,-0.5,,,,',
        'SLOs,Mean attainment,Payments,group:default/team-payments,ratio,0.99675,0.9985,-0.00175,worse,',
        'SLO trend,SLOs with data,2026-08,,count,0,,,,no SLO data',
        'SLO trend,Page alert time,2026-10,,seconds,600,,,,',
        'Change failure,Change failure rate,Payments worker,component:default/payments-worker,ratio,0.066667,,,,',
        'Change failure,Changes,Ledger,component:default/ledger,count,0,,,,',
        'Change failure,Change failure rate,Ledger,component:default/ledger,ratio,,,,,no change data',
        'On-call,Fairness (Gini),PPOLICY1,,rate,0.125,,,,',
        'On-call,Pages per week,alice.smith,,rate,1.17,,,,rotation PPOLICY1',
        'Alert quality,Noise share,Payments worker,component:default/payments-worker,ratio,0.4,,,,2 of 5 incidents',
        'Movers,Incidents,Ledger,component:default/ledger,count,1,3,-2,better,',
        'Movers,Noise,Payments worker,component:default/payments-worker,count,2,0,2,worse,',
      ]),
    );
    // 12 headline, 5 incident, 5 SLO figure, 9 + 3×6 SLO trend (one row a
    // month without SLO data), 2×5 SLO, 3×3 change, 7 rotation, 2×4
    // person, 2 noise and 4 mover rows, under the header.
    expect(rows).toHaveLength(1 + 12 + 5 + 5 + 27 + 10 + 9 + 7 + 8 + 2 + 4);
  });

  it('counts the services and rotations a bounded report leaves out', () => {
    const report = paymentsReport();
    const rows = lines(
      reliabilityReportCsv({
        ...report,
        scope: { ...report.scope, serviceCount: 10_000, rotationCount: 60 },
        changeFailure: { ...report.changeFailure, serviceCount: 10_000 },
      }),
    );

    expect(rows).toContain(
      'Change failure,Services not listed,Payments,group:default/team-payments,count,9997,,,,the report lists those with the most failed changes',
    );
    expect(rows).toContain(
      'On-call,Rotations not listed,Payments,group:default/team-payments,count,59,,,,the report lists the most paged ones',
    );
    expect(
      lines(reliabilityReportCsv(report)).filter(row =>
        row.includes('not listed'),
      ),
    ).toEqual([]);
  });

  it('leaves a missing change failure rate empty with the reason, never 0', () => {
    const rows = lines(reliabilityReportCsv(quietReport()));

    expect(rows).toContain(
      'Headline,Change failure rate,Payments,group:default/team-payments,ratio,,,,,no change data',
    );
    expect(rows).toContain(
      'Headline,MTTA (mean),Payments,group:default/team-payments,seconds,,,,,',
    );
  });
});
