import type {
  MetricDelta,
  OnCallHealthResponse,
  OnCallLoadMeasure,
  ReliabilityReportResponse,
  ReportSloSummary,
  ReportSloTrendPoint,
  ReportTrendPoint,
} from '@preflight/plugin-reliability-common';

function delta(
  current: number | null,
  previous: number | null,
  direction: MetricDelta['direction'],
): MetricDelta {
  const change =
    current === null || previous === null ? null : current - previous;
  return {
    current,
    previous,
    change,
    relativeChange:
      change === null || previous === 0 || previous === null
        ? null
        : change / Math.abs(previous),
    direction,
  };
}

/** Twelve months ending November 2026, with made-up but plausible figures. */
function trend(): ReportTrendPoint[] {
  const incidents = [7, 10, 6, 8, 11, 9, 5, 7, 12, 8, 9, 12];
  return incidents.map((count, index) => {
    const month =
      index === 0 ? '2025-12' : `2026-${String(index).padStart(2, '0')}`;
    return {
      month,
      incidents: count,
      highUrgency: Math.ceil(count / 2),
      mttaMeanSeconds: 240 + index * 10,
      mttrMeanSeconds: 3600 + index * 120,
      // No change events were synced before March 2026.
      changeFailureRate: index < 3 ? null : 0.05 + index / 400,
      actionableShare: 0.6 + index / 100,
      pages: Math.ceil(count / 2),
      offHoursPages: index % 3,
    };
  });
}

function paymentsRotation(): OnCallLoadMeasure {
  return {
    rotationId: 'PPOLICY1',
    shifts: 4,
    pages: 8,
    pagesPerShift: 2,
    offHoursPages: 3,
    sleepHoursPages: 1,
    pagesPerPersonPerWeek: 0.93,
    people: [
      {
        personId: 'user:default/alice.smith',
        shifts: 2,
        onCallHours: 336,
        pages: 5,
        offHoursPages: 2,
        sleepHoursPages: 1,
        pagesPerShift: 2.5,
        pagesPerWeek: 1.17,
      },
      {
        personId: 'PBOB42',
        shifts: 2,
        onCallHours: 336,
        pages: 3,
        offHoursPages: 1,
        sleepHoursPages: 0,
        pagesPerShift: 1.5,
        pagesPerWeek: 0.7,
      },
    ],
    fairness: { gini: 0.125, reason: null },
  };
}

const NO_SLO_FIGURES = {
  slos: 0,
  meetingObjective: 0,
  meanAttainment: null,
  minAttainment: null,
  meanBudgetConsumed: null,
  pageAlertSeconds: null,
};

/**
 * Twelve months of SLO trend ending November 2026: SLO history starts on
 * 12 September 2026, so the months before have no SLO data.
 */
function sloTrend(): ReportSloTrendPoint[] {
  const months = [
    '2025-12',
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
    '2026-08',
  ].map(month => ({ month, ...NO_SLO_FIGURES }));
  return [
    ...months,
    {
      month: '2026-09',
      slos: 1,
      meetingObjective: 1,
      meanAttainment: 0.999,
      minAttainment: 0.999,
      meanBudgetConsumed: 0.1,
      pageAlertSeconds: 0,
    },
    {
      month: '2026-10',
      slos: 2,
      meetingObjective: 2,
      meanAttainment: 0.9985,
      minAttainment: 0.998,
      meanBudgetConsumed: 0.25,
      pageAlertSeconds: 600,
    },
    {
      month: '2026-11',
      slos: 2,
      meetingObjective: 1,
      meanAttainment: 0.99675,
      minAttainment: 0.995,
      meanBudgetConsumed: 0.5,
      pageAlertSeconds: 5400,
    },
  ];
}

/** The payments team's two SLOs at the end of November 2026. */
export function paymentsSlos(): ReportSloSummary {
  return {
    total: 2,
    meetingObjective: 1,
    budgetExhausted: 1,
    pageAlertSeconds: 5400,
    period: {
      slos: 2,
      meetingObjective: 1,
      meanAttainment: 0.99675,
      minAttainment: 0.995,
      meanBudgetConsumed: 0.5,
      pageAlertSeconds: 5400,
    },
    previousPeriod: {
      slos: 2,
      meetingObjective: 2,
      meanAttainment: 0.9985,
      minAttainment: 0.998,
      meanBudgetConsumed: 0.25,
      pageAlertSeconds: 600,
    },
    deltas: {
      meetingObjective: delta(1, 2, 'worsened'),
      meanAttainment: delta(0.99675, 0.9985, 'worsened'),
      minAttainment: delta(0.995, 0.998, 'worsened'),
      meanBudgetConsumed: delta(0.5, 0.25, 'worsened'),
      pageAlertSeconds: delta(5400, 600, 'worsened'),
    },
    trend: sloTrend(),
    historyStartsOn: '2026-09-12',
    demoData: false,
    listLimit: 100,
    slos: [
      {
        entityRef: 'component:default/checkout-api',
        sloId: 'checkout-availability',
        sloName: 'checkout-availability',
        objective: 0.999,
        attainment: 0.9985,
        meetsObjective: false,
        budgetLeft: -0.5,
        budgetConsumed: 0.8,
        pageAlertSeconds: 5400,
        daysWithData: 30,
        firstDay: '2026-11-01',
        lastDay: '2026-11-30',
        previousAttainment: 0.9992,
        previousBudgetLeft: 0.2,
      },
      {
        entityRef: 'component:default/ledger',
        sloId: 'ledger-latency',
        sloName: 'ledger-latency',
        objective: 0.99,
        attainment: 0.995,
        meetsObjective: true,
        budgetLeft: 0.5,
        budgetConsumed: 0.2,
        pageAlertSeconds: 0,
        daysWithData: 12,
        firstDay: '2026-11-19',
        lastDay: '2026-11-30',
        previousAttainment: null,
        previousBudgetLeft: null,
      },
    ],
  };
}

