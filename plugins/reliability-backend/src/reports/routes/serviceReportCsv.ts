import type { CsvCell } from '@preflight/plugin-reliability-common';
import { changeFailureRateOf } from '../metrics/changeFailureRate';
import { meanSeconds } from '../metrics/incidentMeasures';
import {
  emptyServiceSums,
  type ServicePeriodSums,
} from '../metrics/periodFigures';
import type { ReportEntity } from '../store/ReportStore';

/** Columns of the all-services CSV of a report, one entity a row. */
export const SERVICE_REPORT_CSV_HEADER = [
  'Entity',
  'Title',
  'Owner',
  'Service',
  'Incidents',
  'High urgency',
  'Low urgency',
  'Previous incidents',
  'MTTA mean (s)',
  'MTTR mean (s)',
  'Unacknowledged',
  'Unresolved',
  'Open at period end',
  'Noise incidents',
  'Noise share',
  'Changes',
  'Failed changes',
  'Change failure rate',
  'Note',
];

/** Six decimals: more than any figure here means, without float residue. */
function figure(value: number | null): CsvCell {
  return value === null ? null : Number(value.toFixed(6));
}

/**
 * The rows of mapped entities with their services' sums over the period and
 * the one before (services without rows in a period have all zeros). An
 * entity is a row: two entities sharing a service show the same figures,
 * as on the report. Titles and refs are written as text; `toCsv` keeps a
 * catalog title from turning into a spreadsheet formula.
 */
export function serviceReportCsvRows(
  entities: readonly ReportEntity[],
  current: ReadonlyMap<string, ServicePeriodSums>,
  previous: ReadonlyMap<string, ServicePeriodSums>,
): CsvCell[][] {
  return entities.map(entity => {
    const sums =
      current.get(entity.serviceId) ?? emptyServiceSums(entity.serviceId);
    const before =
      previous.get(entity.serviceId) ?? emptyServiceSums(entity.serviceId);
    const incidents = sums.high + sums.low;
    const change = changeFailureRateOf(sums.changes, sums.failedChanges);
    return [
      entity.entityRef,
      entity.title,
      entity.ownerRef ?? '',
      entity.serviceId,
      incidents,
      sums.high,
      sums.low,
      before.high + before.low,
      figure(meanSeconds(sums.ackCount, sums.ackSumMs)),
      figure(meanSeconds(sums.resolveCount, sums.resolveSumMs)),
      sums.unacknowledged,
      sums.unresolved,
      sums.openAtEnd,
      sums.noise,
      figure(incidents === 0 ? null : sums.noise / incidents),
      sums.changes,
      sums.failedChanges,
      figure(change.rate),
      change.status === 'no-change-data' ? 'no change data' : '',
    ];
  });
}
