import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationSeverity } from '@backstage/plugin-notifications-common';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  boundUserValue,
  ReviewDriftCause,
  ReviewTemplateSection,
} from '@preflight/plugin-reliability-common';
import { errorMessage } from '../lib/errorMessage';
import { sendNotification } from '../lib/sendNotification';
import type { NewReviewEvent, StoredReview } from './reviewTypes';

/** A review as just written, with the events that write appended. */
export interface ReviewChange {
  review: StoredReview;
  events: NewReviewEvent[];
  /** Applicable sections of the template in force (who reviews what). */
  sections: ReviewTemplateSection[];
  /** User ref of whoever made the change, or `system` (drift detection). */
  actor: string;
}

/** The topic every readiness review notification carries (the bell can filter on it). */
export const REVIEW_NOTIFICATION_TOPIC = 'readiness-review';

const TITLE_MAX = 160;
const DESCRIPTION_MAX = 600;
/** Drift causes named in a notification; the review tab lists them all. */
const CAUSES_SHOWN = 3;

/** `user:default/dana` → `dana`: how people are named in a one-line text. */
function nameOf(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** The entity page's readiness review tab, opened on this review. */
export function reviewLink(review: Pick<StoredReview, 'entityRef' | 'id'>) {
  const { kind, namespace, name } = parseEntityRef(review.entityRef);
  // The catalog's entity route lower-cases kind and namespace.
  return `/catalog/${encodeURIComponent(
    namespace.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/readiness-review?review=${encodeURIComponent(
    review.id,
  )}`;
}

/** The sections still waiting for a sign-off that covers all their items. */
function pendingSections(
  review: StoredReview,
  sections: ReviewTemplateSection[],
): ReviewTemplateSection[] {
  return sections.filter(section => {
    const signoff = review.body.signoffs[section.id];
    return !signoff || section.items.some(i => !signoff.itemIds.includes(i.id));
  });
}

function describeCauses(causes: ReviewDriftCause[]): string {
  const shown = causes
    .slice(0, CAUSES_SHOWN)
    .map(c => boundUserValue(c.message, 160));
  const more = causes.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/**
 * The notifications one review change sends, without sending them: on
 * submit the reviewer groups of the sections still to sign; on changes
 * requested and on approval the DRI; on drift (and its resolution) the
 * entity's owner. Whoever made the change is never notified of it. Each
 * notification has a scope per review and kind, so a repeated one (drift
 * causes changing run after run, a resubmit) updates the earlier one
 * instead of adding another.
 */
export function reviewNotifications(
  change: ReviewChange,
): NotificationSendOptions[] {
  const { review, events, sections, actor } = change;
  const entity = boundUserValue(review.entityTitle ?? review.entityRef, 80);
  const what = `the ${review.stage} readiness review of ${entity} (${review.entityRef})`;
  const by = nameOf(actor);
  const exclude = actor.startsWith('user:') ? { excludeEntityRef: actor } : {};
  const message = (options: {
    kind: string;
    to: string[];
    title: string;
    description: string;
    severity: NotificationSeverity;
  }): NotificationSendOptions[] => {
    const to = [...new Set(options.to)].filter(ref => ref !== actor);
    if (to.length === 0) {
      return [];
    }
    return [
      {
        recipients: { type: 'entity', entityRef: to, ...exclude },
        payload: {
          title: boundUserValue(options.title, TITLE_MAX),
          description: boundUserValue(options.description, DESCRIPTION_MAX),
          link: reviewLink(review),
          severity: options.severity,
          topic: REVIEW_NOTIFICATION_TOPIC,
          scope: `readiness-review:${review.id}:${options.kind}`,
        },
      },
    ];
  };

  return events.flatMap((event): NotificationSendOptions[] => {
    switch (event.action) {
      case 'submitted': {
        const pending = pendingSections(review, sections);
        return message({
          kind: 'submitted',
          to: pending.flatMap(s => s.reviewerGroups),
          title: `Readiness review to sign: ${entity} (${review.stage})`,
          description: `${by} submitted ${what}. Waiting on: ${pending
            .map(s => `${s.title} (${s.reviewerGroups.map(nameOf).join(', ')})`)
            .join('; ')}.`,
          severity: 'normal',
        });
      }
      case 'changes-requested': {
        const section = sections.find(s => s.id === event.sectionId);
        const comment =
          typeof event.details?.comment === 'string'
            ? event.details.comment
            : '';
        return message({
          kind: 'changes-requested',
          to: [review.dri],
          title: `Changes requested: ${entity} (${review.stage})`,
          description: `${by} requested changes on ${what}${
            section ? `, section "${section.title}"` : ''
          }${comment ? `: "${boundUserValue(comment, 300)}"` : '.'}`,
          severity: 'high',
        });
      }
      case 'approved':
        return message({
          kind: 'approved',
          to: [review.dri],
          title: `Readiness review approved: ${entity} (${review.stage})`,
          description: `Every section of ${what} is signed; the last sign-off was by ${by}.`,
          severity: 'normal',
        });
      case 'drifted':
      case 'drift-changed':
        return message({
          kind: 'drift',
          to: review.ownerRef ? [review.ownerRef] : [],
          title: `Readiness review drifted: ${entity} (${review.stage})`,
          description: `The approved ${
            review.stage
          } readiness review of ${entity} (${
            review.entityRef
          }) no longer holds: ${describeCauses(review.body.drift)}.`,
          severity: 'high',
        });
      case 'drift-resolved':
        // Same scope as the drift: replaces the alarm rather than leaving it.
        return message({
          kind: 'drift',
          to: review.ownerRef ? [review.ownerRef] : [],
          title: `Readiness review approved again: ${entity} (${review.stage})`,
          description: `The causes of drift of ${what} are resolved; it is approved again.`,
          severity: 'low',
        });
      default:
        return [];
    }
  });
}

/** How {@link ReviewNotifier} sends. */
export interface ReviewNotifierOptions {
  /** Absent or `enabled: false`: the notifier sends nothing. */
  notifications?: NotificationService;
  logger: LoggerService;
  /** `reliability.reviews.notifications`; default true. */
  enabled?: boolean;
  /** Per attempt; the notification service's own request has no timeout. */
  timeoutMs?: number;
  /** Attempts per notification (scopes make a repeat harmless). */
  attempts?: number;
  /** Wait before a retry. */
  retryDelayMs?: number;
  /** Notifications waiting beyond this are dropped (and logged). */
  maxQueued?: number;
}

/**
 * Turns review changes into notifications (see {@link reviewNotifications})
 * and sends them one at a time in the background, so a review write never
 * waits for, or fails because of, the notifications backend. A failure is
 * logged; when the notifications backend is not installed (its route
 * answers 404) that is expected and logged at debug level only.
 */
export class ReviewNotifier {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(private readonly options: ReviewNotifierOptions) {}

  /** Queues the notifications of a change; returns at once, never throws. */
  notify(change: ReviewChange): void {
    const { notifications, enabled = true, logger } = this.options;
    if (!notifications || !enabled) {
      return;
    }
    let messages: NotificationSendOptions[];
    try {
      messages = reviewNotifications(change);
    } catch (error) {
      logger.warn(
        `Could not build notifications for review ${
          change.review.id
        }: ${errorMessage(error)}`,
      );
      return;
    }
    for (const message of messages) {
      if (this.queued >= (this.options.maxQueued ?? 1000)) {
        logger.warn(
          `Review notification dropped, too many waiting: ${message.payload.title}`,
        );
        continue;
      }
      this.queued += 1;
      this.tail = this.tail
        .then(() => this.send(notifications, message))
        .finally(() => {
          this.queued -= 1;
        });
    }
  }

  /** Resolves once every queued notification was sent or given up on. */
  idle(): Promise<void> {
    return this.tail;
  }

  private async send(
    notifications: NotificationService,
    message: NotificationSendOptions,
  ): Promise<void> {
    await sendNotification(notifications, message, {
      logger: this.options.logger,
      timeoutMs: this.options.timeoutMs,
      attempts: this.options.attempts,
      retryDelayMs: this.options.retryDelayMs,
      what: 'Review notification',
    });
  }
}
