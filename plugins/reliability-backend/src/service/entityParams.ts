import { makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  boundUserValue,
  formatZodIssues,
} from '@preflight/plugin-reliability-common';
import type { Request } from 'express';
import { z } from 'zod/v3';
import { validatedParams } from './requestVerdict';

// The catalog's own default validators, so a route accepts exactly the
// kinds, namespaces and names an entity can have in the catalog.
const catalogValidators = makeValidator();

// The catalog stores namespaces in lower case but matches entity references
// without regard to case (`/by-name/component/Default/x` finds the entity in
// `default`), so a reference's namespace is checked as the catalog folds it.
function isValidNamespaceInRef(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    catalogValidators.isValidNamespace(value.toLocaleLowerCase('en-US'))
  );
}

// The catalog's length limit of each part, named in messages.
const MAX_LENGTH = 63;
// A rejected value is echoed up to this length: one character past the
// longest valid value shows that it is too long.
const ECHO_LENGTH = MAX_LENGTH + 1;

/**
 * A route parameter checked by a catalog validator; when it fails, the
 * message names the field, says the rule and echoes the value (bounded).
 * `shape` describes the catalog's rule for the characters.
 */
function catalogField(
  field: string,
  isValid: (value: unknown) => boolean,
  shape: string,
) {
  return z.string().superRefine((value, ctx) => {
    if (isValid(value)) {
      return;
    }
    let rule: string;
    if (value === '') {
      rule = 'must not be empty';
    } else if (value.length > MAX_LENGTH) {
      rule = `must be at most ${MAX_LENGTH} characters`;
    } else {
      rule = `must be ${shape}`;
    }
    const got =
      value === '' ? '' : `, got "${boundUserValue(value, ECHO_LENGTH)}"`;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `${field} ${rule}${got}`,
    });
  });
}

const entityParamsSchema = z.object({
  kind: catalogField(
    'kind',
    catalogValidators.isValidKind,
    'letters and digits, starting with a letter',
  ),
  namespace: catalogField(
    'namespace',
    isValidNamespaceInRef,
    'letters, digits and "-", starting and ending with a letter or digit',
  ),
  name: catalogField(
    'name',
    catalogValidators.isValidEntityName,
    'letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
  ),
});

/** The entity an entity route is about. */
export type EntityParams = z.infer<typeof entityParamsSchema>;

/**
 * Validates the `:kind/:namespace/:name` route parameters with the catalog's
 * validators. The error names every offending field and echoes its value,
 * e.g. `Invalid entity reference: name: name must be at most 63
 * characters, got "…"`.
 */
export function parseEntityParams(params: unknown): EntityParams {
  return parseWith(entityParamsSchema, params, 'entity');
}

const groupParamsSchema = entityParamsSchema.pick({
  namespace: true,
  name: true,
});

/** The group a group route is about. */
export type GroupParams = z.infer<typeof groupParamsSchema>;

/**
 * Validates the `:namespace/:name` parameters of a group route with the
 * same rules as entity routes, e.g. `Invalid group reference: name: name
 * must be at most 63 characters, got "…"`.
 */
export function parseGroupParams(params: unknown): GroupParams {
  return parseWith(groupParamsSchema, params, 'group');
}

function parseWith<T>(schema: z.ZodType<T>, params: unknown, what: string): T {
  const result = schema.safeParse(params);
  if (!result.success) {
    const details = formatZodIssues(result.error.issues).join('; ');
    throw new InputError(`Invalid ${what} reference: ${details}`);
  }
  return result.data;
}

/**
 * The entity of an entity route, from a request the served router validated
 * against the spec (whose refusals are worded by {@link parseEntityParams}).
 */
export function entityParamsOf(req: Request): EntityParams {
  const { kind, namespace, name } = validatedParams(req);
  return { kind, namespace, name };
}

/** The group of a group route, as {@link entityParamsOf}. */
export function groupParamsOf(req: Request): GroupParams {
  const { namespace, name } = validatedParams(req);
  return { namespace, name };
}
