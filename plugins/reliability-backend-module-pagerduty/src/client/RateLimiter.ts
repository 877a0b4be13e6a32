import type { Clock } from './Clock';

/**
 * Paces the requests made with one PagerDuty API token: at most one request
 * in flight (PagerDuty's advice), starts spaced at least `60s /
 * requestsPerMinute` apart (so no 60-second window ever exceeds the limit),
 * and a pause that a 429 puts on every request using the token.
 */
export class RateLimiter {
  private intervalMs: number;
  private readonly clock: Clock;
  private nextStartAt = 0;
  private pausedUntil = 0;
  private busy = false;
  private readonly waiters: Array<() => void> = [];

  constructor(options: { requestsPerMinute: number; clock: Clock }) {
    this.intervalMs = 60_000 / options.requestsPerMinute;
    this.clock = options.clock;
  }

  /** Tightens the pace when another account shares the token with a lower limit. */
  restrictTo(requestsPerMinute: number): void {
    this.intervalMs = Math.max(this.intervalMs, 60_000 / requestsPerMinute);
  }

  /** Holds every request of this token until `epochMs` (after a 429). */
  /** Until when requests are held after a 429 (epoch ms; past when not paused). */
  pausedUntilMs(): number {
    return this.pausedUntil;
  }

  pauseUntil(epochMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, epochMs);
  }

  /** Runs `task` when the token's turn comes; the slot is released when it settles. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      const wait =
        Math.max(this.nextStartAt, this.pausedUntil) - this.clock.now();
      if (wait > 0) {
        await this.clock.sleep(wait, signal);
      }
      this.nextStartAt = this.clock.now() + this.intervalMs;
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(signal.reason);
    }
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiters = this.waiters;
      function grant() {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }
      function onAbort() {
        const index = waiters.indexOf(grant);
        if (index >= 0) {
          waiters.splice(index, 1);
        }
        reject(signal?.reason);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(grant);
    });
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next) {
      // The slot passes straight to the next waiter; `busy` stays true.
      next();
    } else {
      this.busy = false;
    }
  }
}
