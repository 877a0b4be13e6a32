import { InputError } from '@backstage/errors';
import {
  formatZodIssues,
  REVIEW_LIMITS,
  ReviewListQuery,
  ReviewState,
} from '@preflight/plugin-reliability-common';
import type { Request } from 'express';
import { z } from 'zod/v3';
import { validatedParams } from '../service/requestVerdict';

const REVIEW_STATES: [ReviewState, ...ReviewState[]] = [
  'draft',
  'in-review',
  'changes-requested',
  'approved',
  'drifted',
  'cancelled',
];

const version = z
  .number({
    required_error: 'send the version you read',
    invalid_type_error: 'must be a number',
  })
  .int('must be a whole number')
  .min(1, 'must be at least 1');

const text = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`);

const requiredText = (max: number) =>
  text(max).refine(value => value.trim() !== '', 'must not be empty');

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    value =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'is not a calendar date',
  );

const evidenceLink = z
  .object({
    url: text(REVIEW_LIMITS.urlChars).refine(value => {
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:';
      } catch {
        return false;
      }
    }, 'must be an http(s) URL'),
    title: text(REVIEW_LIMITS.titleChars).optional(),
  })
  .strict();

const createSchema = z
  .object({
    templateId: z.string().min(1, 'must not be empty').max(100),
    stage: z.string().min(1, 'must not be empty').max(100),
    targetDate: day.optional(),
  })
  .strict();

const answerSchema = z
  .object({
    version,
    value: z.enum(['yes', 'no', 'not-applicable']),
    reason: text(REVIEW_LIMITS.reasonChars).optional(),
    evidence: z
      .array(evidenceLink)
      .max(
        REVIEW_LIMITS.evidenceLinks,
        `at most ${REVIEW_LIMITS.evidenceLinks} links`,
      )
      .optional(),
    note: text(REVIEW_LIMITS.noteChars).optional(),
  })
  .strict();

const actionSchema = z
  .object({
    version,
    comment: text(REVIEW_LIMITS.commentChars).optional(),
  })
  .strict();

const commentedActionSchema = actionSchema.extend({
  comment: requiredText(REVIEW_LIMITS.commentChars),
});

const waiveSchema = z
  .object({ version, reason: requiredText(REVIEW_LIMITS.reasonChars) })
  .strict();

const boolParam = z
  .enum(['true', 'false'], {
    errorMap: () => ({ message: 'must be true or false' }),
  })
  .transform(value => value === 'true');

const single = z.string().max(512, 'must be at most 512 characters').optional();

const listSchema = z
  .object({
    state: z
      .union([z.string(), z.array(z.string())])
      .transform(value =>
        (Array.isArray(value) ? value : [value])
          .flatMap(v => v.split(','))
          .map(v => v.trim())
          .filter(v => v !== ''),
      )
      .pipe(z.array(z.enum(REVIEW_STATES)))
      .optional(),
    stage: single,
    team: single,
    reviewerGroup: single,
    waitingOnMe: boolParam.optional(),
    overdue: boolParam.optional(),
    q: z.string().max(200, 'must be at most 200 characters').optional(),
    page: z.coerce
      .number({ invalid_type_error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .optional(),
    pageSize: z.coerce
      .number({ invalid_type_error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .optional(),
  })
  .strict();

const idSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'must be a review id (UUID)',
  );
const partSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i, 'must be an id of the template');

const exportSchema = z
  .object({ format: z.enum(['json', 'markdown']).optional() })
  .strict();

/**
 * Parses with a schema; the InputError names every offending field, e.g.
 * `Invalid answer: evidence[0].url: must be an http(s) URL`.
 */
function parse<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new InputError(
      `Invalid ${what}: ${formatZodIssues(result.error.issues).join('; ')}`,
    );
  }
  return result.data;
}

/** `POST /entities/…/reviews`. */
export const parseCreateReview = (body: unknown) =>
  parse(createSchema, body, 'review');
/** `PUT /reviews/{id}/items/{itemId}/answer`. */
export const parseAnswer = (body: unknown) =>
  parse(answerSchema, body, 'answer');
/** Actions carrying the version and an optional comment (submit, sign-off, re-affirm). */
export const parseAction = (body: unknown) =>
  parse(actionSchema, body, 'request');
/** Actions that need a comment (request-changes, cancel). */
export const parseCommentedAction = (body: unknown) =>
  parse(commentedActionSchema, body, 'request');
/** `POST /reviews/{id}/items/{itemId}/waive`. */
export const parseWaive = (body: unknown) => parse(waiveSchema, body, 'waiver');
/** `GET /reviews` query string. */
export const parseReviewListQuery = (query: unknown): ReviewListQuery =>
  parse(listSchema, query, 'query');
/** `GET /reviews/{id}/export` query string. */
export const parseExportQuery = (query: unknown) =>
  parse(exportSchema, query, 'query');

/** The `:id`, `:itemId` and `:sectionId` route parameters. */
export function parseReviewParams(params: {
  id?: string;
  itemId?: string;
  sectionId?: string;
}): { id: string; itemId?: string; sectionId?: string } {
  return parse(
    z.object({
      id: idSchema,
      itemId: partSchema.optional(),
      sectionId: partSchema.optional(),
    }),
    params,
    'review reference',
  );
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
