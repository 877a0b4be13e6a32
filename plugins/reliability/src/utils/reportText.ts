import type {
  DurationMeasure,
  OnCallFairness,
  ReliabilityReportResponse,
} from '@preflight/plugin-reliability-common';
import { entityRefName } from './entityRefName';
import { formatReportValue, serviceRefIndex } from './reportFigures';

/**
 * Names for what a report refers to by id, shared by the page and the
 * exports so both call a service, an SLO's entity or a person the same.
 */
export interface ReportNames {
  /** A service's entity title, or its provider id when no entity maps to it. */
  service(serviceId: string): string;
  /** An entity's title when the report knows it, else the name in its ref. */
  entity(entityRef: string): string;
}

export function reportNames(
  report: Pick<ReliabilityReportResponse, 'services'>,
): ReportNames {
  const byService = serviceRefIndex(report.services);
  const byEntity = new Map(
    report.services.map(service => [service.entityRef, service.title]),
  );
  return {
    service: serviceId => byService(serviceId)?.title ?? serviceId,
    entity: entityRef => byEntity.get(entityRef) ?? entityRefName(entityRef),
  };
}

/**
 * What a bounded list leaves out, e.g. `and 9,990 more services`; null
 * when it lists everything.
 */
export function unlistedNote(
  listed: number,
  total: number,
  noun: { one: string; many: string },
): string | null {
  const more = total - listed;
  if (more <= 0) {
    return null;
  }
  return `and ${more.toLocaleString('en-US')} more ${
    more === 1 ? noun.one : noun.many
  }`;
}

/**
 * A person of a rotation: the name the on-call source gives them, else the
 * name in a user entity ref, else the provider's id as it is.
 */
export function personLabel(personId: string, personName?: string): string {
  return personName || entityRefName(personId);
}

/**
 * A rotation: its escalation policy's name, else the provider's id.
 */
export function rotationLabel(rotation: {
  rotationId: string;
  rotationName?: string;
}): string {
  return rotation.rotationName || rotation.rotationId;
}

/**
 * `mean 4m 30s, p90 15m`; a p90 read from histograms is marked `≈`
 * (it may be slightly below the exact value).
 */
export function formatDurationMeasure(measure: DurationMeasure): string {
  if (measure.count === 0) {
    return 'no data';
  }
  const p90 = formatReportValue(measure.p90Seconds, 'seconds');
  return `mean ${formatReportValue(measure.meanSeconds, 'seconds')}, p90 ${
    measure.p90Approximate ? '≈' : ''
  }${p90}`;
}

/** The Gini coefficient of a rotation's pages, or why there is none. */
export function formatFairness(fairness: OnCallFairness): string {
  if (fairness.gini !== null) {
    return formatReportValue(fairness.gini, 'rate');
  }
  return fairness.reason === 'fewer-than-two-people'
    ? 'n/a (fewer than two people)'
    : 'n/a (no pages)';
}
