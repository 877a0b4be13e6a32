import { equalJitterBackoffMs } from '@preflight/plugin-reliability-node';

/** Tuning of {@link RetryBackoff}. */
export interface RetryBackoffOptions {
  /** Requests per query for retryable failures, including the first. Default 3. */
  maxAttempts?: number;
  /** First backoff step in ms. Default 250. */
  baseDelayMs?: number;
  /** Longest single wait in ms, also the cap of a `Retry-After`. Default 5,000. */
  maxDelayMs?: number;
  /** Randomness for jitter, in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/**
 * Bounded exponential backoff with "equal jitter" (half the step plus a
 * random half), so replicas retrying together spread out.
 */
export class RetryBackoff {
  readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(options: RetryBackoffOptions = {}) {
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
    this.baseDelayMs = Math.max(0, options.baseDelayMs ?? 250);
    this.maxDelayMs = Math.max(0, options.maxDelayMs ?? 5_000);
    this.random = options.random ?? Math.random;
  }

  /**
   * Wait before retry number `retry` (1-based). A server's `Retry-After`
   * (seconds) is honoured up to `maxDelayMs`.
   */
  delayMs(retry: number, retryAfterSeconds?: number): number {
    if (retryAfterSeconds !== undefined && retryAfterSeconds >= 0) {
      return Math.min(this.maxDelayMs, retryAfterSeconds * 1000);
    }
    return equalJitterBackoffMs({
      retry,
      baseDelayMs: this.baseDelayMs,
      maxDelayMs: this.maxDelayMs,
      random: this.random,
    });
  }
}
