import type { ErrorObject } from 'ajv';
import {
  boundUserValue,
  formatFieldPath,
} from '@preflight/plugin-reliability-common';
import { decodePointer } from '../lib/jsonPointer';

// Field names a request made up are echoed, bounded.
const FIELD_ECHO_LIMIT = 60;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

const FORMAT_RULES: Record<string, string> = {
  date: 'must be a calendar date YYYY-MM-DD',
  'date-time': 'must be a timestamp such as 2026-01-31T12:00:00Z',
  uuid: 'must be a UUID',
  uri: 'must be a URL',
};

// Array indexes as numbers, so fields read `changes[0].op`.
function pointerPath(pointer: string): Array<string | number> {
  return decodePointer(pointer).map(segment =>
    /^\d+$/.test(segment) ? Number(segment) : segment,
  );
}

// Rules on a length or a number of items: how to say them, and the unit.
const COUNT_RULES: Record<string, [phrase: string, unit: string]> = {
  maxLength: ['be at most', 'character'],
  minLength: ['be at least', 'character'],
  maxItems: ['have at most', 'item'],
  minItems: ['have at least', 'item'],
};

function countRule(keyword: string, limit: number): string {
  const [phrase, unit] = COUNT_RULES[keyword];
  if (keyword.startsWith('min') && limit === 1) {
    return 'must not be empty';
  }
  return `must ${phrase} ${limit} ${unit}${limit === 1 ? '' : 's'}`;
}

/** The rule a value broke, worded as the routes word their own checks. */
function ruleOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const types = ([] as string[]).concat(params.type as string | string[]);
      return `must be ${types.map(t => TYPE_NAMES[t] ?? t).join(' or ')}`;
    }
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems':
      return countRule(error.keyword, params.limit as number);
    case 'maximum':
      return `must be at most ${params.limit}`;
    case 'minimum':
      return `must be at least ${params.limit}`;
    case 'format':
      return (
        FORMAT_RULES[params.format as string] ??
        `must be ${params.format as string}`
      );
    case 'pattern':
      return `must match ${params.pattern as string}`;
    default:
      return error.message ?? `breaks the rule "${error.keyword}"`;
  }
}

/**
 * One refused field of a query or body as users write it, with the spec's
 * rule worded as the routes word their own checks: `changes[2].op: must be
 * one of add, remove`, `note: must be at most 2000 characters`,
 * `changes[0].reason: is not a field of this request`. The rules are the
 * spec's; values the request sent are never quoted, and field names it
 * made up are echoed bounded.
 */
export function describeSchemaError(
  where: 'query' | 'body',
  error: ErrorObject,
): string {
  const path = pointerPath(error.instancePath);
  const params = error.params as Record<string, string>;
  if (error.keyword === 'required') {
    return `${formatFieldPath([...path, params.missingProperty])}: is required`;
  }
  if (error.keyword === 'additionalProperties') {
    const extra = boundUserValue(params.additionalProperty, FIELD_ECHO_LIMIT);
    return `${formatFieldPath([...path, extra])}: is not a field of this ${
      where === 'query' ? 'query' : 'request'
    }`;
  }
  return `${formatFieldPath(path) || where}: ${ruleOf(error)}`;
}