/** A scope without SLO history. */
export function noSlos(): ReportSloSummary {
  return {
    total: 0,
    meetingObjective: 0,
    budgetExhausted: 0,
    pageAlertSeconds: 0,
    period: NO_SLO_FIGURES,
    previousPeriod: NO_SLO_FIGURES,
    deltas: {
      meetingObjective: delta(null, null, null),
      meanAttainment: delta(null, null, null),
      minAttainment: delta(null, null, null),
      meanBudgetConsumed: delta(null, null, null),
      pageAlertSeconds: delta(null, null, null),
    },
    trend: [],
    historyStartsOn: null,
    demoData: false,
    listLimit: 100,
    slos: [],
  };
}

/** Payments' report for November 2026 (Europe/Berlin), against October. */
export function paymentsReport(): ReliabilityReportResponse {
  return {
    scope: {
      kind: 'group',
      ref: 'group:default/team-payments',
      title: 'Payments',
      includesSubgroups: true,
      entityCount: 4,
      serviceCount: 3,
      rotationCount: 1,
    },
    period: {
      kind: 'month',
      timeZone: 'Europe/Berlin',
      startDate: '2026-11-01',
      endDate: '2026-12-01',
      start: '2026-10-31T23:00:00.000Z',
      end: '2026-11-30T23:00:00.000Z',
    },
    previousPeriod: {
      kind: 'month',
      timeZone: 'Europe/Berlin',
      startDate: '2026-10-01',
      endDate: '2026-11-01',
      start: '2026-09-30T22:00:00.000Z',
      end: '2026-10-31T23:00:00.000Z',
    },
    generatedAt: '2026-12-02T09:00:00.000Z',
    dataAsOf: '2026-12-02T06:00:00.000Z',
    historyStartsOn: '2025-12-01',
    warnings: [],
    services: [
      {
        serviceId: 'PSVC1',
        entityRef: 'component:default/checkout-api',
        title: 'Checkout API',
      },
      {
        serviceId: 'PSVC2',
        entityRef: 'component:default/payments-worker',
        title: 'Payments worker',
      },
      {
        serviceId: 'PSVC3',
        entityRef: 'component:default/ledger',
        title: 'Ledger',
      },
    ],
    incidents: {
      total: 12,
      byUrgency: { high: 8, low: 4 },
      mtta: {
        count: 10,
        meanSeconds: 270,
        p90Seconds: 900,
        p90Approximate: false,
      },
      unacknowledged: 2,
      mttr: {
        count: 11,
        meanSeconds: 4320,
        p90Seconds: 10800,
        p90Approximate: true,
      },
      unresolved: 1,
      openAtPeriodEnd: 1,
      longest: {
        incidentId: 'Q1LONG',
        serviceId: 'PSVC1',
        durationSeconds: 14400,
      },
    },
    previousIncidents: {
      total: 9,
      byUrgency: { high: 5, low: 4 },
      mtta: {
        count: 9,
        meanSeconds: 300,
        p90Seconds: 1200,
        p90Approximate: false,
      },
      unacknowledged: 0,
      mttr: {
        count: 9,
        meanSeconds: 5400,
        p90Seconds: 14400,
        p90Approximate: false,
      },
      unresolved: 0,
      openAtPeriodEnd: 0,
      longest: {
        incidentId: 'Q0LONG',
        serviceId: 'PSVC2',
        durationSeconds: 18000,
      },
    },
    changeFailure: {
      windowMinutes: 60,
      overall: {
        status: 'measured',
        changes: 40,
        failedChanges: 3,
        rate: 0.075,
      },
      services: [
        {
          serviceId: 'PSVC1',
          status: 'measured',
          changes: 25,
          failedChanges: 2,
          rate: 0.08,
        },
        {
          serviceId: 'PSVC2',
          status: 'measured',
          changes: 15,
          failedChanges: 1,
          rate: 1 / 15,
        },
        {
          serviceId: 'PSVC3',
          status: 'no-change-data',
          changes: 0,
          failedChanges: 0,
          rate: null,
        },
      ],
      serviceCount: 3,
      measuredServiceCount: 2,
    },
    onCall: [paymentsRotation()],
    alertQuality: {
      total: 12,
      actionable: 9,
      noise: 3,
      actionableShare: 0.75,
      noisiestServices: [
        { serviceId: 'PSVC2', total: 5, noise: 2, noiseShare: 0.4 },
        { serviceId: 'PSVC1', total: 6, noise: 1, noiseShare: 1 / 6 },
      ],
    },
    slos: paymentsSlos(),
    deltas: {
      incidents: delta(12, 9, 'worsened'),
      highUrgency: delta(8, 5, 'worsened'),
      mttaMeanSeconds: delta(270, 300, 'improved'),
      mttrMeanSeconds: delta(4320, 5400, 'improved'),
      mttrP90Seconds: delta(10800, 14400, 'improved'),
      openAtPeriodEnd: delta(1, 0, 'worsened'),
      changeFailureRate: delta(0.075, 0.05, 'worsened'),
      actionableShare: delta(0.75, 0.6, 'improved'),
      pages: delta(8, 5, 'worsened'),
      offHoursPages: delta(3, 3, 'unchanged'),
      sleepHoursPages: delta(1, null, null),
      pagesPerShift: delta(2, 1.25, 'worsened'),
    },
    movers: {
      incidents: [
        { serviceId: 'PSVC1', delta: delta(6, 2, 'worsened') },
        { serviceId: 'PSVC3', delta: delta(1, 3, 'improved') },
      ],
      mttrMeanSeconds: [
        { serviceId: 'PSVC2', delta: delta(1800, 7200, 'improved') },
      ],
      noise: [{ serviceId: 'PSVC2', delta: delta(2, 0, 'worsened') }],
    },
    trend: trend(),
  };
}

