import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ReliabilityStore } from '../../oncall/ReliabilityStore';
import { errorMessage } from '../../lib/errorMessage';
import type { RegisteredOnCallSource } from '../../oncall/OnCallProviderRegistry';
import type { ReportConfig } from '../config/readReportConfig';
import { localDayWindow } from '../metrics/localDayWindow';
import {
  addLocalDays,
  formatLocalDate,
  localDateOf,
  parseLocalDate,
} from '../metrics/zonedTime';
import type { ReportEntity, ReportStore } from '../store/ReportStore';
import { foldSourceDays } from './foldSourceDays';

const DAY_MS = 86_400_000;

/** Outcome of one report sync. */
export type ReportSyncOutcome =
  | { status: 'unsupported' }
  | {
      status: 'succeeded';
      days: number;
      serviceRows: number;
      rotationRows: number;
    }
  | { status: 'failed'; error: string };

function dayOf(ms: number, timeZone: string): string {
  return formatLocalDate(localDateOf(ms, timeZone));
}

/**
 * Reads a source's report data (if its provider can), stores it, and
 * re-folds the daily rows of every day the read may have changed.
 *
 * Window: the first sync reads `historyDays` back; later ones re-read from
 * `resyncDays` before the previous end (late data), and ask for incidents
 * changed since then, so an old incident resolved since is re-folded from
 * its creation day on. The day before the window is re-folded too, since an
 * incident early in the window may fail a change made late on that day.
 *
 * Never throws for a failed read: the stored rows stay as they were.
 */
export async function runReportSync(options: {
  registered: RegisteredOnCallSource;
  reportStore: ReportStore;
  store: ReliabilityStore;
  config: ReportConfig;
  logger: LoggerService;
  signal?: AbortSignal;
  now?: () => Date;
  /** The catalog entities mapped to this source's services. */
  mappedEntities?: (signal?: AbortSignal) => Promise<ReportEntity[]>;
}): Promise<ReportSyncOutcome> {
  const { registered, reportStore, store, config, logger, signal } = options;
  const { provider, source } = registered;
  if (!provider.syncReportData) {
    return { status: 'unsupported' };
  }
  const nowMs = (options.now ?? (() => new Date()))().getTime();
  const timeZone = config.timeZone;
  let state: Awaited<ReturnType<ReportStore['getReportSyncState']>>;
  try {
    state = await reportStore.getReportSyncState(source.id);
    const historyStartMs =
      state?.historyStartMs ?? nowMs - config.historyDays * DAY_MS;
    const sinceMs = state
      ? Math.max(
          historyStartMs,
          state.syncedUntilMs - config.resyncDays * DAY_MS,
        )
      : historyStartMs;
    const data = await provider.syncReportData(source.id, {
      signal: signal ?? new AbortController().signal,
      since: new Date(sinceMs),
      until: new Date(nowMs),
      ...(state ? { changedSince: new Date(sinceMs) } : {}),
    });
    await reportStore.upsertReportData(source.id, data);

    // From the earliest day the read touched (an old incident that changed)
    // to today.
    let earliestMs = sinceMs;
    for (const incident of data.incidents) {
      const created = Date.parse(incident.createdAt);
      if (Number.isFinite(created) && created < earliestMs)
        earliestMs = created;
    }
    earliestMs = Math.max(earliestMs, historyStartMs);
    const fromDay = formatLocalDate(
      addLocalDays(parseLocalDate(dayOf(earliestMs, timeZone), 'day'), -1),
    );
    const toDay = dayOf(nowMs, timeZone);
    const fromMs = localDayWindow(fromDay, timeZone).window.start;
    const toMs = localDayWindow(toDay, timeZone).window.end;
    const inputs = await reportStore.readFoldInputs(source.id, {
      fromMs,
      toMs,
      changesUntilMs: toMs + config.changeFailureWindowMinutes * 60_000,
    });

    const serviceIds = [...new Set(inputs.incidents.map(i => i.serviceId))];
    const services = await store.getServices(source.id, serviceIds);
    const policyOfService = new Map<string, string>();
    for (const service of services) {
      if (service.escalationPolicyId) {
        policyOfService.set(service.id, service.escalationPolicyId);
      }
    }
    const rows = foldSourceDays({
      fromDay,
      toDay,
      timeZone,
      inputs,
      policyOfService,
      hours: config.hours,
      changeWindowMinutes: config.changeFailureWindowMinutes,
      transientMinutes: config.transientMinutes,
    });
    await reportStore.replaceDailyRows({
      sourceId: source.id,
      timeZone,
      fromDay,
      toDay,
      ...rows,
    });
    if (options.mappedEntities) {
      await reportStore.replaceReportEntities(
        source.id,
        await options.mappedEntities(signal),
      );
    }
    await reportStore.recordReportSync({
      sourceId: source.id,
      historyStartMs,
      syncedUntilMs: nowMs,
      syncedAt: new Date(nowMs),
      warnings: data.warnings,
    });
    for (const warning of data.warnings) {
      logger.warn(`Report sync of ${source.id}: ${warning}`);
    }
    const days = Math.round((toMs - fromMs) / DAY_MS);
    logger.info(
      `Report data of ${source.id} synced: ${data.incidents.length} incidents, ${data.changeEvents.length} change events, ${data.shifts.length} shifts read; ${days} days re-folded into ${rows.serviceRows.length} service and ${rows.rotationRows.length} rotation rows`,
    );
    return {
      status: 'succeeded',
      days,
      serviceRows: rows.serviceRows.length,
      rotationRows: rows.rotationRows.length,
    };
  } catch (error) {
    const message = errorMessage(error);
    logger.warn(
      `Report sync of ${source.id} failed; keeping its report data as it was: ${message}`,
    );
    // Readers see that the data stopped at the last success, and why.
    if (state) {
      await reportStore
        .recordReportSync({
          ...state,
          warnings: [
            `The report sync of ${source.id} failed at ${new Date(
              nowMs,
            ).toISOString()}: ${message.slice(0, 300)}`,
          ],
        })
        .catch(() => undefined);
    }
    return { status: 'failed', error: message };
  }
}
