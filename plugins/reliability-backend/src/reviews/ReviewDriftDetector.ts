import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  OPEN_REVIEW_STATES,
  ReviewTemplate,
} from '@preflight/plugin-reliability-common';
import type { ScorecardStore } from '../scorecards/ScorecardStore';
import { reviewSectionsOf } from './buildReviewView';
import { computeDriftCauses, settleDrift } from './reviewDrift';
import { liveCheckStates } from './reviewItemStatus';
import type { ReviewNotifier } from './ReviewNotifier';
import type { ReviewStore } from './ReviewStore';
import type { NewReviewEvent, StoredReview } from './reviewTypes';

/** What one drift detection run did. */
export interface ReviewDriftRunSummary {
  /** Open reviews looked at. */
  checked: number;
  /** Reviews written (drifted, back to approved, causes or entity details changed). */
  written: number;
  /** Reviews changed by a user meanwhile: left for the next run. */
  skipped: number;
  durationMs: number;
}

/** The actor of the events drift detection writes. */
export const DRIFT_ACTOR = 'system';

/**
 * Re-checks open reviews against the stored scorecards after each
 * evaluation run: refreshes each review's view of its entity (tier, owner,
 * title, from the scorecard row) and, for approved and drifted reviews,
 * applies the drift causes (failing bound checks, expired attestations,
 * items the sign-offs do not cover). Reads every review and scorecard in
 * bulk and writes the changed ones in one transaction, each conditional on
 * the version it read: a review a user changed meanwhile is skipped and
 * re-checked next run.
 */
export class ReviewDriftDetector {
  constructor(
    private readonly options: {
      reviewStore: ReviewStore;
      scorecardStore: Pick<ScorecardStore, 'getScorecards'>;
      templates: ReviewTemplate[];
      logger: LoggerService;
      now?: () => Date;
      /** Told of each review written (drift notifies the entity's owner). */
      notifier?: Pick<ReviewNotifier, 'notify'>;
    },
  ) {}

  async run(): Promise<ReviewDriftRunSummary> {
    const started = performance.now();
    const { reviewStore, scorecardStore, templates, logger } = this.options;
    const now = (this.options.now ?? (() => new Date()))();
    const reviews = await reviewStore.listReviews({
      states: [...OPEN_REVIEW_STATES],
    });
    const scorecards = await scorecardStore.getScorecards(
      reviews.map(r => r.entityRef),
    );
    const updates: Array<{
      review: StoredReview;
      expectedVersion: number;
      events: NewReviewEvent[];
      sections: ReturnType<typeof reviewSectionsOf>['sections'];
    }> = [];
    for (const review of reviews) {
      const stored = scorecards.get(review.entityRef);
      const refreshed = refreshEntity(review, stored?.row, now);
      const sections = reviewSectionsOf(refreshed.review, templates).sections;
      const causes = computeDriftCauses(
        refreshed.review.body,
        sections,
        liveCheckStates(stored?.scorecard),
        now,
      );
      const settled = settleDrift(refreshed.review, causes, DRIFT_ACTOR, now);
      const events = [...refreshed.events, ...settled.events];
      if (events.length > 0 || refreshed.changed) {
        updates.push({
          review: { ...settled.review, updatedAt: now.toISOString() },
          expectedVersion: review.version,
          events,
          sections,
        });
      }
    }
    const written = await reviewStore.updateReviews(updates);
    const writtenIds = new Set(written);
    for (const update of updates) {
      if (writtenIds.has(update.review.id) && update.events.length > 0) {
        this.options.notifier?.notify({
          review: update.review,
          events: update.events,
          sections: update.sections,
          actor: DRIFT_ACTOR,
        });
      }
    }
    const summary: ReviewDriftRunSummary = {
      checked: reviews.length,
      written: written.length,
      skipped: updates.length - written.length,
      durationMs: performance.now() - started,
    };
    if (updates.length > 0) {
      logger.info(
        `Review drift: ${summary.written} of ${
          summary.checked
        } open reviews updated${
          summary.skipped > 0
            ? `, ${summary.skipped} changed meanwhile (next run)`
            : ''
        } in ${Math.round(summary.durationMs)} ms`,
      );
    }
    return summary;
  }
}

/**
 * The review with its entity's current tier, owner and title from the
 * scorecard row (the catalog as of the evaluation run); a tier change is an
 * event, since it can change which items apply.
 */
function refreshEntity(
  review: StoredReview,
  row:
    | { tier?: string; ownerRef: string; title?: string; entityRef: string }
    | undefined,
  now: Date,
): { review: StoredReview; events: NewReviewEvent[]; changed: boolean } {
  if (!row) {
    return { review, events: [], changed: false };
  }
  const tier = row.tier ?? null;
  const ownerRef = row.ownerRef || review.ownerRef;
  const entityTitle = row.title ?? review.entityTitle;
  const changed =
    tier !== review.body.currentTier ||
    ownerRef !== review.ownerRef ||
    entityTitle !== review.entityTitle;
  return {
    review: changed
      ? {
          ...review,
          ownerRef,
          entityTitle,
          body: { ...review.body, currentTier: tier },
        }
      : review,
    events:
      tier === review.body.currentTier
        ? []
        : [
            {
              at: now.toISOString(),
              actor: DRIFT_ACTOR,
              action: 'tier-changed',
              details: { from: review.body.currentTier, to: tier },
            },
          ],
    changed,
  };
}
