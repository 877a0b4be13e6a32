import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { errorMessage } from '../../lib/errorMessage';
import type { ReportDigestSender } from './ReportDigestSender';

/** The scheduler task id of the monthly report digest. */
export const REPORT_DIGEST_TASK_ID = 'reliability-report-digest';

/**
 * Schedules the digest as a global task (one replica runs it at a time; the
 * stored claims keep later runs and other replicas from sending twice).
 */
export async function scheduleReportDigest(options: {
  scheduler: SchedulerService;
  sender: Pick<ReportDigestSender, 'run'>;
  logger: LoggerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
}): Promise<void> {
  const { scheduler, sender, logger, schedule } = options;
  await scheduler.scheduleTask({
    ...schedule,
    id: REPORT_DIGEST_TASK_ID,
    scope: 'global',
    fn: async (signal?: AbortSignal) => {
      try {
        const result = await sender.run(signal);
        if (result && (result.sent.length > 0 || result.failed.length > 0)) {
          logger.info(
            `Report digest for ${result.month}: sent to ${result.sent.length} teams, ${result.failed.length} failed (retried next run)`,
          );
        }
      } catch (error) {
        logger.error(
          `Report digest failed; teams not yet digested are tried next run: ${errorMessage(
            error,
          )}`,
        );
      }
    },
  });
}
