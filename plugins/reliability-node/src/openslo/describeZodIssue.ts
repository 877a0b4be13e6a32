import type { ZodIssue } from 'zod/v3';
import { formatFieldPath } from '@preflight/plugin-reliability-common';

/** A zod issue in words, with the path it belongs to. */
export interface DescribedIssue {
  field: string;
  message: string;
  fix?: string;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Turns a zod issue from the OpenSLO schemas into a message a service owner
 * understands; custom issues carry their own message and fix.
 */
export function describeZodIssue(
  issue: ZodIssue,
  pathPrefix: ReadonlyArray<string | number>,
): DescribedIssue {
  const path = [...pathPrefix, ...issue.path];
  const field = formatFieldPath(path);
  const key = String(path[path.length - 1] ?? 'value');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') {
        return key === 'query'
          ? {
              field,
              message: 'the PromQL query is missing',
              fix: 'Put the PromQL in metricSource.spec.query, e.g. query: http_requests_total{service="checkout-api"}',
            }
          : { field, message: `"${key}" is missing` };
      }
      return {
        field,
        message: `"${key}" must be ${article(issue.expected)}, not ${article(
          issue.received,
        )}`,
      };
    case 'invalid_enum_value':
      return {
        field,
        message: `"${String(issue.received)}" is not one of ${issue.options
          .map(option => String(option))
          .join(', ')}`,
      };
    case 'invalid_union':
      return {
        field,
        message:
          key === 'timeSliceWindow'
            ? `"${key}" must be a duration such as "1m" or a number of minutes`
            : `"${key}" has an unexpected form`,
      };
    case 'too_small':
      return { field, message: `"${key}" must not be empty` };
    case 'custom':
      return typeof issue.params?.fix === 'string'
        ? { field, message: issue.message, fix: issue.params.fix }
        : { field, message: issue.message };
    default:
      return { field, message: issue.message };
  }
}
