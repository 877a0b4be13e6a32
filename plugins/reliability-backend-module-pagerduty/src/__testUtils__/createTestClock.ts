import type { Clock } from '../client/Clock';

/**
 * A virtual clock: `sleep` advances time at once instead of waiting, so
 * backoff and rate-limit pauses cost nothing in tests while their lengths
 * stay observable.
 */
export function createTestClock(start: string | number) {
  let now = typeof start === 'string' ? Date.parse(start) : start;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) {
        throw signal.reason;
      }
      sleeps.push(ms);
      now += Math.max(0, ms);
      // Yield like a real timer would, so concurrent work interleaves.
      await Promise.resolve();
    },
  };
  return {
    clock,
    sleeps,
    now: () => now,
  };
}
