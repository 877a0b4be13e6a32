/**
 * zod schemas of the OpenSLO v1 objects Preflight reads (`SLO`, `SLI`), as
 * written in YAML. They check shape and single-field rules; rules that span
 * documents (indicatorRef, duplicate names) live in the parser. Unknown
 * fields pass through: OpenSLO lets tools add their own.
 */
import { z } from 'zod/v3';
import {
  boundUserValue,
  InvalidSloDurationError,
  isKnownTimeZone,
  parseCalendarWindowDuration,
  parseSloDuration,
} from '@preflight/plugin-reliability-common';

/** The only OpenSLO version read. */
export const OPENSLO_API_VERSION = 'openslo/v1';

/**
 * Kinds Preflight reads: SLOs, the SLIs they reference, and the objects
 * they link to by name (DataSource, AlertPolicy, AlertCondition,
 * AlertNotificationTarget).
 */
export const OPENSLO_SUPPORTED_KINDS = [
  'SLO',
  'SLI',
  'DataSource',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
] as const;

/**
 * Other OpenSLO v1 kinds: valid in a file, but not used by Preflight, so they
 * are skipped without a problem.
 */
export const OPENSLO_IGNORED_KINDS = ['Service'] as const;

// RFC 1123 label, the name format OpenSLO requires every tool to support.
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// Prometheus instances are named in app-config, never given as URLs.
const INSTANCE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;
/**
 * The longest SLI query Preflight accepts. Real SLI queries are a few hundred
 * characters; a longer one is a pasted file or a runaway label value, and is
 * rejected here so it never reaches Prometheus, a log line or a stored result.
 */
export const MAX_SLI_QUERY_LENGTH = 4096;

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

/** `metadata.name` of an OpenSLO object. */
export const openSloNameSchema = z.string().superRefine((name, ctx) => {
  if (!OBJECT_NAME.test(name)) {
    customIssue(
      ctx,
      [],
      `"${boundUserValue(
        name,
      )}" is not a valid name: use at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit`,
      'Rename it, e.g. "checkout-availability".',
    );
  }
});

/** The fields every OpenSLO object shares. */
export const openSloEnvelopeSchema = z
  .object({
    apiVersion: z.string(),
    kind: z.string(),
    metadata: z
      .object({
        name: openSloNameSchema,
        displayName: z.string().optional(),
      })
      .passthrough(),
    spec: z.unknown(),
  })
  .passthrough();

const PROMETHEUS_QUERY_FIX =
  'Put the PromQL in metricSource.spec.query, e.g. query: http_requests_total{service="checkout-api"}';

const metricSourceSchema = z
  .object({
    type: z.string().optional(),
    metricSourceRef: z.string().optional(),
    spec: z
      .object({
        query: z.string(),
      })
      .passthrough(),
  })
  .passthrough()
  .superRefine((source, ctx) => {
    if (
      source.type !== undefined &&
      source.type.toLowerCase() !== 'prometheus'
    ) {
      customIssue(
        ctx,
        ['type'],
        `metric source type "${boundUserValue(
          source.type,
        )}" is not supported; Preflight reads Prometheus`,
        'Use type: Prometheus with a PromQL query.',
      );
    }
    if (
      source.metricSourceRef !== undefined &&
      !INSTANCE_NAME.test(source.metricSourceRef)
    ) {
      customIssue(
        ctx,
        ['metricSourceRef'],
        `"${boundUserValue(
          source.metricSourceRef,
        )}" is not a Prometheus instance name`,
        'Name an instance from reliability.prometheus.instances in app-config (not a URL), or leave metricSourceRef out to use the default instance.',
      );
    }
    if (source.spec.query.length > MAX_SLI_QUERY_LENGTH) {
      customIssue(
        ctx,
        ['spec', 'query'],
        `the PromQL query "${boundUserValue(
          source.spec.query,
        )}" is longer than ${MAX_SLI_QUERY_LENGTH} characters`,
        'Shorten the query: keep label values to the identifiers they are (service names, status codes), and move long expressions into recording rules.',
      );
    }
    if (source.spec.query.trim() === '') {
      customIssue(
        ctx,
        ['spec', 'query'],
        'the PromQL query is empty',
        PROMETHEUS_QUERY_FIX,
      );
    }
  });

const metricSchema = z
  .object({ metricSource: metricSourceSchema })
  .passthrough();

