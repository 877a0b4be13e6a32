import type { Clock } from './Clock';
import { RateLimiter } from './RateLimiter';

/**
 * One {@link RateLimiter} per API token, so every client, account and sync
 * using the same token shares one budget. Tokens are only map keys in
 * memory; they are never logged or exposed.
 */
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, RateLimiter>();
  private readonly clock: Clock;

  constructor(options: { clock: Clock }) {
    this.clock = options.clock;
  }

  /** The limiter of `token`; a second user with a lower limit tightens it. */
  forToken(token: string, requestsPerMinute: number): RateLimiter {
    let limiter = this.limiters.get(token);
    if (limiter) {
      limiter.restrictTo(requestsPerMinute);
    } else {
      limiter = new RateLimiter({ requestsPerMinute, clock: this.clock });
      this.limiters.set(token, limiter);
    }
    return limiter;
  }
}
