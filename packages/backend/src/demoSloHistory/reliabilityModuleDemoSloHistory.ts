import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
// eslint-disable-next-line @backstage/no-forbidden-package-imports -- workspace-only internals, not the published API
import {
  DatabaseSloHistoryStore,
  openReliabilityDatabase,
} from '@preflight/plugin-reliability-backend/src/workspaceInternals';
import { demoCacheBoundary, demoScenario } from '@preflight/demo-fixtures';
import { demoSloHistoryRows } from './demoSloHistoryRows';

/** Config key that turns the demo SLO history backfill on. */
export const DEMO_SLO_HISTORY_CONFIG_KEY = 'reliability.demo.sloHistory';

/** Days of history the demo gets: the report's twelve-month trend and more. */
const DEMO_HISTORY_DAYS = 400;

/**
 * Demo only: the SLO sync records the daily SLO history from the day the
 * plugin is installed, so a fresh demo would show one day of SLO figures.
 * With `reliability.demo.sloHistory: true` (the demo's app-config.yaml) this
 * module writes a year of daily rows generated from the demo scenario at
 * start, each marked as demo data (the report says so). Existing rows, such
 * as days the SLO sync measured, are never overwritten.
 */
export const reliabilityModuleDemoSloHistory = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'demo-slo-history',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
      },
      async init({ config, database, lifecycle, logger }) {
        if (!config.getOptionalBoolean(DEMO_SLO_HISTORY_CONFIG_KEY)) {
          return;
        }
        const timeZone =
          config.getOptionalString('reliability.reports.timeZone') ?? 'UTC';
        // After the plugin's own start: its migrations have run by then.
        lifecycle.addStartupHook(async () => {
          const nowMs = Date.now();
          const endSeconds = Math.floor(nowMs / 1000);
          const rows = demoSloHistoryRows({
            scenario: demoScenario(demoCacheBoundary(endSeconds), endSeconds),
            nowMs,
            timeZone,
            days: DEMO_HISTORY_DAYS,
          });
          const store = new DatabaseSloHistoryStore(
            await openReliabilityDatabase(database),
          );
          await store.writeRows(rows);
          logger.warn(
            `Wrote up to ${rows.length} daily SLO history rows generated from the demo scenario (demo data, not measurements)`,
          );
        });
      },
    });
  },
});
