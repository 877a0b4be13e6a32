import { OnCallSourceError } from '@preflight/plugin-reliability-node';
import {
  refreshFailureError,
  TooManyRequestsError,
} from './refreshFailureError';

const context = {
  serviceId: 'PCHKOUT',
  sourceName: 'On-call (default)',
  entityRef: 'component:default/checkout-api',
};

function rateLimited(retryAfterSeconds?: number) {
  return new OnCallSourceError({
    reason: 'rate-limited',
    message: 'rate limited (HTTP 429)',
    retryAfterSeconds,
  });
}

describe('refreshFailureError', () => {
  it('passes on the wait the source named', () => {
    const error = refreshFailureError(rateLimited(17), {
      ...context,
      rateLimitWindowSeconds: 60,
    });
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as TooManyRequestsError).retryAfterSeconds).toBe(17);
    expect(error.message).toBe(
      'On-call (default) is rate limiting requests; refreshing PCHKOUT failed: rate limited (HTTP 429). The last-known data is still shown.',
    );
  });

  it("falls back to the provider's rate-limit window", () => {
    const error = refreshFailureError(rateLimited(), {
      ...context,
      rateLimitWindowSeconds: 30,
    });
    expect((error as TooManyRequestsError).retryAfterSeconds).toBe(30);
  });

  it('assumes no provider’s window when neither names a wait', () => {
    const error = refreshFailureError(rateLimited(), context);
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as TooManyRequestsError).retryAfterSeconds).toBeUndefined();
  });
});
