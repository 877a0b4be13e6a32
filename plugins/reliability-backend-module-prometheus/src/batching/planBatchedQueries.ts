import {
  BURN_RATE_WINDOWS,
  type BurnRateWindow,
  burnRateWindowsForPeriod,
} from '@preflight/plugin-reliability-common';
import { type SloDefinition } from '@preflight/plugin-reliability-node';
import {
  chooseBucketStepSeconds,
  PROMETHEUS_MAX_POINTS_PER_SERIES,
} from '../client/rangeQueryLimits';
import { fillWindowPlaceholder, formatPromqlDuration } from '../promql';
import {
  buildCounterCountsQuery,
  buildExpressionCountsQuery,
} from './buildCountsQuery';
import type { CompiledSli, SliQueryProblem } from './CompiledSli';
import { compileSli } from './compileSli';
import { type CounterShape, counterShapeOf } from './counterShape';
import type {
  PlannableSlo,
  PlannedInstantQuery,
  PlannedMember,
  PlannedQuery,
  PlannedRangeQuery,
  QueryPlan,
  RejectedSlo,
  WindowPurpose,
} from './QueryPlan';

/** Tuning of {@link planBatchedQueries}. */
export interface QueryPlanOptions {
  /** Group SLOs of one shape into one query per window. Default `true`; `false` gives the per-SLO baseline. */
  batching?: boolean;
  /** Most distinct SLO series one grouped query selects, bounding query size and cost. Default 200. */
  maxGroupSize?: number;
  /** Most buckets of a burn-down series. Default 720 (1 h steps over 30 days). */
  burnDownMaxPoints?: number;
}

/** Defaults of {@link QueryPlanOptions}. */
export const DEFAULT_QUERY_PLAN_OPTIONS: Required<QueryPlanOptions> = {
  batching: true,
  maxGroupSize: 200,
  burnDownMaxPoints: 720,
};

interface AcceptedSlo {
  slo: PlannableSlo;
  sli: CompiledSli;
  shape?: CounterShape;
  stepSeconds: number;
}

/** SLOs measured by the same queries, chunked to the group size. */
interface QueryGroup {
  key: string;
  instance: string;
  members: AcceptedSlo[];
}

/**
 * Plans the PromQL that measures `slos` over their SLO windows, over each of
 * `windows` (the burn-rate windows of a 30-day period, scaled to each SLO's
 * period with `burnRateWindowsForPeriod`) and as a bucketed series for the
 * burn-down chart. Pure: no I/O, no clock.
 *
 * SLOs whose counter queries share a shape (same text once the
 * distinguishing label values are taken out, on the same instance) are
 * measured together: one grouped query per window, and one range query per
 * SLO window length and step, each summing by the grouping labels. Other
 * SLOs get queries of their own. SLOs whose queries cannot be measured are
 * returned in `rejected` with the field and the reason.
 */
export function planBatchedQueries(
  slos: readonly PlannableSlo[],
  windows: readonly BurnRateWindow[] = BURN_RATE_WINDOWS,
  options: QueryPlanOptions = {},
): QueryPlan {
  const settings = { ...DEFAULT_QUERY_PLAN_OPTIONS, ...options };
  if (!Number.isInteger(settings.maxGroupSize) || settings.maxGroupSize < 1) {
    throw new RangeError(
      `maxGroupSize must be a positive integer, got ${settings.maxGroupSize}`,
    );
  }
  const rejected: RejectedSlo[] = [];
  const accepted: AcceptedSlo[] = [];
  for (const slo of [...slos].sort((a, b) => compare(a.ref, b.ref))) {
    const result = accept(slo, settings);
    if ('problem' in result) {
      rejected.push({ ref: slo.ref, problem: result.problem });
    } else {
      accepted.push(result);
    }
  }

  const groups = groupSlos(accepted, settings);
  const queries: PlannedQuery[] = [];
  const nextId = () => `q${queries.length + 1}`;
  for (const group of groups) {
    for (const query of planGroup(group, windows)) {
      queries.push({ ...query, id: nextId() } as PlannedQuery);
    }
  }

  const unbatchedQueryCount = accepted.reduce(
    (sum, member) =>
      sum +
      (member.sli.kind === 'threshold'
        ? 1
        : instantWindowsOf(member, windows).size + 1),
    0,
  );
  return { queries, rejected, unbatchedQueryCount };
}

