import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { ReliabilityConfig } from '../config/readReliabilityConfig';
import type { ReliabilityStore } from './ReliabilityStore';
import type { RegisteredOnCallSource } from './OnCallProviderRegistry';
import { runSourceSync } from './runSourceSync';

/** The scheduler task id of a source's sync. */
export function sourceSyncTaskId(sourceId: string): string {
  return `reliability-sync-${sourceId}`;
}

/**
 * Registers every source in the store and schedules one global task per
 * source, so each source syncs independently and one replica at a time.
 */
export async function scheduleSourceSyncs(options: {
  sources: RegisteredOnCallSource[];
  store: ReliabilityStore;
  scheduler: SchedulerService;
  logger: LoggerService;
  config: ReliabilityConfig;
  /** Called after each successful sync (e.g. to trigger the scorecard evaluation). */
  onSynced?: () => Promise<void>;
  /**
   * Runs after each successful sync of a source, in the same task (e.g. the
   * report data sync); its failures are its own to report.
   */
  afterSync?: (
    registered: RegisteredOnCallSource,
    signal?: AbortSignal,
  ) => Promise<void>;
  /** The service ids the catalog annotates for a source, asked only by syncs that need them. */
  annotatedServiceIds?: (
    sourceId: string,
    signal: AbortSignal,
  ) => Promise<string[]>;
}): Promise<void> {
  const { sources, store, scheduler, logger, config, onSynced } = options;
  const { annotatedServiceIds } = options;
  if (sources.length === 0) {
    logger.warn(
      'No on-call sources are configured; add a provider module such as the PagerDuty module',
    );
  }
  for (const registered of sources) {
    await store.registerSource(registered.source);
    const taskLogger = logger.child({ sourceId: registered.source.id });
    await scheduler.scheduleTask({
      id: sourceSyncTaskId(registered.source.id),
      scope: 'global',
      ...config.sync.schedule,
      fn: async (signal?: AbortSignal) => {
        const outcome = await runSourceSync({
          registered,
          store,
          logger: taskLogger,
          signal,
          timeoutMs: config.sync.timeoutMs,
          annotatedServiceIds: annotatedServiceIds
            ? syncSignal =>
                annotatedServiceIds(registered.source.id, syncSignal)
            : undefined,
        });
        if (outcome.status === 'succeeded') {
          await options.afterSync?.(registered, signal);
          await onSynced?.();
        }
      },
    });
  }
}
