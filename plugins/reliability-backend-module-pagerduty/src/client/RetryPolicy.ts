import { equalJitterBackoffMs } from '@preflight/plugin-reliability-node';

/** Tuning of {@link RetryPolicy}. */
export interface RetryPolicyOptions {
  /** Attempts per request for retryable failures, including the first. Default 4. */
  maxAttempts?: number;
  /** First backoff step in ms. Default 500. */
  baseDelayMs?: number;
  /** Longest single backoff in ms. Default 10,000. */
  maxDelayMs?: number;
  /** How many 429 responses one request may wait out before failing. Default 8. */
  maxRateLimitWaits?: number;
  /** First wait after a 429 without rate-limit headers, in ms. Default 2,000. */
  rateLimitBaseDelayMs?: number;
  /** Longest wait after a 429 (with or without headers), in ms. Default 120,000. */
  maxRateLimitDelayMs?: number;
  /** Source of randomness for jitter, in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/**
 * Bounded exponential backoff with jitter for failed requests, and the
 * waiting rule for 429 responses.
 */
export class RetryPolicy {
  readonly maxAttempts: number;
  readonly maxRateLimitWaits: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly rateLimitBaseDelayMs: number;
  private readonly maxRateLimitDelayMs: number;
  private readonly random: () => number;

  constructor(options: RetryPolicyOptions = {}) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.maxRateLimitWaits = Math.max(0, options.maxRateLimitWaits ?? 8);
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.rateLimitBaseDelayMs = options.rateLimitBaseDelayMs ?? 2_000;
    this.maxRateLimitDelayMs = options.maxRateLimitDelayMs ?? 120_000;
    this.random = options.random ?? Math.random;
  }

  /**
   * Delay before retry number `retry` (1 for the first retry). "Equal
   * jitter": half the exponential step plus a random half, so retries from
   * several replicas spread out but never collapse to zero.
   */
  retryDelayMs(retry: number): number {
    return equalJitterBackoffMs({
      retry,
      baseDelayMs: this.baseDelayMs,
      maxDelayMs: this.maxDelayMs,
      random: this.random,
    });
  }

  /**
   * How long to pause a token after its `wait`-th 429 (1-based).
   * `resetSeconds` is PagerDuty's `ratelimit-reset` header when present.
   */
  rateLimitDelayMs(wait: number, resetSeconds: number | undefined): number {
    if (resetSeconds !== undefined) {
      // The header says exactly when the window reopens; a small floor keeps
      // a `0` from turning into a tight loop.
      return Math.min(
        this.maxRateLimitDelayMs,
        Math.max(250, resetSeconds * 1000),
      );
    }
    const step = Math.min(
      this.maxRateLimitDelayMs,
      this.rateLimitBaseDelayMs * 2 ** Math.max(0, wait - 1),
    );
    return Math.round(step / 2 + (this.random() * step) / 2);
  }
}