function compare(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

/**
 * Why an SLO's queries cannot be measured (a query that does not parse, a
 * time slice that does not fit), or `undefined` when they can. The same
 * checks the planner makes, so a provider can report the problem when the
 * SLO is declared rather than after the next sync. Pure.
 */
export function findSloQueryProblem(
  definition: SloDefinition,
  options: QueryPlanOptions = {},
): SliQueryProblem | undefined {
  const settings = { ...DEFAULT_QUERY_PLAN_OPTIONS, ...options };
  const compiled = compileSli(definition.indicator);
  if (!compiled.ok) {
    return compiled.problem;
  }
  const step = stepOf(definition, settings.burnDownMaxPoints);
  return 'problem' in step ? step.problem : undefined;
}

function accept(
  slo: PlannableSlo,
  settings: Required<QueryPlanOptions>,
): AcceptedSlo | { problem: SliQueryProblem } {
  const compiled = compileSli(slo.definition.indicator);
  if (!compiled.ok) {
    return { problem: compiled.problem };
  }
  const step = stepOf(slo.definition, settings.burnDownMaxPoints);
  if ('problem' in step) {
    return step;
  }
  const sli = compiled.sli;
  return {
    slo,
    sli,
    shape:
      sli.kind === 'counters' ? counterShapeOf(slo.instance, sli) : undefined,
    stepSeconds: step.stepSeconds,
  };
}

function stepOf(
  definition: SloDefinition,
  burnDownMaxPoints: number,
): { stepSeconds: number } | { problem: SliQueryProblem } {
  const { windowSeconds, timeSliceWindowSeconds, objectiveIndex } = definition;
  if (timeSliceWindowSeconds === undefined) {
    return {
      stepSeconds: chooseBucketStepSeconds(windowSeconds, burnDownMaxPoints),
    };
  }
  // Timeslices: one bucket per slice, so each bucket is a slice's events.
  const field = `spec.objectives[${objectiveIndex}].timeSliceWindow`;
  if (
    !Number.isInteger(timeSliceWindowSeconds) ||
    timeSliceWindowSeconds <= 0 ||
    timeSliceWindowSeconds > windowSeconds
  ) {
    return {
      problem: {
        field,
        message: `a time slice of ${timeSliceWindowSeconds}s does not fit the ${definition.window} window`,
      },
    };
  }
  if (
    windowSeconds / timeSliceWindowSeconds >
    PROMETHEUS_MAX_POINTS_PER_SERIES
  ) {
    return {
      problem: {
        field,
        message: `${Math.ceil(
          windowSeconds / timeSliceWindowSeconds,
        )} slices over ${
          definition.window
        } exceed the ${PROMETHEUS_MAX_POINTS_PER_SERIES} points Prometheus returns per series`,
        fix: `Use slices of at least ${Math.ceil(
          windowSeconds / PROMETHEUS_MAX_POINTS_PER_SERIES / 60,
        )} minutes.`,
      },
    };
  }
  return { stepSeconds: timeSliceWindowSeconds };
}

function groupSlos(
  accepted: AcceptedSlo[],
  settings: Required<QueryPlanOptions>,
): QueryGroup[] {
  const byKey = new Map<string, QueryGroup>();
  for (const member of accepted) {
    const shape = member.shape;
    const key =
      settings.batching && shape && shape.groupingLabels.length > 0
        ? shape.key
        : `single:${member.slo.ref}`;
    let group = byKey.get(key);
    if (!group) {
      group = { key, instance: member.slo.instance, members: [] };
      byKey.set(key, group);
    }
    group.members.push(member);
  }
  const groups = [...byKey.values()].sort((a, b) => compare(a.key, b.key));
  return groups.flatMap(group => chunk(group, settings.maxGroupSize));
}

/** Splits a group so that no query selects more than `size` distinct SLO series. */
function chunk(group: QueryGroup, size: number): QueryGroup[] {
  const bySeries = new Map<string, AcceptedSlo[]>();
  for (const member of group.members) {
    const series = JSON.stringify(member.shape?.groupValues ?? member.slo.ref);
    bySeries.set(series, [...(bySeries.get(series) ?? []), member]);
  }
  const series = [...bySeries.values()];
  const chunks: QueryGroup[] = [];
  for (let i = 0; i < series.length; i += size) {
    chunks.push({
      key: group.key,
      instance: group.instance,
      members: series.slice(i, i + size).flat(),
    });
  }
  return chunks;
}

function instantWindowsOf(
  member: AcceptedSlo,
  windows: readonly BurnRateWindow[],
): Map<number, WindowPurpose[]> {
  const needed = new Map<number, WindowPurpose[]>();
  if (member.sli.kind === 'threshold') {
    return needed;
  }
  const { windowSeconds } = member.slo.definition;
  needed.set(periodOf(member), ['period']);
  for (const window of burnRateWindowsForPeriod(windowSeconds, windows)) {
    needed.set(window.seconds, [
      ...(needed.get(window.seconds) ?? []),
      window.id,
    ]);
  }
  return needed;
}

// Calendar windows are measured from their start, rolling ones over their length.
function periodOf(member: AcceptedSlo): number {
  return member.slo.periodSeconds ?? member.slo.definition.windowSeconds;
}

function memberOf(member: AcceptedSlo, grouped: boolean): PlannedMember {
  return {
    ref: member.slo.ref,
    groupValues: grouped ? { ...member.shape!.groupValues } : {},
  };
}

function countsQuery(
  members: AcceptedSlo[],
  range: string,
  grouped: boolean,
): { promql: string; groupingLabels: string[] } {
  const first = members[0];
  const sli = first.sli;
  if (grouped) {
    const shape = first.shape!;
    return {
      promql: buildCounterCountsQuery({
        numeratorSelector: shape.numeratorSelector,
        totalSelector: shape.totalSelector,
        groupingLabels: shape.groupingLabels,
        groupValues: members.map(member => member.shape!.groupValues),
        range,
      }),
      groupingLabels: shape.groupingLabels,
    };
  }
  if (sli.kind === 'counters') {
    return {
      promql: buildCounterCountsQuery({
        numeratorSelector: sli.numeratorSelector,
        totalSelector: sli.totalSelector,
        groupingLabels: [],
        groupValues: [],
        range,
      }),
      groupingLabels: [],
    };
  }
  if (sli.kind === 'expressions') {
    return {
      promql: buildExpressionCountsQuery({
        numeratorTemplate: sli.numeratorTemplate,
        totalTemplate: sli.totalTemplate,
        range,
      }),
      groupingLabels: [],
    };
  }
  throw new Error('threshold SLIs have no counts query');
}

type UnnumberedQuery =
  | Omit<PlannedInstantQuery, 'id'>
  | Omit<PlannedRangeQuery, 'id'>;

function planGroup(
  group: QueryGroup,
  windows: readonly BurnRateWindow[],
): UnnumberedQuery[] {
  const grouped = group.key.startsWith('single:') === false;
  const first = group.members[0];
  if (first.sli.kind === 'threshold') {
    const { stepSeconds } = first;
    return [
      {
        kind: 'range',
        instance: group.instance,
        promql: fillWindowPlaceholder(
          first.sli.template,
          formatPromqlDuration(stepSeconds),
        ),
        values: 'threshold',
        rangeSeconds: periodOf(first),
        stepSeconds,
        groupingLabels: [],
        members: [memberOf(first, false)],
      },
    ];
  }

  const queries: UnnumberedQuery[] = [];
  const instant = new Map<
    number,
    Array<{ member: AcceptedSlo; purposes: WindowPurpose[] }>
  >();
  for (const member of group.members) {
    for (const [seconds, purposes] of instantWindowsOf(member, windows)) {
      instant.set(seconds, [
        ...(instant.get(seconds) ?? []),
        { member, purposes },
      ]);
    }
  }
  for (const seconds of [...instant.keys()].sort((a, b) => a - b)) {
    const entries = instant.get(seconds)!;
    const { promql, groupingLabels } = countsQuery(
      entries.map(entry => entry.member),
      formatPromqlDuration(seconds),
      grouped,
    );
    queries.push({
      kind: 'instant',
      instance: group.instance,
      promql,
      windowSeconds: seconds,
      groupingLabels,
      members: entries.map(entry => ({
        ...memberOf(entry.member, grouped),
        purposes: entry.purposes,
      })),
    });
  }

  const ranges = new Map<string, AcceptedSlo[]>();
  for (const member of group.members) {
    const key = `${periodOf(member)}/${member.stepSeconds}`;
    ranges.set(key, [...(ranges.get(key) ?? []), member]);
  }
  for (const members of ranges.values()) {
    const { stepSeconds } = members[0];
    const { promql, groupingLabels } = countsQuery(
      members,
      formatPromqlDuration(stepSeconds),
      grouped,
    );
    queries.push({
      kind: 'range',
      instance: group.instance,
      promql,
      values: 'counts',
      rangeSeconds: periodOf(members[0]),
      stepSeconds,
      groupingLabels,
      members: members.map(member => memberOf(member, grouped)),
    });
  }
  return queries;
}
