import { InputError } from '@backstage/errors';
import type {
  AnswerItemRequest,
  CreateReviewRequest,
  ReviewActionRequest,
  ReviewListQuery,
  ReviewState,
  WaiveItemRequest,
} from '@preflight/plugin-reliability-common';
import type { Request } from 'express';
import {
  assertRequestFollowsSpec,
  validatedParams,
} from '../service/requestVerdict';

/*
 * Review requests arrive checked against openapi.yaml (fields, types,
 * lengths, enums: service/requestValidator.ts), and their routes raise what
 * the spec refused here, after checking the caller. What is read here is
 * only what a schema cannot say: an evidence link must parse as an http(s)
 * URL, a comment or reason must not be blank, the board's states may be
 * comma-separated.
 */

const REVIEW_STATES: ReadonlySet<string> = new Set<ReviewState>([
  'draft',
  'in-review',
  'changes-requested',
  'approved',
  'drifted',
  'cancelled',
]);

const REVIEW_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEMPLATE_PART = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

function refuse(what: string, problems: string[]): void {
  if (problems.length > 0) {
    throw new InputError(`Invalid ${what}: ${problems.join('; ')}`);
  }
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** `POST /entities/…/reviews`. */
export function readCreateReview(req: Request): CreateReviewRequest {
  assertRequestFollowsSpec(req, 'Invalid review');
  return req.body;
}

/** `PUT /reviews/{id}/items/{itemId}/answer`. */
export function readAnswer(req: Request): AnswerItemRequest {
  assertRequestFollowsSpec(req, 'Invalid answer');
  const body: AnswerItemRequest = req.body;
  refuse(
    'answer',
    (body.evidence ?? []).flatMap((link, i) =>
      isWebUrl(link.url) ? [] : [`evidence[${i}].url: must be an http(s) URL`],
    ),
  );
  return body;
}

/** Actions carrying the version and an optional comment (submit, sign-off, re-affirm). */
export function readAction(req: Request): ReviewActionRequest {
  assertRequestFollowsSpec(req, 'Invalid request');
  return req.body;
}

/** Actions that need a comment (request-changes, cancel). */
export function readCommentedAction(
  req: Request,
): ReviewActionRequest & { comment: string } {
  const body = readAction(req);
  if (blank(body.comment)) {
    refuse('request', [
      `comment: ${
        body.comment === undefined ? 'is required' : 'must not be empty'
      }`,
    ]);
  }
  return body as ReviewActionRequest & { comment: string };
}

/** `POST /reviews/{id}/items/{itemId}/waive`. */
export function readWaive(req: Request): WaiveItemRequest {
  assertRequestFollowsSpec(req, 'Invalid waiver');
  const body: WaiveItemRequest = req.body;
  if (blank(body.reason)) {
    refuse('waiver', ['reason: must not be empty']);
  }
  return body;
}

// A query value as the spec lets it come: once, repeated, or left out.
type QueryValue = string | string[] | undefined;

function readStates(value: QueryValue): ReviewState[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  const states = ([] as string[])
    .concat(value)
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(v => v !== '');
  refuse(
    'query',
    states.flatMap((state, i) =>
      REVIEW_STATES.has(state)
        ? []
        : [`state[${i}]: must be one of ${[...REVIEW_STATES].join(', ')}`],
    ),
  );
  return states as ReviewState[];
}

const flag = (value: QueryValue) =>
  value === undefined ? undefined : value === 'true';

/**
 * `GET /reviews` query string; the spec's check has turned `page` and
 * `pageSize` into numbers.
 */
export function readReviewListQuery(req: Request): ReviewListQuery {
  assertRequestFollowsSpec(req, 'Invalid query');
  const query = req.query as Record<string, QueryValue> &
    Pick<ReviewListQuery, 'page' | 'pageSize'>;
  const text = (value: QueryValue) => value as string | undefined;
  return {
    state: readStates(query.state),
    stage: text(query.stage),
    team: text(query.team),
    reviewerGroup: text(query.reviewerGroup),
    waitingOnMe: flag(query.waitingOnMe),
    overdue: flag(query.overdue),
    q: text(query.q),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** `GET /reviews/{id}/export` query string. */
export function readExportQuery(req: Request): {
  format: 'json' | 'markdown';
} {
  assertRequestFollowsSpec(req, 'Invalid query');
  return { format: req.query.format === 'markdown' ? 'markdown' : 'json' };
}

/** The `:id`, `:itemId` and `:sectionId` route parameters. */
export function parseReviewParams(params: {
  id?: string;
  itemId?: string;
  sectionId?: string;
}): { id: string; itemId?: string; sectionId?: string } {
  const problems: string[] = [];
  if (!REVIEW_ID.test(params.id ?? '')) {
    problems.push('id: must be a review id (UUID)');
  }
  for (const part of ['itemId', 'sectionId'] as const) {
    const value = params[part];
    if (value !== undefined && !TEMPLATE_PART.test(value)) {
      problems.push(`${part}: must be an id of the template`);
    }
  }
  refuse('review reference', problems);
  return {
    id: params.id!,
    ...(params.itemId === undefined ? {} : { itemId: params.itemId }),
    ...(params.sectionId === undefined ? {} : { sectionId: params.sectionId }),
  };
}

/**
 * The `:id`, `:itemId` and `:sectionId` of a request the served router
 * validated against the spec (whose refusals are worded by
 * {@link parseReviewParams}).
 */
export function reviewParamsOf(req: Request): {
  id: string;
  itemId?: string;
  sectionId?: string;
} {
  const { id, itemId, sectionId } = validatedParams(req);
  return {
    id,
    ...(itemId === undefined ? {} : { itemId }),
    ...(sectionId === undefined ? {} : { sectionId }),
  };
}
