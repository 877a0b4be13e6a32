import { InputError } from '@backstage/errors';
import { parseReviewParams } from '../reviews/parseReviewRequests';
import type { SpecRefusal } from './compileOperationChecks';
import { parseEntityParams, parseGroupParams } from './entityParams';
import type { SpecViolation } from './requestVerdict';

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
 * Reads what the spec refused in a request (see `compileOperationChecks`)
 * into today's error answers: the path parameters as one error naming each
 * bad one, the query and body as one line per field.
 */
export function describeSpecViolation(
  refusal: SpecRefusal,
  params: Record<string, string>,
): SpecViolation {
  return {
    params: refusal.paramsRefused ? describeParams(params) : undefined,
    fields: refusal.fields,
  };
}
