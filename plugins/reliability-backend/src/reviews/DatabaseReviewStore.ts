import {
  OPEN_REVIEW_STATES,
  ReviewEvent,
  ReviewState,
} from '@preflight/plugin-reliability-common';
import { Knex } from 'knex';
import { chunks } from '../lib/chunks';
import { storedTimestamp } from '../database/storedTimestamp';
import type {
  CreateReviewOutcome,
  ReviewStore,
  ReviewStoreFilter,
} from './ReviewStore';
import { digestOf } from './reviewDigest';
import type { NewReviewEvent, ReviewHead, StoredReview } from './reviewTypes';

// Every column but the body: what list reads need.
const HEAD_COLUMNS = [
  'id',
  'entity_ref',
  'stage',
  'template_id',
  'template_version',
  'state',
  'dri',
  'target_date',
  'tier',
  'owner_ref',
  'entity_title',
  'version',
  'created_at',
  'updated_at',
  'digest',
];

// Refs per WHERE IN: far below SQLite's and PostgreSQL's parameter limits.
const CHUNK_SIZE = 500;

interface ReviewRow {
  id: string;
  entity_ref: string;
  stage: string;
  template_id: string;
  template_version: string;
  state: string;
  dri: string;
  target_date: string | null;
  tier: string | null;
  owner_ref: string | null;
  entity_title: string | null;
  version: number;
  open_key: string | null;
  created_at: Date | string | number;
  updated_at: Date | string | number;
  body: string;
  digest: string;
}

interface EventRow {
  review_id: string;
  seq: number;
  at: Date | string | number;
  actor: string;
  action: string;
  state_before: string | null;
  state_after: string | null;
  section_id: string | null;
  item_id: string | null;
  details: string | null;
}

/** The unique key that allows one open review per entity and stage. */
function openKey(review: Pick<StoredReview, 'entityRef' | 'stage' | 'state'>) {
  return OPEN_REVIEW_STATES.includes(review.state)
    ? `${review.entityRef}|${review.stage}`
    : null;
}

function toRow(review: StoredReview): ReviewRow {
  return {
    id: review.id,
    entity_ref: review.entityRef,
    stage: review.stage,
    template_id: review.templateId,
    template_version: review.templateVersion,
    state: review.state,
    dri: review.dri,
    target_date: review.targetDate,
    tier: review.tier,
    owner_ref: review.ownerRef,
    entity_title: review.entityTitle,
    version: review.version,
    open_key: openKey(review),
    created_at: new Date(review.createdAt),
    updated_at: new Date(review.updatedAt),
    body: JSON.stringify(review.body),
    digest: JSON.stringify(digestOf(review)),
  };
}

function headFromRow(row: Omit<ReviewRow, 'body'>): ReviewHead {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    stage: row.stage,
    templateId: row.template_id,
    templateVersion: row.template_version,
    state: row.state as ReviewState,
    dri: row.dri,
    targetDate: row.target_date,
    tier: row.tier,
    ownerRef: row.owner_ref,
    entityTitle: row.entity_title,
    version: Number(row.version),
    createdAt: storedTimestamp(row.created_at)!,
    updatedAt: storedTimestamp(row.updated_at)!,
    digest: JSON.parse(row.digest),
  };
}

function fromRow(row: ReviewRow): StoredReview {
  const { digest: _digest, ...head } = headFromRow(row);
  return { ...head, body: JSON.parse(row.body) };
}

function toEventRow(
  reviewId: string,
  seq: number,
  event: NewReviewEvent,
): EventRow {
  return {
    review_id: reviewId,
    seq,
    at: new Date(event.at),
    actor: event.actor,
    action: event.action,
    state_before: event.stateBefore ?? null,
    state_after: event.stateAfter ?? null,
    section_id: event.sectionId ?? null,
    item_id: event.itemId ?? null,
    details: event.details ? JSON.stringify(event.details) : null,
  };
}

function fromEventRow(row: EventRow): ReviewEvent {
  return {
    seq: Number(row.seq),
    at: storedTimestamp(row.at)!,
    actor: row.actor,
    action: row.action,
    ...(row.state_before
      ? { stateBefore: row.state_before as ReviewState }
      : {}),
    ...(row.state_after ? { stateAfter: row.state_after as ReviewState } : {}),
    ...(row.section_id ? { sectionId: row.section_id } : {}),
    ...(row.item_id ? { itemId: row.item_id } : {}),
    ...(row.details ? { details: JSON.parse(row.details) } : {}),
  };
}

/**
 * {@link ReviewStore} on the plugin database (SQLite, PostgreSQL). Safe for
 * several backend replicas on one database: the unique open key and the
 * version-conditional update make the database the referee.
 */
export class DatabaseReviewStore implements ReviewStore {
  /** On the plugin database, already migrated (`openReliabilityDatabase`). */
  constructor(private readonly db: Knex) {}

