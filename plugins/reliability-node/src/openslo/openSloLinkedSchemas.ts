/**
 * zod schemas of the OpenSLO v1 objects an SLO references by name or
 * inlines: `DataSource`, `AlertPolicy`, `AlertCondition` and
 * `AlertNotificationTarget`. Shape and single-field rules only; references
 * are resolved by `resolveLinkedObjects`.
 */
import { z } from 'zod/v3';
import {
  InvalidSloDurationError,
  parseSloDuration,
} from '@preflight/plugin-reliability-common';
import { openSloNameSchema } from './openSloSchemas';

function customIssue(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  message: string,
  fix?: string,
): void {
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    path,
    message,
    params: fix ? { fix } : undefined,
  });
}

const metadataSchema = z
  .object({ name: openSloNameSchema, displayName: z.string().optional() })
  .passthrough();

/** `spec` of a `DataSource`. */
export const openSloDataSourceSpecSchema = z
  .object({
    description: z.string().optional(),
    type: z.string(),
    connectionDetails: z
      .object({ instance: z.string().optional() })
      .passthrough()
      .optional(),
  })
  .passthrough()
  .superRefine((spec, ctx) => {
    if (spec.type.toLowerCase() !== 'prometheus') {
      customIssue(
        ctx,
        ['type'],
        `data source type "${spec.type}" is not supported; Preflight reads Prometheus`,
        'Use type: Prometheus.',
      );
    }
  });

// An alert's `for:` may be 0m; lookback windows must be positive.
function durationField(allowZero: boolean) {
  return z.string().superRefine((value, ctx) => {
    if (allowZero && value === '0m') {
      return;
    }
    try {
      parseSloDuration(value);
    } catch (error) {
      if (error instanceof InvalidSloDurationError) {
        customIssue(ctx, [], error.message, 'Write e.g. "5m" or "1h".');
        return;
      }
      throw error;
    }
  });
}

/** `spec` of an `AlertCondition`: a burn-rate condition. */
export const openSloAlertConditionSpecSchema = z
  .object({
    description: z.string().optional(),
    severity: z.string().min(1),
    condition: z
      .object({
        kind: z.string().optional(),
        op: z.enum(['gt', 'gte', 'lt', 'lte']).optional(),
        threshold: z.number().finite().positive(),
        lookbackWindow: durationField(false),
        alertAfter: durationField(true).optional(),
      })
      .passthrough()
      .superRefine((condition, ctx) => {
        if (
          condition.kind !== undefined &&
          condition.kind.toLowerCase() !== 'burnrate'
        ) {
          customIssue(
            ctx,
            ['kind'],
            `alert condition kind "${condition.kind}" is not supported; Preflight exports burnrate conditions`,
            'Use kind: burnrate.',
          );
        }
        if (condition.op === 'lt' || condition.op === 'lte') {
          customIssue(
            ctx,
            ['op'],
            `a burn-rate alert fires when the burn rate is high; op "${condition.op}" would fire while the budget is safe`,
            'Use op: gte (or gt), or leave op out.',
          );
        }
      }),
  })
  .passthrough();

/** `spec` of an `AlertNotificationTarget`. */
export const openSloAlertNotificationTargetSpecSchema = z
  .object({ target: z.string().min(1), description: z.string().optional() })
  .passthrough();

/** An object inlined where a reference could stand, e.g. an inline `AlertCondition`. */
export const openSloInlineObjectSchema = z
  .object({
    kind: z.string(),
    metadata: metadataSchema,
    spec: z.unknown(),
  })
  .passthrough();

/** `spec` of an `AlertPolicy`; conditions and targets are refs or inline objects. */
export const openSloAlertPolicySpecSchema = z
  .object({
    description: z.string().optional(),
    alertWhenNoData: z.boolean().optional(),
    alertWhenResolved: z.boolean().optional(),
    alertWhenBreaching: z.boolean().optional(),
    conditions: z.array(z.unknown()),
    notificationTargets: z.array(z.unknown()).optional(),
  })
  .passthrough()
  .superRefine((spec, ctx) => {
    if (spec.conditions.length !== 1) {
      customIssue(
        ctx,
        ['conditions'],
        `an alert policy has exactly one condition (OpenSLO v1), found ${spec.conditions.length}`,
        'Write one policy per condition and list the policies in the SLO’s alertPolicies.',
      );
    }
  });

/** OpenSLO `DataSource` spec as written. */
export type OpenSloDataSourceSpec = z.infer<typeof openSloDataSourceSpecSchema>;
/** OpenSLO `AlertCondition` spec as written. */
export type OpenSloAlertConditionSpec = z.infer<
  typeof openSloAlertConditionSpecSchema
>;
/** OpenSLO `AlertPolicy` spec as written. */
export type OpenSloAlertPolicySpec = z.infer<
  typeof openSloAlertPolicySpecSchema
>;
