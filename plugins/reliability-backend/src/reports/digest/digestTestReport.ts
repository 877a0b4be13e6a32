// A hand-built group report for the digest tests: only what a digest reads
// is meaningful, the rest is empty.
import type {
  MetricDelta,
  ReliabilityReportResponse,
  ReportDeltas,
} from '@preflight/plugin-reliability-common';
import { monthPeriod } from '../metrics/reportPeriod';

export function delta(
  current: number | null,
  previous: number | null,
): MetricDelta {
  const change =
    current === null || previous === null ? null : current - previous;
  return {
    current,
    previous,
    change,
    relativeChange: change === null || !previous ? null : change / previous,
    direction: null,
  };
}

export function groupReport(
  groupRef: string,
  title: string,
  month: [number, number],
  deltas: Partial<ReportDeltas> = {},
): ReliabilityReportResponse {
  const none = delta(null, null);
  return {
    scope: {
      kind: 'group',
      ref: groupRef,
      title,
      includesSubgroups: true,
      entityCount: 3,
      serviceCount: 3,
      rotationCount: 1,
    },
    period: monthPeriod(month[0], month[1], 'UTC'),
    deltas: {
      incidents: none,
      highUrgency: none,
      mttaMeanSeconds: none,
      mttrMeanSeconds: none,
      mttrP90Seconds: none,
      openAtPeriodEnd: none,
      changeFailureRate: none,
      actionableShare: none,
      pages: none,
      offHoursPages: none,
      sleepHoursPages: none,
      pagesPerShift: none,
      ...deltas,
    },
  } as Partial<ReliabilityReportResponse> as ReliabilityReportResponse;
}
