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
export interface ReportPeriod {
  /** `month`: one calendar month; `days`: any run of whole days. */
  kind: 'month' | 'days';
  /** IANA time zone the day boundaries are taken in, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** The first local day, `YYYY-MM-DD`. */
  startDate: string;
  /** The local day after the last one, `YYYY-MM-DD` (exclusive). */
  endDate: string;
  /** The first instant of the period, ISO-8601 UTC. */
  start: string;
  /** The first instant after the period, ISO-8601 UTC (exclusive). */
  end: string;
}

/**
 * Mean and 90th percentile of a set of durations.
 * @public
 */
export interface DurationMeasure {
  /** How many durations the figures are computed from. */
  count: number;
  /** Arithmetic mean in seconds; null when `count` is 0. */
  meanSeconds: number | null;
  /** Nearest-rank 90th percentile in seconds; null when `count` is 0. */
  p90Seconds: number | null;
  /**
   * True when the percentile was read from pre-aggregated histograms: it is
   * then at most the exact value and less than max(1 s, exact / 64) below it.
   */
  p90Approximate: boolean;
}

/** The incident that took longest to resolve. @public */
export interface LongestIncident {
  incidentId: string;
  serviceId: string;
  durationSeconds: number;
}

/**
 * Incidents created in a period.
 * @public
 */
export interface IncidentMeasures {
  total: number;
  byUrgency: { high: number; low: number };
  /** Time to first acknowledgement, over incidents that were acknowledged. */
  mtta: DurationMeasure;
  /** Incidents created in the period that nobody acknowledged (so far). */
  unacknowledged: number;
  /** Time to resolve, over incidents that are resolved. */
  mttr: DurationMeasure;
  /** Incidents created in the period that are not resolved (so far). */
  unresolved: number;
  /** Incidents, whenever created, not resolved at the period's end. */
  openAtPeriodEnd: number;
  /** The resolved incident created in the period that took longest to resolve. */
  longest: LongestIncident | null;
}

/**
 * The change failure rate of one service, or of several together.
 * `status` is `no-change-data` when no change event was recorded: the rate
 * is then null, never 0 %.
 * @public
 */
export interface ChangeFailureRate {
  status: 'measured' | 'no-change-data';
  changes: number;
  failedChanges: number;
  /** failedChanges ÷ changes, 0..1; null with `no-change-data`. */
  rate: number | null;
}

/** Change failure rate of one service. @public */
export interface ServiceChangeFailureRate extends ChangeFailureRate {
  serviceId: string;
}

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
export interface ReportChangeFailure extends ChangeFailureMeasure {
  /**
   * At most {@link REPORT_SERVICE_LIST_LIMIT}: the services with change
   * data, most failed changes first (then the higher rate, then the most
   * changes), then, while room is left, those without change data.
   */
  services: ServiceChangeFailureRate[];
  /** Services in scope, listed or not. */
  serviceCount: number;
  /** Of those, the ones with change events in the period. */
  measuredServiceCount: number;
}

/**
 * How many services or rotations a report lists per section; the totals
 * say how many more there are (the whole list is the services CSV).
 * @public
 */
export const REPORT_SERVICE_LIST_LIMIT = 25;

/** One person's share of a rotation's on-call load. @public */
export interface OnCallPersonLoad {
  personId: string;
  /** The name the on-call source gives the person; absent when unknown (show the id). */
  personName?: string;
  /** Shifts held in the period, pro rata for shifts crossing its bounds. */
  shifts: number;
  /** Hours on call in the period (overlapping shifts counted once). */
  onCallHours: number;
  pages: number;
  offHoursPages: number;
  sleepHoursPages: number;
  /** null when `shifts` is 0. */
  pagesPerShift: number | null;
  /** Pages ÷ the period's length in weeks. */
  pagesPerWeek: number;
}

/**
 * How evenly a rotation's pages fell on its people: the Gini coefficient of
 * the pages each person received, 0 (even) to (n − 1) / n (one person took
 * every page). `gini` is null with a reason when it cannot be computed.
 * @public
 */
export interface OnCallFairness {
  gini: number | null;
  reason: 'fewer-than-two-people' | 'no-pages' | null;
}

/** On-call load of one rotation (the level 1 of an escalation policy). @public */
export interface OnCallLoadMeasure {
  rotationId: string;
  /** The escalation policy's name; absent when unknown (show the id). */
  rotationName?: string;
  /** Shifts in the period, pro rata for shifts crossing its bounds. */
  shifts: number;
  /** High-urgency incidents created while somebody held a level-1 shift. */
  pages: number;
  /** null when no shift overlapped the period. */
  pagesPerShift: number | null;
  /** Pages outside business hours of at least one person paged. */
  offHoursPages: number;
  /** Pages in the sleep hours of at least one person paged. */
  sleepHoursPages: number;
  /** Mean over the people of their pages per week; null without people. */
  pagesPerPersonPerWeek: number | null;
  /** Most paged first. */
  people: OnCallPersonLoad[];
  fairness: OnCallFairness;
}

