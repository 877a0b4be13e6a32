import type {
  RefreshRequestLog,
  SourceStateStore,
} from '../database/SourceStateStore';
import { formatDuration } from '../lib/formatDuration';

const USER_WINDOW_MS = 60_000;
// Requests older than this can no longer affect any limit.
const HISTORY_MS = 60 * 60_000;

/** The result of asking for a refresh slot. */
export type RefreshRateLimitDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; message: string };

/**
 * Limits explicit refreshes, the only per-entity path to upstream sources:
 * one refresh per entity per interval (whoever asks) and a number of
 * refreshes per user per minute. Counts live in the database so the limits
 * hold across backend replicas.
 */
export class RefreshRateLimiter {
  constructor(
    private readonly store: SourceStateStore,
    private readonly limits: {
      perEntityIntervalMs: number;
      perUserPerMinute: number;
    },
  ) {}

  /**
   * Takes a slot for `actorRef` refreshing `entityRef` at `now`, or says how
   * long to wait. The check and the record of a granted slot run under the
   * store's refresh lock on the entity and the user, so concurrent requests,
   * on any replica, cannot both take the last slot.
   */
  async acquire(options: {
    entityRef: string;
    actorRef: string;
    now: Date;
  }): Promise<RefreshRateLimitDecision> {
    const { entityRef, actorRef, now } = options;
    const nowMs = now.getTime();
    // Outside the lock: old rows are nobody's slot.
    await this.store.deleteRefreshRequestsBefore(new Date(nowMs - HISTORY_MS));
    return this.store.withRefreshLock({ entityRef, actorRef }, log =>
      this.decide(log, options),
    );
  }

  private async decide(
    log: RefreshRequestLog,
    options: { entityRef: string; actorRef: string; now: Date },
  ): Promise<RefreshRateLimitDecision> {
    const { entityRef, actorRef, now } = options;
    const nowMs = now.getTime();
    const { perEntityIntervalMs, perUserPerMinute } = this.limits;

    const entityTimes = await log.listRefreshRequestTimes({
      entityRef,
      since: new Date(nowMs - perEntityIntervalMs + 1),
    });
    if (entityTimes.length > 0) {
      const last = entityTimes[entityTimes.length - 1].getTime();
      const retryAfterSeconds = secondsUntil(last + perEntityIntervalMs, nowMs);
      return {
        allowed: false,
        retryAfterSeconds,
        message: `${entityRef} was refreshed less than ${formatDuration(
          perEntityIntervalMs,
        )} ago, and can be refreshed once every ${formatDuration(
          perEntityIntervalMs,
        )}. Try again in ${retryAfterSeconds} s.`,
      };
    }

    const userTimes = await log.listRefreshRequestTimes({
      actorRef,
      since: new Date(nowMs - USER_WINDOW_MS + 1),
    });
    if (userTimes.length >= perUserPerMinute) {
      // The slot frees up when the oldest request that still counts expires.
      const oldest = userTimes[userTimes.length - perUserPerMinute].getTime();
      const retryAfterSeconds = secondsUntil(oldest + USER_WINDOW_MS, nowMs);
      return {
        allowed: false,
        retryAfterSeconds,
        message: `You have made ${userTimes.length} refreshes in the last minute; the limit is ${perUserPerMinute} per minute. Try again in ${retryAfterSeconds} s.`,
      };
    }

    await log.recordRefreshRequest({
      entityRef,
      actorRef,
      requestedAt: now,
    });
    return { allowed: true };
  }
}

function secondsUntil(atMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((atMs - nowMs) / 1000));
}
