import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { setTimeout as wait } from 'node:timers/promises';
import { errorMessage } from './errorMessage';

/** How {@link sendNotification} tries. */
export interface NotificationDelivery {
  logger: LoggerService;
  /** Per attempt; the notification service's own request has no timeout. */
  timeoutMs?: number;
  /** Attempts per notification (a notification scope makes a repeat harmless). */
  attempts?: number;
  /** Wait before a retry. */
  retryDelayMs?: number;
  /** What is sent, for log lines: `Review notification`. */
  what: string;
}

/**
 * What became of one send: `sent`; `not-installed` when the notifications
 * backend is absent (its route answers 404, expected and logged at debug
 * level only); `failed` after the last attempt (logged as a warning).
 */
export type NotificationOutcome = 'sent' | 'not-installed' | 'failed';

/**
 * Sends one notification with a timeout per attempt and bounded retries;
 * never throws.
 */
export async function sendNotification(
  notifications: NotificationService,
  message: NotificationSendOptions,
  delivery: NotificationDelivery,
): Promise<NotificationOutcome> {
  const { logger, what } = delivery;
  const attempts = Math.max(1, delivery.attempts ?? 2);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await withTimeout(
        notifications.send(message),
        delivery.timeoutMs ?? 10_000,
      );
      return 'sent';
    } catch (error) {
      const text = errorMessage(error);
      if (/status 404\b/.test(text)) {
        logger.debug(
          `${what} not sent, the notifications backend is not installed: ${message.payload.title}`,
        );
        return 'not-installed';
      }
      if (attempt === attempts) {
        logger.warn(
          `${what} not sent after ${attempts} attempts: ${message.payload.title}: ${text}`,
        );
        return 'failed';
      }
      // Unreferenced: a pending retry never keeps the process alive.
      await wait(delivery.retryDelayMs ?? 1_000, undefined, { ref: false });
    }
  }
  return 'failed';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
