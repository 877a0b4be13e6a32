import { setTimeout as wait } from 'node:timers/promises';

/**
 * Resolves after `ms`, or rejects with the signal's reason when it aborts
 * first (Node's own timer rejects with a generic AbortError; callers tell a
 * shutdown from a timeout by the reason). Shared by every source module's
 * retry and rate-limit waits, so a scheduler timeout or backend shutdown
 * interrupts a wait at once.
 * @public
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await wait(Math.max(0, ms), undefined, { signal });
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  }
}