  async createReview(
    review: StoredReview,
    event: NewReviewEvent,
  ): Promise<CreateReviewOutcome> {
    try {
      await this.db.transaction(async tx => {
        await tx('reviews').insert(toRow(review));
        await tx('review_events').insert(toEventRow(review.id, 1, event));
      });
      return { created: true, review };
    } catch (error) {
      // The unique open key refused a second open review: answer with the
      // one that won (read after the failed transaction rolled back).
      const key = openKey(review);
      const existing = key
        ? await this.db<ReviewRow>('reviews').where({ open_key: key }).first()
        : undefined;
      if (existing) {
        return { created: false, existing: fromRow(existing) };
      }
      throw error;
    }
  }

  async getReview(id: string): Promise<StoredReview | undefined> {
    const row = await this.db<ReviewRow>('reviews').where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  async listReviews(filter: ReviewStoreFilter): Promise<StoredReview[]> {
    return (await this.select(filter, ['*'])).map(row =>
      fromRow(row as ReviewRow),
    );
  }

  async listReviewHeads(filter: ReviewStoreFilter): Promise<ReviewHead[]> {
    return (await this.select(filter, HEAD_COLUMNS)).map(headFromRow);
  }

  /** Rows matching the filter, newest first, with the given columns. */
  private async select(
    filter: ReviewStoreFilter,
    columns: string[],
  ): Promise<Array<Omit<ReviewRow, 'body'>>> {
    if (filter.ownerRefs?.length === 0 || filter.entityRefs?.length === 0) {
      return [];
    }
    type Row = Omit<ReviewRow, 'body'>;
    const query = (refs?: string[]): Promise<Row[]> => {
      const q = this.db('reviews').select(columns);
      if (filter.states && filter.states.length > 0) {
        q.whereIn('state', filter.states);
      }
      if (filter.stage) {
        q.where('stage', filter.stage);
      }
      if (filter.ownerRefs) {
        q.whereIn('owner_ref', filter.ownerRefs);
      }
      if (refs) {
        q.whereIn('entity_ref', refs);
      }
      return q.orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    };
    if (!filter.entityRefs) {
      return query();
    }
    const rows: Array<Omit<ReviewRow, 'body'>> = [];
    for (const chunk of chunks(filter.entityRefs, CHUNK_SIZE)) {
      rows.push(...(await query(chunk)));
    }
    const at = (row: Omit<ReviewRow, 'body'>) =>
      storedTimestamp(row.created_at) ?? '';
    return rows.sort(
      (a, b) => at(b).localeCompare(at(a)) || a.id.localeCompare(b.id),
    );
  }

  async updateReview(
    review: StoredReview,
    expectedVersion: number,
    events: NewReviewEvent[],
  ): Promise<StoredReview | undefined> {
    const written = await this.updateReviews([
      { review, expectedVersion, events },
    ]);
    return written.length > 0
      ? { ...review, version: expectedVersion + 1 }
      : undefined;
  }

  async updateReviews(
    updates: Array<{
      review: StoredReview;
      expectedVersion: number;
      events: NewReviewEvent[];
    }>,
  ): Promise<string[]> {
    if (updates.length === 0) {
      return [];
    }
    return this.db.transaction(async tx => {
      const written: typeof updates = [];
      for (const update of updates) {
        const row = toRow({
          ...update.review,
          version: update.expectedVersion + 1,
        });
        const count = await tx('reviews')
          .where({ id: row.id, version: update.expectedVersion })
          .update({
            state: row.state,
            template_version: row.template_version,
            target_date: row.target_date,
            owner_ref: row.owner_ref,
            entity_title: row.entity_title,
            open_key: row.open_key,
            version: row.version,
            updated_at: row.updated_at,
            body: row.body,
            digest: row.digest,
          });
        if (count > 0) {
          written.push(update);
        }
      }
      // The version checks above admit one writer per version, so the next
      // sequence numbers are ours; the primary key is the backstop.
      const withEvents = written.filter(u => u.events.length > 0);
      const lastSeq = new Map<string, number>();
      for (const chunk of chunks(
        withEvents.map(u => u.review.id),
        CHUNK_SIZE,
      )) {
        const rows: Array<{ review_id: string; seq: unknown }> = await tx(
          'review_events',
        )
          .whereIn('review_id', chunk)
          .groupBy('review_id')
          .select('review_id', tx.raw('MAX(seq) AS seq'));
        rows.forEach(r => lastSeq.set(r.review_id, Number(r.seq)));
      }
      const eventRows = withEvents.flatMap(u => {
        const start = (lastSeq.get(u.review.id) ?? 0) + 1;
        return u.events.map((event, index) =>
          toEventRow(u.review.id, start + index, event),
        );
      });
      for (const chunk of chunks(eventRows, CHUNK_SIZE / 10)) {
        await tx('review_events').insert(chunk);
      }
      return written.map(u => u.review.id);
    });
  }

  async getChangeStamp(): Promise<string> {
    const row = await this.db('reviews')
      .select(
        this.db.raw('COUNT(*) AS n'),
        this.db.raw('COALESCE(SUM(version), 0) AS v'),
      )
      .first();
    return `${Number(row?.n ?? 0)}:${Number(row?.v ?? 0)}`;
  }

  async listEvents(reviewId: string): Promise<ReviewEvent[]> {
    const rows = await this.db<EventRow>('review_events')
      .where({ review_id: reviewId })
      .orderBy('seq');
    return rows.map(fromEventRow);
  }
}
