import type { ReliabilityApiSchemas as ApiSchemas } from './apiSchemas';

// The API's request and response shapes are the types generated from
// plugins/reliability-backend/openapi.yaml (`npm run generate:api`): change
// the spec, not these aliases. Types that never cross the wire stay here.

/**
 * Shapes a reliability report answer carries: the period it covers and the
 * measures computed over it (incidents, change failure rate, on-call load,
 * alert quality) with month-over-month deltas. Durations are in seconds,
 * instants are ISO-8601 strings, local days are `YYYY-MM-DD`.
 */

/**
 * The span a report covers: whole local days `[startDate, endDate)` in
 * `timeZone`, i.e. the instants `[start, end)`.
 * @public
 */
export type ReportPeriod = ApiSchemas['ReportPeriod'];

/**
 * Mean and 90th percentile of a set of durations.
 * @public
 */
export type DurationMeasure = ApiSchemas['DurationMeasure'];

/** The incident that took longest to resolve. @public */
export type LongestIncident = NonNullable<
  ApiSchemas['IncidentMeasures']['longest']
>;

/**
 * Incidents created in a period.
 * @public
 */
export type IncidentMeasures = ApiSchemas['IncidentMeasures'];

/**
 * The change failure rate of one service, or of several together.
 * `status` is `no-change-data` when no change event was recorded: the rate
 * is then null, never 0 %.
 * @public
 */
export type ChangeFailureRate = ApiSchemas['ChangeFailureRate'];

/** Change failure rate of one service. @public */
export type ServiceChangeFailureRate = ApiSchemas['ServiceChangeFailureRate'];

/** Change failure rate over a set of services. @public */
export interface ChangeFailureMeasure {
  /** How long after a change an incident still counts against it. */
  windowMinutes: number;
  /** Over the services that have change data. */
  overall: ChangeFailureRate;
  /** Every service in scope, those without change data included. */
  services: ServiceChangeFailureRate[];
}

/**
 * The change failure rate of a report: the overall figure over every
 * service in scope, with a bounded list of services.
 * @public
 */
export type ReportChangeFailure = ApiSchemas['ReportChangeFailure'];

/**
 * How many services or rotations a report lists per section; the totals
 * say how many more there are (the whole list is the services CSV).
 * @public
 */
export const REPORT_SERVICE_LIST_LIMIT = 25;

/** One person's share of a rotation's on-call load. @public */
export type OnCallPersonLoad = ApiSchemas['OnCallPersonLoad'];

/**
 * How evenly a rotation's pages fell on its people: the Gini coefficient of
 * the pages each person received, 0 (even) to (n − 1) / n (one person took
 * every page). `gini` is null with a reason when it cannot be computed.
 * @public
 */
export type OnCallFairness = ApiSchemas['OnCallLoadMeasure']['fairness'];

/** On-call load of one rotation (the level 1 of an escalation policy). @public */
export type OnCallLoadMeasure = ApiSchemas['OnCallLoadMeasure'];

/** Noise of one service. @public */
export type ServiceNoise =
  ApiSchemas['AlertQualityMeasure']['noisiestServices'][number];

/**
 * How many incidents were worth a human's attention. Noise: never
 * acknowledged and either resolved within the transient threshold
 * (5 minutes by default) or resolved automatically.
 * @public
 */
export type AlertQualityMeasure = ApiSchemas['AlertQualityMeasure'];

/**
 * A figure now and in the previous period.
 * @public
 */
export type MetricDelta = ApiSchemas['MetricDelta'];

/** How far one service's figure moved between two periods. @public */
export type ServiceMovement = ApiSchemas['ServiceMovement'];

/**
 * What a report covers: one entity, a group with its sub-groups, or every
 * entity the organisation's catalog holds.
 * @public
 */
export type ReportScope = ApiSchemas['ReliabilityReportResponse']['scope'];

/** Maps a provider's service id to the catalog entity it belongs to. @public */
export type ReportServiceRef = ApiSchemas['ReportServiceRef'];

/**
 * One SLO's figures over a report period, from the daily SLO history: the
 * state of the last day with a measurement, and the sums of its days.
 * @public
 */
export type ReportSloMeasure = ApiSchemas['ReportSloMeasure'];

/** SLO figures of a scope over one period (or one month of the trend). @public */
export type ReportSloFigures = ApiSchemas['ReportSloFigures'];

/** One month of the SLO trend. @public */
export type ReportSloTrendPoint = ApiSchemas['ReportSloTrendPoint'];

/**
 * SLOs of a report's scope, from the daily SLO history the SLO sync
 * records. Days before the history starts have no data ("no SLO data"),
 * never zeros.
 * @public
 */
export type ReportSloSummary = ApiSchemas['ReportSloSummary'];

/** One month of the twelve-month trend. @public */
export type ReportTrendPoint = ApiSchemas['ReportTrendPoint'];

/**
 * The headline figures now and in the previous period, each judged in its
 * better direction (fewer incidents, shorter MTTR, higher actionable share…).
 * @public
 */
export type ReportDeltas = ApiSchemas['ReliabilityReportResponse']['deltas'];

/** Services whose figures moved most between the two periods. @public */
export type ReportMovers = ApiSchemas['ReliabilityReportResponse']['movers'];

/**
 * `GET /reports/organization`, `GET /reports/groups/{namespace}/{name}`
 * and `GET /reports/entities/{kind}/{namespace}/{name}`: a reliability
 * report over a period (default: the last whole calendar month) compared
 * with the period before, computed from pre-aggregated daily rows.
 * @public
 */
export type ReliabilityReportResponse = ApiSchemas['ReliabilityReportResponse'];

/**
 * `GET /groups/{namespace}/{name}/on-call-health`: how sustainable on-call
 * is for a team over the last 28 days (four whole weeks).
 * @public
 */
export type OnCallHealthResponse = ApiSchemas['OnCallHealthResponse'];
