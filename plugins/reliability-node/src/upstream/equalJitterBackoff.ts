/**
 * Delay before retry number `retry` (1 for the first retry) with "equal
 * jitter": half of the capped exponential step plus a random half, so
 * retries from several replicas spread out but never collapse to zero.
 * @public
 */
export function equalJitterBackoffMs(options: {
  retry: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Uniform in [0, 1); injectable for tests. */
  random: () => number;
}): number {
  const step = Math.min(
    options.maxDelayMs,
    options.baseDelayMs * 2 ** Math.max(0, options.retry - 1),
  );
  return Math.round(step / 2 + (options.random() * step) / 2);
}
