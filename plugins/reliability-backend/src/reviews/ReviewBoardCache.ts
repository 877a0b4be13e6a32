import type {
  ReviewSummary,
  ReviewTemplate,
} from '@preflight/plugin-reliability-common';
import { summarySections, toReviewSummary } from './buildReviewView';
import type { ReviewStore } from './ReviewStore';

/** A review as the board filters it: its summary and every reviewer group of its sections. */
export interface BoardEntry {
  summary: ReviewSummary;
  reviewerGroups: string[];
}

/**
 * Every review's board entry, computed once and kept until a review changes
 * on any replica (the store's change stamp, one cheap aggregate per read)
 * or the day changes (overdue flags). The board then filters and pages in
 * memory instead of reading and summarising every review per request.
 */
export class ReviewBoardCache {
  #stamp?: string;
  #day?: string;
  #entries: BoardEntry[] = [];
  #entityRefs: readonly string[] = [];
  #loading?: Promise<BoardEntry[]>;
  #stampRead?: Promise<string>;

  constructor(
    private readonly store: Pick<
      ReviewStore,
      'getChangeStamp' | 'listReviewHeads'
    >,
    private readonly templates: ReviewTemplate[],
  ) {}

  /** Entries of every review, newest first. */
  async entries(now: Date): Promise<BoardEntry[]> {
    // Readers arriving together share one stamp read: under load, one
    // aggregate query serves every board request in flight.
    this.#stampRead ??= this.store.getChangeStamp().finally(() => {
      this.#stampRead = undefined;
    });
    const stamp = await this.#stampRead;
    const day = now.toISOString().slice(0, 10);
    if (stamp === this.#stamp && day === this.#day) {
      return this.#entries;
    }
    // Concurrent readers of a stale cache share one reload.
    this.#loading ??= this.load(stamp, day, now).finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  private async load(
    stamp: string,
    day: string,
    now: Date,
  ): Promise<BoardEntry[]> {
    const heads = await this.store.listReviewHeads({});
    const entries = heads.map(head => ({
      summary: toReviewSummary(head, this.templates, now),
      reviewerGroups: [
        ...new Set(
          summarySections(head, this.templates).sections.flatMap(
            s => s.reviewerGroups,
          ),
        ),
      ],
    }));
    this.#stamp = stamp;
    this.#day = day;
    this.#entries = entries;
    this.#entityRefs = entries.map(e => e.summary.entityRef);
    return entries;
  }

  /**
   * The entity refs of entries this cache returned, as one list that stays
   * the same object until the entries change, so a caller's visibility
   * answer for it can be reused (see CatalogVisibility).
   */
  entityRefs(entries: BoardEntry[]): readonly string[] {
    return entries === this.#entries
      ? this.#entityRefs
      : entries.map(e => e.summary.entityRef);
  }
}