/** A report over a scope with no incidents, changes, pages or SLOs. */
export function quietReport(): ReliabilityReportResponse {
  const report = paymentsReport();
  const none = {
    count: 0,
    meanSeconds: null,
    p90Seconds: null,
    p90Approximate: false,
  };
  const incidents = {
    total: 0,
    byUrgency: { high: 0, low: 0 },
    mtta: none,
    unacknowledged: 0,
    mttr: none,
    unresolved: 0,
    openAtPeriodEnd: 0,
    longest: null,
  };
  return {
    ...report,
    scope: {
      ...report.scope,
      entityCount: 1,
      serviceCount: 0,
      rotationCount: 0,
    },
    services: [],
    incidents,
    previousIncidents: incidents,
    changeFailure: {
      windowMinutes: 60,
      overall: {
        status: 'no-change-data',
        changes: 0,
        failedChanges: 0,
        rate: null,
      },
      services: [],
      serviceCount: 0,
      measuredServiceCount: 0,
    },
    onCall: [],
    alertQuality: {
      total: 0,
      actionable: 0,
      noise: 0,
      actionableShare: null,
      noisiestServices: [],
    },
    slos: noSlos(),
    deltas: {
      incidents: delta(0, 0, 'unchanged'),
      highUrgency: delta(0, 0, 'unchanged'),
      mttaMeanSeconds: delta(null, null, null),
      mttrMeanSeconds: delta(null, null, null),
      mttrP90Seconds: delta(null, null, null),
      openAtPeriodEnd: delta(0, 0, 'unchanged'),
      changeFailureRate: delta(null, null, null),
      actionableShare: delta(null, null, null),
      pages: delta(0, 0, 'unchanged'),
      offHoursPages: delta(0, 0, 'unchanged'),
      sleepHoursPages: delta(0, 0, 'unchanged'),
      pagesPerShift: delta(null, null, null),
    },
    movers: { incidents: [], mttrMeanSeconds: [], noise: [] },
    trend: [],
  };
}

/** Payments' on-call health over the 28 days before Dec 2, 2026. */
export function paymentsOnCallHealth(): OnCallHealthResponse {
  const report = paymentsReport();
  return {
    group: 'group:default/team-payments',
    period: {
      kind: 'days',
      timeZone: 'Europe/Berlin',
      startDate: '2026-11-04',
      endDate: '2026-12-02',
      start: '2026-11-03T23:00:00.000Z',
      end: '2026-12-01T23:00:00.000Z',
    },
    dataAsOf: '2026-12-02T06:00:00.000Z',
    warnings: [],
    services: report.services,
    rotations: [paymentsRotation()],
    alertQuality: report.alertQuality,
  };
}

/** The clock of the report tests: the morning after November's report closed. */
export const REPORT_NOW = new Date('2026-12-02T10:00:00Z');
