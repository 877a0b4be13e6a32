import { InputError } from '@backstage/errors';
import { formatZodIssues } from '@preflight/plugin-reliability-common';
import { z } from 'zod/v3';

// The catalog's own rules: kinds are letters and digits; namespaces are
// DNS-label-like; names are letters, digits and "-_." with alphanumeric ends.
// All are at most 63 characters.
const entityParamsSchema = z.object({
  kind: z
    .string()
    .min(1, 'kind must not be empty')
    .max(63, 'kind must be at most 63 characters')
    .regex(
      /^[a-zA-Z][a-zA-Z0-9]*$/,
      'kind must be letters and digits, starting with a letter',
    ),
  namespace: z
    .string()
    .min(1, 'namespace must not be empty')
    .max(63, 'namespace must be at most 63 characters')
    .regex(
      /^[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*$/,
      'namespace must be letters, digits and "-", starting and ending with a letter or digit',
    ),
  name: z
    .string()
    .min(1, 'name must not be empty')
    .max(63, 'name must be at most 63 characters')
    .regex(
      /^[a-zA-Z0-9](?:[-_.a-zA-Z0-9]*[a-zA-Z0-9])?$/,
      'name must be letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
    ),
});

/** The entity an entity route is about. */
export type EntityParams = z.infer<typeof entityParamsSchema>;

/**
 * Validates the `:kind/:namespace/:name` route parameters. The error names
 * every offending field, e.g. `Invalid entity reference: name: name must be
 * at most 63 characters`.
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
 * must be at most 63 characters`.
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