/** `spec.ratioMetric` of an SLI. */
export const openSloRatioMetricSchema = z
  .object({
    counter: z.boolean().optional(),
    good: metricSchema.optional(),
    bad: metricSchema.optional(),
    total: metricSchema.optional(),
    raw: z.unknown().optional(),
    rawType: z.unknown().optional(),
  })
  .passthrough()
  .superRefine((ratio, ctx) => {
    if (ratio.raw !== undefined || ratio.rawType !== undefined) {
      customIssue(
        ctx,
        ['raw'],
        'precomputed "raw" ratios are not supported',
        'Give good (or bad) and total counter queries instead.',
      );
      return;
    }
    if (ratio.good !== undefined && ratio.bad !== undefined) {
      customIssue(
        ctx,
        ['bad'],
        'give either "good" or "bad", not both',
        'Remove one of them; bad/total is measured as 1 − bad/total.',
      );
    }
    if (ratio.good === undefined && ratio.bad === undefined) {
      customIssue(
        ctx,
        ['good'],
        'the ratio has no "good" or "bad" query',
        PROMETHEUS_QUERY_FIX,
      );
    }
    if (ratio.total === undefined) {
      customIssue(
        ctx,
        ['total'],
        'the ratio has no "total" query',
        PROMETHEUS_QUERY_FIX,
      );
    }
  });

/** `spec` of an SLI (also of an SLO's inline `indicator`). */
export const openSloSliSpecSchema = z
  .object({
    description: z.string().optional(),
    ratioMetric: openSloRatioMetricSchema.optional(),
    thresholdMetric: metricSchema.optional(),
  })
  .passthrough()
  .superRefine((spec, ctx) => {
    if (spec.ratioMetric !== undefined && spec.thresholdMetric !== undefined) {
      customIssue(
        ctx,
        ['thresholdMetric'],
        'give either "ratioMetric" or "thresholdMetric", not both',
      );
    }
    if (spec.ratioMetric === undefined && spec.thresholdMetric === undefined) {
      customIssue(
        ctx,
        ['ratioMetric'],
        'the indicator has no "ratioMetric" or "thresholdMetric", so there is nothing to query',
        PROMETHEUS_QUERY_FIX,
      );
    }
  });

function durationIssue(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  value: string,
  calendar = false,
): void {
  try {
    if (calendar) {
      parseCalendarWindowDuration(value);
    } else {
      parseSloDuration(value);
    }
  } catch (error) {
    if (error instanceof InvalidSloDurationError) {
      customIssue(
        ctx,
        path,
        error.message,
        calendar
          ? 'Write e.g. "1w", "1M" (a month), "1Q" or "1Y".'
          : 'Write e.g. "28d", "30d" or "4w".',
      );
      return;
    }
    throw error;
  }
}

const timeWindowSchema = z
  .object({
    duration: z.string(),
    isRolling: z.boolean().optional(),
    calendar: z
      .object({ startTime: z.string(), timeZone: z.string() })
      .passthrough()
      .optional(),
  })
  .passthrough()
  .superRefine((window, ctx) => {
    durationIssue(
      ctx,
      ['duration'],
      window.duration,
      window.isRolling !== true && window.calendar !== undefined,
    );
    if (window.isRolling === true && window.calendar !== undefined) {
      customIssue(
        ctx,
        ['calendar'],
        'a window is either rolling or calendar-aligned, not both',
        'Remove "calendar" for a rolling window, or set isRolling: false.',
      );
    }
    if (window.isRolling !== true && window.calendar === undefined) {
      customIssue(
        ctx,
        ['isRolling'],
        'the window is neither rolling nor calendar-aligned',
        'Add isRolling: true (e.g. a rolling 28d window).',
      );
    }
    if (window.calendar && !isKnownTimeZone(window.calendar.timeZone)) {
      customIssue(
        ctx,
        ['calendar', 'timeZone'],
        `"${window.calendar.timeZone}" is not an IANA time zone`,
        'Use a name such as "UTC" or "Europe/Berlin".',
      );
    }
    if (
      window.calendar &&
      !/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/.test(
        window.calendar.startTime,
      )
    ) {
      customIssue(
        ctx,
        ['calendar', 'startTime'],
        `"${window.calendar.startTime}" is not a start time like "2024-01-01 00:00:00"`,
      );
    }
  });

function targetFix(value: number, field: 'target' | 'targetPercent'): string {
  if (field === 'target' && value > 1 && value < 100) {
    return `Write it as a fraction (target: ${
      value / 100
    }) or use targetPercent: ${value}.`;
  }
  return field === 'target'
    ? 'Use a fraction strictly between 0 and 1, e.g. 0.999 for 99.9%.'
    : 'Use a percentage strictly between 0 and 100, e.g. 99.9.';
}

