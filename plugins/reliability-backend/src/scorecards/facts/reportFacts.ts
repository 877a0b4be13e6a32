import type { ReportFacts } from '@preflight/plugin-reliability-node';
import type { LocatedService } from '../../oncall/locateEntityService';
import type { OnCallSourceData } from '../../oncall/readOnCallSourceData';
import { readReportFacts, ReportFactTarget } from '../readReportFacts';
import type { ReadinessFactSources } from './ReadinessFactSources';

/** The located entities' services and the rotation (escalation policy) each pages. */
function reportTargets(
  entityRefs: string[],
  located: LocatedService[],
  onCallData: Map<string, OnCallSourceData>,
): ReportFactTarget[] {
  return located.flatMap((location, index) => {
    if (location.kind !== 'located') {
      return [];
    }
    const sourceId = location.registered.source.id;
    const service = onCallData.get(sourceId)?.services.get(location.serviceId);
    return [
      {
        entityRef: entityRefs[index],
        sourceId,
        serviceId: location.serviceId,
        ...(service?.escalationPolicyId
          ? { rotationId: service.escalationPolicyId }
          : {}),
      },
    ];
  });
}

/**
 * Reads the `reports` fact of a page's entities, by entity ref: the daily
 * rows of their services and of the rotations those page, in bulk. The
 * rotation is the service's escalation policy in the page's on-call data.
 * Empty when reports are not wired in.
 */
export async function readPageReportFacts(
  sources: ReadinessFactSources,
  entityRefs: string[],
  located: LocatedService[],
  onCallData: Map<string, OnCallSourceData>,
  now: Date,
): Promise<Map<string, ReportFacts>> {
  if (!sources.reports) {
    return new Map();
  }
  return readReportFacts(
    sources.reports,
    reportTargets(entityRefs, located, onCallData),
    now,
  );
}
