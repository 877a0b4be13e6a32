import type { OnCallServiceRecord } from '@preflight/plugin-reliability-common';
import type { PdService } from '../client/pagerDutyTypes';

/** A PagerDuty service (`include[]=teams`) as a service record. */
export function mapService(service: PdService): OnCallServiceRecord {
  const record: OnCallServiceRecord = {
    id: service.id,
    name: service.name ?? service.summary ?? service.id,
    teams: (service.teams ?? []).map(team => {
      const mapped: OnCallServiceRecord['teams'][number] = {
        id: team.id,
        name: team.name ?? team.summary ?? team.id,
      };
      if (team.html_url) mapped.htmlUrl = team.html_url;
      return mapped;
    }),
  };
  if (service.html_url) record.htmlUrl = service.html_url;
  if (service.status) record.status = service.status;
  if (service.escalation_policy?.id) {
    record.escalationPolicyId = service.escalation_policy.id;
  }
  return record;
}
