import {
  ANNOTATION_PAGERDUTY_ACCOUNT,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
} from '@preflight/plugin-reliability-common';
import {
  OnCallSourceError,
  type OnCallSourceErrorReason,
} from '@preflight/plugin-reliability-node';
import {
  isPagerDutyError,
  type PagerDutyErrorKind,
} from '../client/PagerDutyError';

const REASONS: Record<PagerDutyErrorKind, OnCallSourceErrorReason> = {
  'not-found': 'not-found',
  auth: 'auth',
  'rate-limited': 'rate-limited',
  unavailable: 'unavailable',
  // PagerDuty rejecting a request we built, or answering nonsense, is
  // neither the user's fault nor an outage worth waiting out.
  'bad-request': 'bad-response',
  'invalid-response': 'bad-response',
  pagination: 'bad-response',
};

/**
 * Translates a failure of a one-service refresh into the provider-neutral
 * {@link @preflight/plugin-reliability-node#OnCallSourceError}, with the fix
 * a user or operator needs. Errors that are not PagerDuty's (an abort, a
 * bug) are returned unchanged.
 */
export function toOnCallSourceError(
  error: unknown,
  serviceId: string,
): unknown {
  if (!isPagerDutyError(error)) {
    return error;
  }
  const reason = REASONS[error.kind];
  const account = error.accountId;
  let fix: string | undefined;
  if (reason === 'not-found') {
    fix = `PagerDuty account "${account}" has no service ${serviceId}. Copy the id from the service's PagerDuty URL (…/service-directory/<id>) into "${ANNOTATION_PAGERDUTY_SERVICE_ID}", or set "${ANNOTATION_PAGERDUTY_ACCOUNT}" if the service lives in another configured account.`;
  } else if (reason === 'auth') {
    fix = `Check the API token of PagerDuty account "${account}" (reliability.pagerduty.accounts): it may be wrong, revoked, or lack read access to services, escalation policies, on-calls, users and incidents.`;
  }
  return new OnCallSourceError({
    reason,
    message: error.message,
    retryAfterSeconds: error.retryAfterSeconds,
    fix,
    cause: error,
  });
}
