import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { errorMessage } from '../lib/errorMessage';
import type { ScorecardEvaluator } from './ScorecardEvaluator';

/** The scheduler task id of the scorecard evaluation. */
export const SCORECARD_EVALUATION_TASK_ID = 'reliability-scorecards-evaluate';

/**
 * Schedules the scorecard evaluation as one global task, run by one backend
 * replica at a time. A failed run is logged and retried at the next run; the
 * stored scorecards stay as they were.
 */
export async function scheduleScorecardEvaluation(options: {
  scheduler: SchedulerService;
  evaluator: Pick<ScorecardEvaluator, 'run'>;
  logger: LoggerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /**
   * Runs after each evaluation run that completed (e.g. readiness review
   * drift detection, which reads the scorecards just written). Its failure
   * is logged and leaves the scorecards as written.
   */
  afterRun?: () => Promise<unknown>;
}): Promise<void> {
  const { scheduler, evaluator, logger, schedule, afterRun } = options;
  await scheduler.scheduleTask({
    ...schedule,
    id: SCORECARD_EVALUATION_TASK_ID,
    scope: 'global',
    fn: async (signal?: AbortSignal) => {
      try {
        await evaluator.run(signal);
      } catch (error) {
        logger.error(
          `Scorecard evaluation failed; the stored scorecards stay as they were: ${errorMessage(
            error,
          )}`,
        );
        return;
      }
      if (afterRun && !signal?.aborted) {
        try {
          await afterRun();
        } catch (error) {
          logger.error(
            `After the scorecard evaluation, review drift detection failed; it runs again after the next evaluation: ${errorMessage(
              error,
            )}`,
          );
        }
      }
    },
  });
}

/**
 * Asks for a scorecard evaluation now (after a successful sync), so new
 * facts reach the scorecards without waiting for the schedule. Never throws:
 * when the task is already running or not scheduled, the next run picks the
 * facts up anyway.
 */
export async function triggerScorecardEvaluation(
  scheduler: SchedulerService,
  logger: LoggerService,
): Promise<void> {
  try {
    await scheduler.triggerTask(SCORECARD_EVALUATION_TASK_ID);
  } catch (error) {
    logger.debug(`Scorecard evaluation not triggered: ${errorMessage(error)}`);
  }
}