/** Noise of one service. @public */
export interface ServiceNoise {
  serviceId: string;
  total: number;
  noise: number;
  /** noise ÷ total. */
  noiseShare: number;
}

/**
 * How many incidents were worth a human's attention. Noise: never
 * acknowledged and either resolved within the transient threshold
 * (5 minutes by default) or resolved automatically.
 * @public
 */
export interface AlertQualityMeasure {
  total: number;
  actionable: number;
  noise: number;
  /** actionable ÷ total; null when there were no incidents. */
  actionableShare: number | null;
  /** Services with noise, noisiest first. */
  noisiestServices: ServiceNoise[];
}

/**
 * A figure now and in the previous period.
 * @public
 */
export interface MetricDelta {
  current: number | null;
  previous: number | null;
  /** current − previous; null when either is null. */
  change: number | null;
  /** change ÷ |previous|; null when either is null or previous is 0. */
  relativeChange: number | null;
  /** Judged with the metric's better direction; null when either is null. */
  direction: 'improved' | 'worsened' | 'unchanged' | null;
}

/** How far one service's figure moved between two periods. @public */
export interface ServiceMovement {
  serviceId: string;
  delta: MetricDelta;
}

/**
 * What a report covers: one entity, a group with its sub-groups, or every
 * entity the organisation's catalog holds.
 * @public
 */
export interface ReportScope {
  kind: 'entity' | 'group' | 'organization';
  /** Entity or group ref; null for the organisation. */
  ref: string | null;
  /** The entity's or group's title or name; "Organisation" otherwise. */
  title: string;
  /** Groups: whether the figures include the sub-groups' entities (always true). */
  includesSubgroups: boolean;
  /** Catalog entities in scope. */
  entityCount: number;
  /** Of those, the ones mapped to an on-call service (report data). */
  serviceCount: number;
  /** Rotations of those services; `onCall` lists the most paged ones. */
  rotationCount: number;
}

/** Maps a provider's service id to the catalog entity it belongs to. @public */
export interface ReportServiceRef {
  serviceId: string;
  entityRef: string;
  /** The entity's title or name, for display. */
  title: string;
}

/**
 * One SLO's figures over a report period, from the daily SLO history: the
 * state of the last day with a measurement, and the sums of its days.
 * @public
 */
export interface ReportSloMeasure {
  entityRef: string;
  /** The SLO's id within its entity. */
  sloId: string;
  sloName: string;
  /** The objective, 0..1. */
  objective: number;
  /** Attainment over the SLO's window at the period's end, 0..1; null without data. */
  attainment: number | null;
  /** Whether `attainment` reaches the objective; null without data. */
  meetsObjective: boolean | null;
  /** Error budget left at the period's end, as a fraction (may be negative); null without data. */
  budgetLeft: number | null;
  /** Error budget consumed during the period, as a fraction of one window's budget; null without events. */
  budgetConsumed: number | null;
  /** Seconds in the period with a page-level burn alert firing. */
  pageAlertSeconds: number;
  /** Days of the period with a measurement (an SLO created mid-period has fewer). */
  daysWithData: number;
  /** The first and the last day of the period with a measurement, `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
  /** Attainment and budget at the end of the previous period; null without data then. */
  previousAttainment: number | null;
  previousBudgetLeft: number | null;
}

/** SLO figures of a scope over one period (or one month of the trend). @public */
export interface ReportSloFigures {
  /** SLOs with at least one measured day in the period. */
  slos: number;
  /** Of those, the ones whose attainment at period end meets the objective. */
  meetingObjective: number;
  /** Mean and lowest attainment at period end over the SLOs with data; null without. */
  meanAttainment: number | null;
  minAttainment: number | null;
  /** Mean over the SLOs of the budget they consumed in the period; null without events. */
  meanBudgetConsumed: number | null;
  /** Sum over SLOs of the time a page-level alert fired, in seconds; null without SLO data. */
  pageAlertSeconds: number | null;
}

/** One month of the SLO trend. @public */
export interface ReportSloTrendPoint extends ReportSloFigures {
  /** `YYYY-MM`. */
  month: string;
}

/**
 * SLOs of a report's scope, from the daily SLO history the SLO sync
 * records. Days before the history starts have no data ("no SLO data"),
 * never zeros.
 * @public
 */
