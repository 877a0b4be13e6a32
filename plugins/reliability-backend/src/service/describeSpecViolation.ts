import { InputError } from '@backstage/errors';
import {
  boundUserValue,
  formatFieldPath,
} from '@preflight/plugin-reliability-common';
import type { Request } from 'express';
import { parseReviewParams } from '../reviews/parseReviewRequests';
import { parseEntityParams, parseGroupParams } from './entityParams';
import type { SpecViolation } from './requestVerdict';

/** What the validator attaches to a request it matched to an operation. */
export interface MatchedOperation {
  schema: { operationId?: string };
  pathParams: Record<string, string>;
}

/** The operation the served router matched the request to, if any. */
export function matchedOperation(req: Request): MatchedOperation | undefined {
  return (req as Request & { openapi?: MatchedOperation }).openapi;
}

// The validator's refusal reaches the router as an InputError whose message
// is ajv's text: `request/<where>/<JSON pointer> <rule>`, several joined by
// ", " (the validator runs with allErrors). Other refusals (a content type
// the operation does not take) are plain sentences.
const SEPARATOR = /, (?=request[/ ])/;
const ISSUE = /^request(?:\/(params|query|headers|body)(\/\S*)?)? (.*)$/s;
const MISSING = /^must have required property '(.*)'$/s;

// The validator's own sentences can quote request headers: cut them.
const ECHO_LIMIT = 200;

function pointerPath(pointer: string | undefined): Array<string | number> {
  if (!pointer) {
    return [];
  }
  return pointer
    .slice(1)
    .split('/')
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(segment => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * One refused field of the query or body as `field: rule`, e.g.
 * `changes[0].checkId: must NOT have more than 255 characters`. The rules
 * are the spec's, worded by ajv; they never quote the request's values.
 */
function describeField(
  where: string | undefined,
  pointer: string | undefined,
  rule: string,
): string {
  const path = pointerPath(pointer);
  const missing = MISSING.exec(rule);
  if (missing) {
    return `${formatFieldPath([...path, missing[1]])}: is required`;
  }
  const field = formatFieldPath(path) || where || 'request';
  return `${field}: ${rule}`;
}

/**
 * The path parameters refused, worded as the routes always worded them:
 * the catalog's rules for entity and group references, the review ids'
 * for review routes (`Invalid entity reference: name: name must be at most
 * 63 characters, got "…"`). The spec's patterns are the same rules.
 */
function describeParams(params: Record<string, string>): InputError {
  try {
    if ('kind' in params) {
      parseEntityParams(params);
    } else if ('id' in params) {
      parseReviewParams(params);
    } else {
      parseGroupParams(params);
    }
  } catch (error) {
    if (error instanceof InputError) {
      return error;
    }
    throw error;
  }
  // The spec refused what the catalog's rules accept: say the spec's rule.
  return new InputError(
    `Invalid request: ${Object.keys(params).join(', ')} not as documented`,
  );
}

/**
 * Reads a refusal of the served router's validator (see
 * `createRequestValidator`) into today's error answers: the path parameters
 * as one error naming each bad one, the query and body as one line per
 * field. Anything else (not the validator's) is `undefined`.
 */
export function describeSpecViolation(
  error: unknown,
  req: Request,
): SpecViolation | undefined {
  const operation = matchedOperation(req);
  if (!operation || !(error instanceof InputError)) {
    return undefined;
  }
  let paramsRefused = false;
  const fields: string[] = [];
  for (const text of error.message.split(SEPARATOR)) {
    const issue = ISSUE.exec(text);
    if (!issue) {
      fields.push(boundUserValue(text, ECHO_LIMIT));
    } else if (issue[1] === 'params') {
      paramsRefused = true;
    } else {
      fields.push(describeField(issue[1], issue[2], issue[3]));
    }
  }
  return {
    params: paramsRefused ? describeParams(operation.pathParams) : undefined,
    fields,
  };
}
