import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { ReportPeriod } from '@preflight/plugin-reliability-common';
import { errorMessage } from '../../lib/errorMessage';
import { sendNotification } from '../../lib/sendNotification';
import { lastFullMonth } from '../metrics/reportPeriod';
import type { ReportReader } from '../routes/ReportReader';
import type { ReportStore } from '../store/ReportStore';
import { digestNotification } from './digestNotification';

/** Teams digested per run at most: bounds one run's work and sends. */
const MAX_TEAMS_PER_RUN = 2_000;

/** What one digest run did, per team. */
export interface DigestRunResult {
  month: string;
  sent: string[];
  alreadySent: number;
  failed: string[];
  /** Teams not notified because the notifications backend is absent. */
  notInstalled: number;
}

/**
 * Sends each team (a group owning entities with report data) the digest of
 * the last whole month, once: a stored claim per team and month, taken
 * before the send, keeps a second replica or a later run from sending it
 * again; a send that failed gives the claim back for the next run. Without
 * the notifications backend every send answers "not installed" and the
 * claims stay, so nothing is retried all month.
 */
export class ReportDigestSender {
  constructor(
    private readonly deps: {
      reportStore: ReportStore;
      reader: Pick<ReportReader, 'group'>;
      notifications?: NotificationService;
      auth: AuthService;
      logger: LoggerService;
      timeZone: string;
      now: () => Date;
      retryDelayMs?: number;
    },
  ) {}

  async run(signal?: AbortSignal): Promise<DigestRunResult | undefined> {
    const { reportStore, reader, notifications, auth, logger } = this.deps;
    if (!notifications) {
      return undefined;
    }
    const period: ReportPeriod = lastFullMonth(
      this.deps.now(),
      this.deps.timeZone,
    );
    const month = period.startDate.slice(0, 7);
    const teams = [
      ...new Set(
        (await reportStore.listReportEntities())
          .map(entity => entity.ownerRef)
          .filter((ref): ref is string => !!ref?.startsWith('group:')),
      ),
    ].sort();
    if (teams.length > MAX_TEAMS_PER_RUN) {
      logger.warn(
        `Report digest: ${teams.length} teams, digesting the first ${MAX_TEAMS_PER_RUN} this run`,
      );
    }
    const credentials = await auth.getOwnServiceCredentials();
    const result: DigestRunResult = {
      month,
      sent: [],
      alreadySent: 0,
      failed: [],
      notInstalled: 0,
    };
    for (const team of teams.slice(0, MAX_TEAMS_PER_RUN)) {
      if (signal?.aborted) break;
      if (!(await reportStore.claimDigest(team, month, this.deps.now()))) {
        result.alreadySent += 1;
        continue;
      }
      let outcome: 'sent' | 'not-installed' | 'failed';
      try {
        const report = await reader.group(team, period, credentials);
        outcome = await sendNotification(
          notifications,
          digestNotification(report),
          {
            logger,
            what: 'Report digest',
            retryDelayMs: this.deps.retryDelayMs,
          },
        );
      } catch (error) {
        logger.warn(
          `Report digest of ${team} for ${month} not built: ${errorMessage(
            error,
          )}`,
        );
        outcome = 'failed';
      }
      if (outcome === 'failed') {
        await reportStore.releaseDigest(team, month);
        result.failed.push(team);
      } else if (outcome === 'not-installed') {
        result.notInstalled += 1;
      } else {
        result.sent.push(team);
      }
    }
    return result;
  }
}
