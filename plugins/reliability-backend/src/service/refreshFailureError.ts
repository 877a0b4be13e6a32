import {
  CustomErrorBase,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { isOnCallSourceError } from '@preflight/plugin-reliability-node';
import { errorMessage } from '../lib/errorMessage';

/** Answered with 422: the entity's annotation names something the source does not have. */
export class UnprocessableEntityError extends CustomErrorBase {
  name = 'UnprocessableEntityError' as const;
  statusCode = 422;
}

/** Answered with 502: the source refused our configuration or answered nonsense. */
export class BadGatewayError extends CustomErrorBase {
  name = 'BadGatewayError' as const;
  statusCode = 502;
}

/**
 * Answered with 429, with `retryAfterSeconds` in a `Retry-After` header
 * when the wait is known.
 */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  statusCode = 429;
  constructor(message: string, readonly retryAfterSeconds?: number) {
    super(message);
  }
}

// AbortSignal.timeout() rejects with a DOMException, which is not always an
// `Error` of this realm; its name is what tells.
function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/**
 * The HTTP error a failed "refresh now" answers with, by cause: a service
 * the source does not have is the annotation's fault (422, with the fix); a
 * refused token is the backend's configuration (502, naming the account); a
 * rate limit is a 429 with `Retry-After` (the error's wait, else the
 * provider's window; neither: none); only outages and timeouts are 503.
 * Errors a provider did not classify count as the source being unavailable.
 */
export function refreshFailureError(
  error: unknown,
  context: {
    serviceId: string;
    sourceName: string;
    entityRef: string;
    /**
     * The provider's rate-limit window (`OnCallProvider.rateLimitWindowSeconds`):
     * the wait when a rate-limited error names none. Providers differ, so
     * there is no default here.
     */
    rateLimitWindowSeconds?: number;
  },
): Error {
  const { serviceId, sourceName, entityRef } = context;
  // Sentences are joined below; drop the message's own final period.
  const message = errorMessage(error).replace(/\.+$/, '');
  const kept = 'The last-known data is still shown.';
  if (isOnCallSourceError(error)) {
    const fix = error.fix ? ` ${error.fix}` : '';
    switch (error.reason) {
      case 'not-found':
        return new UnprocessableEntityError(
          `${entityRef} names service ${serviceId}, which ${sourceName} does not have: ${message}.${fix}`,
        );
      case 'auth':
        return new BadGatewayError(
          `${sourceName} refused the backend's credentials while refreshing ${serviceId}: ${message}.${fix}`,
        );
      case 'rate-limited':
        return new TooManyRequestsError(
          `${sourceName} is rate limiting requests; refreshing ${serviceId} failed: ${message}. ${kept}`,
          error.retryAfterSeconds ?? context.rateLimitWindowSeconds,
        );
      case 'bad-response':
        return new BadGatewayError(
          `${sourceName} answered something unusable while refreshing ${serviceId}: ${message}. ${kept}`,
        );
      default:
        break;
    }
  }
  if (error instanceof NotFoundError) {
    // The provider does not know the source (configuration changed meanwhile).
    return new BadGatewayError(`Refreshing ${serviceId} failed: ${message}`);
  }
  const cause = isTimeout(error) ? 'timed out' : `failed: ${message}`;
  return new ServiceUnavailableError(
    `Refreshing ${serviceId} from ${sourceName} ${cause}. ${kept}`,
  );
}
