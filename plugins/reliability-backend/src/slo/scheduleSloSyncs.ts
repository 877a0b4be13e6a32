import type { SchedulerService } from '@backstage/backend-plugin-api';
import type { SloSyncConfig } from './readSloSyncConfig';
import { runSloSourceSync, type SloSyncDeps } from './runSloSourceSync';
import type { RegisteredSloSource } from './SloProviderRegistry';

/** The scheduler task id of an SLO source's sync. */
export function sloSyncTaskId(sourceId: string): string {
  return `reliability-slo-sync-${sourceId}`;
}

/**
 * Registers every SLO source in the store and schedules one global task per
 * source, so each source is measured independently, by one replica at a
 * time. Each task also refreshes the SLO declarations from the catalog.
 */
export async function scheduleSloSyncs(
  deps: SloSyncDeps & { scheduler: SchedulerService },
  options: {
    sources: RegisteredSloSource[];
    config: SloSyncConfig;
    /** Called after each successful sync (e.g. to trigger the scorecard evaluation). */
    onSynced?: () => Promise<void>;
  },
): Promise<void> {
  const { sources, config, onSynced } = options;
  if (sources.length === 0) {
    // Nothing could measure an SLO, so nothing reads the declarations either.
    deps.logger.info(
      'No SLO sources are configured; add a provider module such as the Prometheus module to show SLOs',
    );
  }
  for (const registered of sources) {
    await deps.store.registerSource(registered.source);
    const logger = deps.logger.child({ sloSourceId: registered.source.id });
    await deps.scheduler.scheduleTask({
      id: sloSyncTaskId(registered.source.id),
      scope: 'global',
      ...config.schedule,
      fn: async (signal?: AbortSignal) => {
        const outcome = await runSloSourceSync(
          { ...deps, logger },
          { registered, signal, timeoutMs: config.timeoutMs },
        );
        if (outcome.status === 'succeeded') {
          await onSynced?.();
        }
      },
    });
  }
}
