import { isPagerDutyError } from '../client/PagerDutyError';
import type { PdEscalationPolicy, PdService } from '../client/pagerDutyTypes';
import type { SyncContext } from './SyncContext';

// Ids go into URL paths; PagerDuty ids are short upper-case alphanumerics.
const PAGERDUTY_ID = /^[A-Z0-9]{2,32}$/;

/** Inputs of {@link readUnlistedServices}. */
export interface ReadUnlistedServicesOptions {
  /** Service ids entities annotate, as the backend gave them. */
  annotatedIds: readonly string[];
  /** What the bulk listing reached. */
  listed: readonly PdService[];
  listedPolicies: readonly PdEscalationPolicy[];
  /**
   * Whether the policy listing was incomplete: then the policies of listed
   * annotated services that it missed are read one by one as well.
   */
  policiesIncomplete: boolean;
  /**
   * Most GET /services/{id} and GET /escalation_policies/{id} requests one
   * sync spends on them; the rest wait for later syncs.
   */
  maxLookups: number;
}

/** What {@link readUnlistedServices} found. */
export interface UnlistedServices {
  services: PdService[];
  /** Escalation policies of those services that the policy listing missed. */
  policies: PdEscalationPolicy[];
  /** Looked up and answered 404: PagerDuty has no such service. */
  confirmedMissing: string[];
  /** Not looked up (over the bound) or not readable this time. */
  unreached: string[];
}

/**
 * Reads, one by one, the annotated services a capped bulk listing did not
 * reach, and the escalation policies they need that a capped policy listing
 * did not reach: bounded per sync and paced
 * by the client's rate limiter like every other request. A 404 confirms the
 * annotation is wrong; any other failure of one lookup leaves the service
 * "not synced yet" rather than failing the sync, except a refused token,
 * which would fail every other request too.
 */
export async function readUnlistedServices(
  context: SyncContext,
  options: ReadUnlistedServicesOptions,
): Promise<UnlistedServices> {
  const { client, signal } = context;
  const listed = new Set(options.listed.map(service => service.id));
  const wanted = [...new Set(options.annotatedIds)].filter(
    id => PAGERDUTY_ID.test(id) && !listed.has(id),
  );
  const result: UnlistedServices = {
    services: [],
    policies: [],
    confirmedMissing: [],
    unreached: [],
  };
  let budget = options.maxLookups;

  const lookUp = async <T>(path: string, query = {}) => {
    budget -= 1;
    try {
      return await client.get<T>(path, query, { signal });
    } catch (error) {
      if (
        !isPagerDutyError(error) ||
        error.kind === 'auth' ||
        signal?.aborted
      ) {
        throw error;
      }
      return error;
    }
  };

  for (const id of wanted) {
    if (budget <= 0) {
      result.unreached.push(id);
      continue;
    }
    const answer = await lookUp<{ service: PdService }>(`/services/${id}`, {
      'include[]': ['teams'],
    });
    if (answer instanceof Error) {
      (isPagerDutyError(answer, 'not-found')
        ? result.confirmedMissing
        : result.unreached
      ).push(id);
      continue;
    }
    result.services.push(answer.service);
  }

  const knownPolicies = new Set(options.listedPolicies.map(p => p.id));
  const annotated = new Set(options.annotatedIds);
  const needPolicies = [
    ...result.services,
    ...(options.policiesIncomplete
      ? options.listed.filter(service => annotated.has(service.id))
      : []),
  ];
  for (const service of needPolicies) {
    const policyId = service.escalation_policy?.id;
    if (!policyId || knownPolicies.has(policyId) || budget <= 0) {
      continue;
    }
    if (!PAGERDUTY_ID.test(policyId)) {
      continue;
    }
    knownPolicies.add(policyId);
    const answer = await lookUp<{ escalation_policy: PdEscalationPolicy }>(
      `/escalation_policies/${policyId}`,
    );
    if (!(answer instanceof Error)) {
      result.policies.push(answer.escalation_policy);
    }
  }
  return result;
}
