/** The outcome of one request against a token's budget. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** seconds until the budget resets, as in the `ratelimit-reset` header */
  resetSeconds: number;
}

interface Window {
  startMs: number;
  count: number;
}

/**
 * Per-token budget of `perMinute` requests in fixed one-minute windows that
 * start at a token's first request. The clock is injected so tests control
 * when windows roll over.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private perMinute: number,
    private readonly clock: () => number,
  ) {}

  /** Changes the budget; current windows keep their counts. */
  setLimit(perMinute: number): void {
    this.perMinute = perMinute;
  }

  /** The current budget per minute. */
  get limit(): number {
    return this.perMinute;
  }

  /** Forgets every window, as if a minute had passed for all tokens. */
  reset(): void {
    this.windows.clear();
  }

  /** Counts one request of `token` and says whether it is within budget. */
  take(token: string): RateLimitDecision {
    const now = this.clock();
    let window = this.windows.get(token);
    if (!window || now >= window.startMs + 60_000 || now < window.startMs) {
      window = { startMs: now, count: 0 };
      this.windows.set(token, window);
    }
    const resetSeconds = Math.max(
      1,
      Math.ceil((window.startMs + 60_000 - now) / 1000),
    );
    if (window.count >= this.perMinute) {
      return {
        allowed: false,
        limit: this.perMinute,
        remaining: 0,
        resetSeconds,
      };
    }
    window.count++;
    return {
      allowed: true,
      limit: this.perMinute,
      remaining: this.perMinute - window.count,
      resetSeconds,
    };
  }
}