/** One entry of `spec.objectives` of an SLO. */
export const openSloObjectiveSchema = z
  .object({
    displayName: z.string().optional(),
    op: z.enum(['lt', 'lte', 'gt', 'gte']).optional(),
    value: z.number().finite().optional(),
    target: z.number().finite().optional(),
    targetPercent: z.number().finite().optional(),
    timeSliceTarget: z.number().finite().optional(),
    timeSliceWindow: z.union([z.number().finite(), z.string()]).optional(),
  })
  .passthrough()
  .superRefine((objective, ctx) => {
    const { target, targetPercent } = objective;
    if (target !== undefined && targetPercent !== undefined) {
      customIssue(
        ctx,
        ['targetPercent'],
        'give either "target" or "targetPercent", not both',
      );
    } else if (target === undefined && targetPercent === undefined) {
      customIssue(
        ctx,
        ['target'],
        'the objective has no target',
        'Add target: 0.999 (or targetPercent: 99.9).',
      );
    }
    if (target !== undefined && !(target > 0 && target < 1)) {
      customIssue(
        ctx,
        ['target'],
        `target ${target} is outside (0, 1)`,
        targetFix(target, 'target'),
      );
    }
    if (
      targetPercent !== undefined &&
      !(targetPercent > 0 && targetPercent < 100)
    ) {
      customIssue(
        ctx,
        ['targetPercent'],
        `targetPercent ${targetPercent} is outside (0, 100)`,
        targetFix(targetPercent, 'targetPercent'),
      );
    }
    const { timeSliceTarget, timeSliceWindow } = objective;
    if (
      timeSliceTarget !== undefined &&
      !(timeSliceTarget > 0 && timeSliceTarget <= 1)
    ) {
      customIssue(
        ctx,
        ['timeSliceTarget'],
        `timeSliceTarget ${timeSliceTarget} is outside (0, 1]`,
        'Use a fraction, e.g. 0.95: a slice is good when at least 95% of its events are.',
      );
    }
    if (typeof timeSliceWindow === 'string') {
      durationIssue(ctx, ['timeSliceWindow'], timeSliceWindow);
    } else if (
      typeof timeSliceWindow === 'number' &&
      !(Number.isInteger(timeSliceWindow) && timeSliceWindow > 0)
    ) {
      customIssue(
        ctx,
        ['timeSliceWindow'],
        `timeSliceWindow ${timeSliceWindow} is not a positive whole number of minutes`,
        'Write e.g. "1m" or "5m".',
      );
    }
  });

/**
 * An OpenSLO v1 `SLO` spec as written. Declared by hand because the type zod
 * infers for it is too large for TypeScript to write into declaration files.
 */
export interface OpenSloSloSpec {
  description?: string;
  service: string;
  indicator?: {
    metadata?: { name: string; displayName?: string; [key: string]: unknown };
    spec: OpenSloSliSpec;
    [key: string]: unknown;
  };
  indicatorRef?: string;
  timeWindow: Array<z.infer<typeof timeWindowSchema>>;
  budgetingMethod: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
  objectives: OpenSloObjective[];
  [key: string]: unknown;
}

/** `spec` of an SLO. */
export const openSloSloSpecSchema: z.ZodType<
  OpenSloSloSpec,
  z.ZodTypeDef,
  unknown
> = z
  .object({
    description: z.string().optional(),
    service: z.string().min(1),
    indicator: z
      .object({
        metadata: z
          .object({
            name: openSloNameSchema,
            displayName: z.string().optional(),
          })
          .passthrough()
          .optional(),
        spec: openSloSliSpecSchema,
      })
      .passthrough()
      .optional(),
    indicatorRef: z.string().optional(),
    timeWindow: z.array(timeWindowSchema),
    budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices']),
    objectives: z.array(openSloObjectiveSchema),
  })
  .passthrough()
  .superRefine((spec, ctx) => {
    if (spec.indicator !== undefined && spec.indicatorRef !== undefined) {
      customIssue(
        ctx,
        ['indicatorRef'],
        'give either an inline "indicator" or an "indicatorRef", not both',
      );
    }
    if (spec.indicator === undefined && spec.indicatorRef === undefined) {
      customIssue(
        ctx,
        ['indicator'],
        'the SLO has no "indicator" or "indicatorRef"',
        'Add an inline indicator with a ratioMetric, or indicatorRef: <name of an SLI in this file>.',
      );
    }
    if (spec.timeWindow.length !== 1) {
      customIssue(
        ctx,
        ['timeWindow'],
        `timeWindow must list exactly one window, found ${spec.timeWindow.length}`,
        'Write timeWindow: [{ duration: 28d, isRolling: true }].',
      );
    }
    if (spec.objectives.length === 0) {
      customIssue(
        ctx,
        ['objectives'],
        'the SLO has no objectives',
        'Add objectives: [{ target: 0.999 }].',
      );
    }
    if (
      spec.budgetingMethod === 'Timeslices' ||
      spec.budgetingMethod === 'RatioTimeslices'
    ) {
      spec.objectives.forEach((objective, index) => {
        if (objective.timeSliceWindow === undefined) {
          customIssue(
            ctx,
            ['objectives', index, 'timeSliceWindow'],
            `${spec.budgetingMethod} budgeting needs a timeSliceWindow`,
            'Add timeSliceWindow: 1m (or 5m).',
          );
        }
      });
    }
  });

/** An OpenSLO v1 `SLI` spec as written. */
export type OpenSloSliSpec = z.infer<typeof openSloSliSpecSchema>;
/** An OpenSLO objective as written. */
export type OpenSloObjective = z.infer<typeof openSloObjectiveSchema>;
