import {
  type ChangeFailureMeasure,
  type ReliabilityReportResponse,
  REPORT_SERVICE_LIST_LIMIT,
  type ReportChangeFailure,
  type ServiceChangeFailureRate,
} from '@preflight/plugin-reliability-common';

/**
 * Worst first: most failed changes (each one an incident someone handled),
 * then the higher rate, then the most changes, then the id; services
 * without change data after every measured one, by id.
 */
function worseFirst(
  a: ServiceChangeFailureRate,
  b: ServiceChangeFailureRate,
): number {
  const measured = (s: ServiceChangeFailureRate) =>
    s.status === 'measured' ? 0 : 1;
  return (
    measured(a) - measured(b) ||
    b.failedChanges - a.failedChanges ||
    (b.rate ?? 0) - (a.rate ?? 0) ||
    b.changes - a.changes ||
    (a.serviceId < b.serviceId ? -1 : Number(a.serviceId > b.serviceId))
  );
}

/**
 * A report's change failure rate with the services it lists bounded: the
 * overall figure is over every service in scope, the list names the worst
 * `limit` and the counts say how many there are.
 */
export function boundedChangeFailure(
  measure: ChangeFailureMeasure,
  limit: number = REPORT_SERVICE_LIST_LIMIT,
): ReportChangeFailure {
  const services = [...measure.services].sort(worseFirst);
  return {
    ...measure,
    services: services.slice(0, limit),
    serviceCount: services.length,
    measuredServiceCount: services.filter(s => s.status === 'measured').length,
  };
}

/**
 * The ids of the services an answer names, so its service map carries
 * those entities only instead of every service in scope.
 */
export function namedServiceIds(
  report: Pick<
    ReliabilityReportResponse,
    | 'incidents'
    | 'previousIncidents'
    | 'changeFailure'
    | 'alertQuality'
    | 'movers'
  >,
): Set<string> {
  const ids = new Set<string>();
  for (const longest of [
    report.incidents.longest,
    report.previousIncidents.longest,
  ]) {
    if (longest) ids.add(longest.serviceId);
  }
  for (const service of report.changeFailure.services)
    ids.add(service.serviceId);
  for (const service of report.alertQuality.noisiestServices) {
    ids.add(service.serviceId);
  }
  for (const list of Object.values(report.movers)) {
    for (const movement of list) ids.add(movement.serviceId);
  }
  return ids;
}
