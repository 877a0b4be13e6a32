import { currentSloWindow } from '@preflight/plugin-reliability-node';
import {
  downsampleBurnDown,
  type EntitySlosResponse,
  formatSloDuration,
  type SloProblem,
  type SloStatusView,
} from '@preflight/plugin-reliability-common';
import type { SourceStateStore } from '../database/SourceStateStore';
import { neverSyncedHealth } from '../service/neverSyncedHealth';
import { toSourceHealth } from '../service/toSourceHealth';
import type { SloProviderRegistry } from './SloProviderRegistry';
import type {
  SloStore,
  StoredSloDefinition,
  StoredSloStatus,
  StoredSloStatusSummary,
} from './SloStore';

function describePolicies(
  policies: NonNullable<StoredSloDefinition['definition']['alertPolicies']>,
): NonNullable<SloStatusView['alertPolicies']> {
  return policies.map(policy => ({
    name: policy.name,
    ...(policy.displayName ? { displayName: policy.displayName } : {}),
    severity: policy.severity,
    condition: `burn rate ${policy.op === 'gt' ? '>' : '≥'} ${
      policy.threshold
    } over ${policy.lookbackWindow}${
      policy.alertAfterSeconds > 0
        ? ` for ${formatSloDuration(policy.alertAfterSeconds)}`
        : ''
    }`,
    notificationTargets: policy.notificationTargets,
  }));
}

function describeProblem(problem: SloProblem): string {
  const text = `${problem.message} (field ${problem.field})`;
  return problem.fix ? `${text}. ${problem.fix}` : text;
}

/**
 * Why an SLO that no source measures can never be measured: its own
 * declaration problems (e.g. an instance that is not configured, a query
 * that cannot be measured), found when the declarations were read.
 */
function unmeasurableErrors(
  definition: StoredSloDefinition['definition'],
  problems: readonly SloProblem[],
): string[] {
  const own = problems.filter(
    problem =>
      problem.sloName === definition.name && problem.file === definition.file,
  );
  return own.length > 0
    ? own.map(describeProblem)
    : [
        `${definition.entityRef}: SLO "${definition.id}" cannot be measured: no configured SLO source measures it`,
      ];
}

/** Where a declared SLO's measurement stands, from its stored status. */
export interface SloMeasuredState {
  state: SloStatusView['state'];
  evaluation?: SloStatusView['evaluation'];
  evaluatedAt: string | null;
  errors: string[];
  warnings: string[];
}

/**
 * The state of one declared SLO from its stored status: the part of
 * {@link toSloStatusView} the scorecard facts read too, so both tell the same
 * story. A status written by another source than the one the SLO is located
 * on now is ignored (the SLO is `awaiting-sync` there). An SLO that no source
 * measures is in state `error` with its configuration problem (from
 * `problems`, the entity's declaration problems): it would otherwise wait for
 * a sync that never measures it.
 */
export function sloMeasuredState<Status extends StoredSloStatusSummary>(
  { definition, sourceId }: StoredSloDefinition,
  status: Status | undefined,
  problems: readonly SloProblem[] = [],
): SloMeasuredState & {
  /** The status it was read from, when it is the SLO's own. */
  measured?: Status;
} {
  const measured = status && status.sourceId === sourceId ? status : undefined;
  const unmeasurable = sourceId
    ? undefined
    : unmeasurableErrors(definition, problems);
  return {
    state: unmeasurable ? 'error' : measured?.state ?? 'awaiting-sync',
    ...(measured?.evaluation ? { evaluation: measured.evaluation } : {}),
    evaluatedAt: measured?.evaluatedAt ?? null,
    errors: unmeasurable ?? measured?.errors ?? [],
    warnings: measured?.warnings ?? [],
    ...(measured ? { measured } : {}),
  };
}

/**
 * One declared SLO with its stored status, as the SLO widget shows it (its
 * state as {@link sloMeasuredState} says). A calendar-aligned SLO carries the
 * calendar window it was measured in (before its first measurement: the one
 * in force at `now`, when given).
 */
export function toSloStatusView(
  declared: StoredSloDefinition,
  status: StoredSloStatus | undefined,
  registry: SloProviderRegistry,
  problems: readonly SloProblem[] = [],
  now?: Date,
): SloStatusView {
  const { definition, sourceId } = declared;
  const registered = sourceId ? registry.get(sourceId) : undefined;
  const { measured, ...measuredState } = sloMeasuredState(
    declared,
    status,
    problems,
  );
  const windowAt = measuredState.evaluatedAt
    ? new Date(measuredState.evaluatedAt)
    : now;
  const calendarWindow =
    !definition.rolling && definition.calendar && windowAt
      ? currentSloWindow(definition, windowAt)
      : undefined;
  return {
    id: definition.id,
    name: definition.name,
    displayName: definition.displayName,
    ...(definition.description ? { description: definition.description } : {}),
    file: definition.file,
    indicatorKind:
      definition.indicator.kind === 'threshold' ? 'threshold' : 'ratio',
    objective: definition.target,
    window: definition.window,
    windowSeconds: definition.windowSeconds,
    rolling: definition.rolling,
    ...(calendarWindow
      ? {
          windowStart: calendarWindow.start.toISOString(),
          windowEnd: calendarWindow.end.toISOString(),
        }
      : {}),
    budgetingMethod: definition.budgetingMethod,
    ...(definition.alertPolicies
      ? { alertPolicies: describePolicies(definition.alertPolicies) }
      : {}),
    ...(sourceId ? { sourceId } : {}),
    ...measuredState,
    // Statuses stored before burn-downs were downsampled at evaluation.
    burnDown: downsampleBurnDown(measured?.burnDown ?? []),
    queryLinks: registered
      ? registered.provider.queryLinks(registered.source.id, definition)
      : [],
  };
}

/**
 * The SLOs of one entity as the SLO widget shows them, from the store
 * alone: no catalog read and no metrics query.
 */
export async function buildEntitySlos(options: {
  entityRef: string;
  sloStore: SloStore;
  store: SourceStateStore;
  registry: SloProviderRegistry;
  staleAfterMs: number;
  now: Date;
}): Promise<EntitySlosResponse> {
  const { entityRef, sloStore, store, registry, staleAfterMs, now } = options;
  const [declarations, statuses] = await Promise.all([
    sloStore.getDeclarations(entityRef),
    sloStore.getStatuses(entityRef),
  ]);
  const byId = new Map(statuses.map(status => [status.sloId, status]));
  const slos = declarations.slos.map(declared =>
    toSloStatusView(
      declared,
      byId.get(declared.definition.id),
      registry,
      declarations.problems,
      now,
    ),
  );
  const sourceIds = [
    ...new Set(declarations.slos.flatMap(slo => slo.sourceId ?? [])),
  ].sort();
  const stored = await store.listSourceHealth({ sourceIds });
  const health = new Map(stored.map(s => [s.id, s]));
  const sources = sourceIds.flatMap(id => {
    const row = health.get(id);
    if (row) {
      return [toSourceHealth(row, { now, staleAfterMs })];
    }
    const registered = registry.get(id);
    return registered ? [neverSyncedHealth(registered.source)] : [];
  });
  return {
    entityRef,
    slos,
    problems: declarations.problems,
    sources,
    generatedAt: now.toISOString(),
  };
}
