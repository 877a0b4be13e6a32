import { sleep } from '@preflight/plugin-reliability-node';

/**
 * Time as the client sees it. Injected so tests can run retries, backoff and
 * rate-limit waits instantly instead of sleeping for real.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason if it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The wall clock and real timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep,
};
