import type {
  SloDefinition,
  SloMeasurement,
} from '@preflight/plugin-reliability-node';
import { evaluationInputs } from '../../slo/evaluateMeasurement';
import type { SloStatusUpdate } from '../../slo/SloStore';
import {
  bucketsCoverDay,
  dayBudgetConsumed,
  localDaySpanOf,
  pageAlertSecondsByDay,
} from './sloDayFigures';
import {
  type SloDayClose,
  type SloDayWrite,
  type SloHistoryStore,
  sloKey,
} from './SloHistoryStore';

/** Where and how the SLO sync records the daily history. */
export interface SloHistoryRecording {
  store: SloHistoryStore;
  /** `reliability.reports.timeZone`: the report's day boundaries. */
  timeZone: string;
  /**
   * The longest time one measurement's alert state may stand for: the SLO
   * sync interval (alert time never fills a gap of missed syncs).
   */
  maxGapSeconds: number;
}

/** One measured SLO as the sync has it. */
export interface MeasuredSlo {
  definition: SloDefinition;
  measurement: SloMeasurement | undefined;
  status: SloStatusUpdate;
  ownerRef: string | null;
}

/**
 * The day rows and earlier-day completions one measurement run yields, from
 * the figures the measurement itself computed: attainment and budget
 * remaining of the evaluation, the day's consumption from the window's
 * buckets, and alert time from the evaluated alert state. SLOs that failed
 * to measure yield nothing (their day keeps its last good figures).
 */
export function sloHistoryWrites(options: {
  measured: MeasuredSlo[];
  measuredAtMs: number;
  timeZone: string;
  maxGapSeconds: number;
  previous: Map<string, { day: string; measuredAtMs: number }>;
}): { days: SloDayWrite[]; closes: SloDayClose[] } {
  const { measuredAtMs, timeZone, maxGapSeconds } = options;
  const today = localDaySpanOf(measuredAtMs, timeZone);
  const days: SloDayWrite[] = [];
  const closes: SloDayClose[] = [];
  for (const {
    definition,
    measurement,
    status,
    ownerRef,
  } of options.measured) {
    const evaluation = status.evaluation;
    if (!measurement || !evaluation) {
      continue;
    }
    const inputs = evaluationInputs(definition, measurement);
    const buckets = inputs.burnDown?.buckets ?? [];
    const previous = options.previous.get(
      sloKey(definition.entityRef, definition.id),
    );
    const alertParts = pageAlertSecondsByDay({
      firing: evaluation.alerts.state === 'page',
      measuredAtMs,
      previousMeasuredAtMs: previous?.measuredAtMs ?? null,
      maxGapSeconds,
      timeZone,
    });
    // Without buckets the day's bad events are unknown: no figure, not 0.
    const consumed = (day: ReturnType<typeof localDaySpanOf>) =>
      inputs.burnDown === undefined
        ? null
        : dayBudgetConsumed({
            buckets,
            window: inputs.period,
            objective: definition.target,
            day,
          });
    days.push({
      entityRef: definition.entityRef,
      sloId: definition.id,
      ownerRef,
      sloName: definition.displayName,
      objective: definition.target,
      day: today.day,
      attainment: evaluation.attainment,
      budgetRemaining: evaluation.budgetRemaining,
      budgetConsumed: consumed(today),
      pageAlertSeconds:
        alertParts.find(part => part.day === today.day)?.seconds ?? 0,
      measuredAtMs,
    });
    if (previous && previous.day < today.day) {
      // The first measurement of a new day completes the previous day of
      // measurements: its alert time up to midnight, and its consumption
      // from buckets now covering all of it.
      const span = localDaySpanOf(previous.measuredAtMs, timeZone);
      closes.push({
        entityRef: definition.entityRef,
        sloId: definition.id,
        day: previous.day,
        pageAlertSeconds:
          alertParts.find(part => part.day === previous.day)?.seconds ?? 0,
        ...(inputs.burnDown &&
        bucketsCoverDay(buckets, inputs.burnDown.stepSeconds, span)
          ? { budgetConsumed: consumed(span) }
          : {}),
      });
    }
  }
  return { days, closes };
}

/** Records one measurement run in the daily SLO history. */
export async function recordSloHistory(
  recording: SloHistoryRecording,
  options: { measured: MeasuredSlo[]; measuredAt: Date },
): Promise<void> {
  const measured = options.measured.filter(slo => slo.status.evaluation);
  if (measured.length === 0) {
    return;
  }
  const previous = await recording.store.lastMeasurements(
    recording.timeZone,
    measured.map(slo => ({
      entityRef: slo.definition.entityRef,
      sloId: slo.definition.id,
    })),
  );
  const writes = sloHistoryWrites({
    measured,
    measuredAtMs: options.measuredAt.getTime(),
    timeZone: recording.timeZone,
    maxGapSeconds: recording.maxGapSeconds,
    previous,
  });
  await recording.store.recordMeasurement({
    timeZone: recording.timeZone,
    ...writes,
  });
}