export interface ReportSloSummary {
  /** SLOs with a measured day in the period (same as `period.slos`). */
  total: number;
  /** SLOs whose attainment at period end meets the objective. */
  meetingObjective: number;
  /** SLOs with no error budget left at period end. */
  budgetExhausted: number;
  /** Sum over SLOs of the time a page-level alert fired, in seconds. */
  pageAlertSeconds: number;
  /** The period's figures and the previous period's. */
  period: ReportSloFigures;
  previousPeriod: ReportSloFigures;
  deltas: {
    meetingObjective: MetricDelta;
    meanAttainment: MetricDelta;
    minAttainment: MetricDelta;
    meanBudgetConsumed: MetricDelta;
    pageAlertSeconds: MetricDelta;
  };
  /** The twelve calendar months ending with the period's last month, oldest first. */
  trend: ReportSloTrendPoint[];
  /** The first day of SLO history, `YYYY-MM-DD`; null before the first measurement. */
  historyStartsOn: string | null;
  /** True when (some of) the figures are generated demo data. */
  demoData: boolean;
  /** SLOs in scope, least budget left first; at most `listLimit` of them. */
  slos: ReportSloMeasure[];
  /** How many SLOs `slos` may list; `total` may be larger. */
  listLimit: number;
}

/** One month of the twelve-month trend. @public */
export interface ReportTrendPoint {
  /** `YYYY-MM`. */
  month: string;
  incidents: number;
  highUrgency: number;
  mttaMeanSeconds: number | null;
  mttrMeanSeconds: number | null;
  /** null when no service in scope had change data that month. */
  changeFailureRate: number | null;
  /** null when there were no incidents. */
  actionableShare: number | null;
  pages: number;
  offHoursPages: number;
}

/**
 * The headline figures now and in the previous period, each judged in its
 * better direction (fewer incidents, shorter MTTR, higher actionable share…).
 * @public
 */
export interface ReportDeltas {
  incidents: MetricDelta;
  highUrgency: MetricDelta;
  mttaMeanSeconds: MetricDelta;
  mttrMeanSeconds: MetricDelta;
  mttrP90Seconds: MetricDelta;
  openAtPeriodEnd: MetricDelta;
  changeFailureRate: MetricDelta;
  actionableShare: MetricDelta;
  pages: MetricDelta;
  offHoursPages: MetricDelta;
  sleepHoursPages: MetricDelta;
  pagesPerShift: MetricDelta;
}

/** Services whose figures moved most between the two periods. @public */
export interface ReportMovers {
  /** Incident count: largest change first (either direction). */
  incidents: ServiceMovement[];
  /** MTTR mean in seconds. */
  mttrMeanSeconds: ServiceMovement[];
  /** Noise count. */
  noise: ServiceMovement[];
}

/**
 * `GET /reports/organization`, `GET /reports/groups/{namespace}/{name}`
 * and `GET /reports/entities/{kind}/{namespace}/{name}`: a reliability
 * report over a period (default: the last whole calendar month) compared
 * with the period before, computed from pre-aggregated daily rows.
 * @public
 */
export interface ReliabilityReportResponse {
  scope: ReportScope;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  /** When the answer was computed, ISO-8601. */
  generatedAt: string;
  /** The last successful sync of the report data; null before the first. */
  dataAsOf: string | null;
  /** The first day report data exists for, `YYYY-MM-DD`; null before the first sync. */
  historyStartsOn: string | null;
  /** Problems a reader should know about (a failed sync, missing data). */
  warnings: string[];
  /**
   * The entities of the services this answer names (movers, noisiest,
   * longest incident, change failure list), not every service in scope:
   * `scope.serviceCount` says how many there are.
   */
  services: ReportServiceRef[];
  incidents: IncidentMeasures;
  previousIncidents: IncidentMeasures;
  changeFailure: ReportChangeFailure;
  /**
   * The rotations, most pages first, at most
   * {@link REPORT_SERVICE_LIST_LIMIT} (`scope.rotationCount` counts all).
   */
  onCall: OnCallLoadMeasure[];
  alertQuality: AlertQualityMeasure;
  slos: ReportSloSummary;
  deltas: ReportDeltas;
  movers: ReportMovers;
  /** The twelve calendar months ending with the period's last month, oldest first. */
  trend: ReportTrendPoint[];
}

/**
 * `GET /groups/{namespace}/{name}/on-call-health`: how sustainable on-call
 * is for a team over the last 28 days (four whole weeks).
 * @public
 */
export interface OnCallHealthResponse {
  group: string;
  period: ReportPeriod;
  dataAsOf: string | null;
  warnings: string[];
  services: ReportServiceRef[];
  /** The team's rotations, most pages first. */
  rotations: OnCallLoadMeasure[];
  alertQuality: AlertQualityMeasure;
}
