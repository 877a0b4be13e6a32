import { ANNOTATION_PAGERDUTY_SERVICE_ID } from '@preflight/plugin-reliability-common';
import type {
  CheckOutcome,
  EntityReadinessFacts,
  OnCallFacts,
} from '@preflight/plugin-reliability-node';
import {
  catalogFact,
  outcome,
  sourceFact,
  untrustedSources,
} from './checkSupport';

/** On-call facts known to be present and trustworthy. */
export type TrustedOnCall = OnCallFacts & {
  state: 'ok';
  freshness: NonNullable<OnCallFacts['freshness']>;
};

/** The check every on-call check needs to pass before it can be judged. */
export const PAGERDUTY_LINK_CHECK = 'pagerduty-service-linked';

/**
 * The outcome for an entity whose on-call data cannot be judged: no or a
 * bad PagerDuty annotation (fail: fixing it is the owner's job), or data
 * not synced yet or stale (error: the check cannot tell). Undefined when
 * the on-call facts are usable.
 */
export function onCallProblem(
  facts: EntityReadinessFacts,
  what: string,
): CheckOutcome | undefined {
  const onCall = facts.onCall;
  switch (onCall.state) {
    case 'not-configured':
      return {
        ...outcome(
          'fail',
          `No PagerDuty service is linked, so ${what} cannot be judged (add the ${ANNOTATION_PAGERDUTY_SERVICE_ID} annotation)`,
          [catalogFact('PagerDuty service', null)],
        ),
        blockedBy: PAGERDUTY_LINK_CHECK,
      };
    case 'malformed':
    case 'unknown-service':
      return {
        ...outcome(
          'fail',
          `${onCall.problem?.field ?? ANNOTATION_PAGERDUTY_SERVICE_ID}: ${
            onCall.problem?.message ?? 'the PagerDuty service cannot be found'
          }`,
          [catalogFact('PagerDuty service', onCall.serviceId ?? null)],
        ),
        blockedBy: PAGERDUTY_LINK_CHECK,
      };
    case 'awaiting-sync':
      return outcome(
        'error',
        `${
          onCall.sourceId ?? 'The on-call source'
        } has not synced yet, so ${what} is not known`,
        onCall.freshness
          ? [
              sourceFact(
                'Last successful sync',
                onCall.freshness.asOf,
                onCall.freshness,
              ),
            ]
          : [],
      );
    default:
      break;
  }
  if (!onCall.freshness) {
    return outcome('error', `No on-call source reports ${what}`, []);
  }
  return untrustedSources([onCall.freshness], 'On-call data');
}

/** Narrows on-call facts after {@link onCallProblem} returned undefined. */
export function trustedOnCall(facts: EntityReadinessFacts): TrustedOnCall {
  return facts.onCall as TrustedOnCall;
}
