import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { reliabilityPermissions } from '@preflight/plugin-reliability-common';
import {
  OnCallProvider,
  reliabilityOnCallProvidersExtensionPoint,
  reliabilityScorecardChecksExtensionPoint,
  reliabilitySloProvidersExtensionPoint,
  SloProvider,
} from '@preflight/plugin-reliability-node';
import { DatabaseAlertRuleStore } from './alertRules/DatabaseAlertRuleStore';
import { readReliabilityConfig } from './config/readReliabilityConfig';
import { DatabaseReliabilityStore } from './oncall/DatabaseReliabilityStore';
import { openReliabilityDatabase } from './database/openReliabilityDatabase';
import { OnCallProviderRegistry } from './oncall/OnCallProviderRegistry';
import { createRouter } from './service/createRouter';
import { listAnnotatedServiceIds } from './oncall/listAnnotatedServiceIds';
import { scheduleSourceSyncs } from './oncall/scheduleSourceSyncs';
import { DatabaseSloStore } from './slo/DatabaseSloStore';
import { readSloSyncConfig } from './slo/readSloSyncConfig';
import { scheduleSloSyncs } from './slo/scheduleSloSyncs';
import { SloProviderRegistry } from './slo/SloProviderRegistry';
import { DatabaseScorecardStore } from './scorecards/DatabaseScorecardStore';
import { readScorecardConfig } from './scorecards/readScorecardConfig';
import { ScorecardCheckRegistry } from './scorecards/ScorecardCheckRegistry';
import { ScorecardEvaluator } from './scorecards/ScorecardEvaluator';
import { DatabaseReviewStore } from './reviews/DatabaseReviewStore';
import { readReportConfig } from './reports/config/readReportConfig';
import { ReportDigestSender } from './reports/digest/ReportDigestSender';
import { scheduleReportDigest } from './reports/digest/scheduleReportDigest';
import { ReportReader } from './reports/routes/ReportReader';
import { DatabaseReportStore } from './reports/store/DatabaseReportStore';
import { DatabaseSloHistoryStore } from './reports/slo/DatabaseSloHistoryStore';
import { listMappedEntities } from './reports/sync/listMappedEntities';
import { runReportSync } from './reports/sync/runReportSync';
import { readReviewConfig } from './reviews/readReviewConfig';
import { ReviewDriftDetector } from './reviews/ReviewDriftDetector';
import { ReviewNotifier } from './reviews/ReviewNotifier';
import {
  scheduleScorecardEvaluation,
  triggerScorecardEvaluation,
} from './scorecards/scheduleScorecardEvaluation';

/**
 * The Preflight reliability backend plugin: syncs on-call and SLO sources
 * added by modules, stores their data, evaluates production-readiness
 * scorecards (built-in checks plus checks added by modules) and serves it
 * all at `/api/reliability`.
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    const registry = new OnCallProviderRegistry();
    env.registerExtensionPoint(reliabilityOnCallProvidersExtensionPoint, {
      addProvider(provider: OnCallProvider) {
        registry.add(provider);
      },
    });
    const sloRegistry = new SloProviderRegistry();
    env.registerExtensionPoint(reliabilitySloProvidersExtensionPoint, {
      addProvider(provider: SloProvider) {
        sloRegistry.add(provider);
      },
    });
    const checkRegistry = new ScorecardCheckRegistry();
    env.registerExtensionPoint(reliabilityScorecardChecksExtensionPoint, {
      addCheck(check) {
        checkRegistry.add(check);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        urlReader: coreServices.urlReader,
        // Always resolvable (a default factory); without the notifications
        // backend its sends fail with 404, which the notifier expects.
        notifications: notificationService,
      },
      async init({
        config,
        logger,
        database,
        scheduler,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        auditor,
        catalog,
        auth,
        urlReader,
        notifications,
      }) {
        const reliabilityConfig = readReliabilityConfig(config);
        // Migrated once, here; every store works on this one connection.
        const db = await openReliabilityDatabase(database);
        const store = new DatabaseReliabilityStore(db);
        const sources = registry.start();
        const sloSyncConfig = readSloSyncConfig(config);
        const sloStore = new DatabaseSloStore(db);
        const sloSources = sloRegistry.start();
        const alertRuleStore = new DatabaseAlertRuleStore(db);
        // Validated before anything is scheduled: a bad rubric stops the
        // backend with every problem and its config path.
        const checks = checkRegistry.start();
        const scorecardConfig = readScorecardConfig(config, checks);
        const scorecardStore = await DatabaseScorecardStore.create(db);
        // Review templates bind items to rubric checks: validated against
        // the rubric, also before anything runs.
        const reviewConfig = readReviewConfig(config, scorecardConfig.rubric);
        const reviewStore = new DatabaseReviewStore(db);
        const reportConfig = readReportConfig(config);
        const reportStore = new DatabaseReportStore(db);
        const sloHistory = new DatabaseSloHistoryStore(db);

        permissionsRegistry.addPermissions(reliabilityPermissions);

        const evaluator = new ScorecardEvaluator({
          catalog,
          auth,
          logger: logger.child({ task: 'scorecards' }),
          scorecardStore,
          facts: {
            catalog,
            store,
            onCallRegistry: registry,
            sloStore,
            sloRegistry,
            alertRuleStore,
            onCallStaleAfterMs: reliabilityConfig.sync.staleAfterMs,
            sloStaleAfterMs: sloSyncConfig.staleAfterMs,
            reviews: {
              store: reviewStore,
              templates: reviewConfig.templates,
            },
            reports: {
              store: reportStore,
              timeZone: reportConfig.timeZone,
              // Report data is read on the on-call sync schedule.
              staleAfterMs: reliabilityConfig.sync.staleAfterMs,
            },
          },
          config: scorecardConfig,
          checks,
        });
        const notifier = new ReviewNotifier({
          notifications,
          enabled: reviewConfig.notifications,
          logger: logger.child({ task: 'review-notifications' }),
        });
        // Drift is detected incrementally, right after each evaluation run,
        // from the scorecards that run wrote.
        const driftDetector = new ReviewDriftDetector({
          reviewStore,
          scorecardStore,
          templates: reviewConfig.templates,
          logger: logger.child({ task: 'review-drift' }),
          notifier,
        });
        await scheduleScorecardEvaluation({
          scheduler,
          evaluator,
          logger,
          schedule: scorecardConfig.schedule,
          afterRun: () => driftDetector.run(),
        });
        // New facts reach the scorecards right after each successful sync.
        const onSynced = () => triggerScorecardEvaluation(scheduler, logger);

        await scheduleSourceSyncs({
          sources,
          store,
          scheduler,
          logger,
          config: reliabilityConfig,
          onSynced,
          // Report data follows each successful on-call sync.
          afterSync: async (registered, signal) => {
            await runReportSync({
              registered,
              reportStore,
              store,
              config: reportConfig,
              logger: logger.child({ task: 'report-sync' }),
              signal,
              mappedEntities: entitySignal =>
                listMappedEntities({
                  catalog,
                  auth,
                  registry,
                  sourceId: registered.source.id,
                  signal: entitySignal,
                }),
            });
          },
          annotatedServiceIds: (sourceId, signal) =>
            listAnnotatedServiceIds({
              catalog,
              auth,
              registry,
              sourceId,
              signal,
            }),
        });

        if (reportConfig.digest.enabled) {
          await scheduleReportDigest({
            scheduler,
            logger: logger.child({ task: 'report-digest' }),
            schedule: reportConfig.digest.schedule,
            sender: new ReportDigestSender({
              reportStore,
              reader: new ReportReader({
                reportStore,
                store,
                ancestry: scorecardStore,
                catalog,
                registry,
                config: reportConfig,
                now: () => new Date(),
                sloHistory,
              }),
              notifications,
              auth,
              logger: logger.child({ task: 'report-digest' }),
              timeZone: reportConfig.timeZone,
              now: () => new Date(),
            }),
          });
        }

        await scheduleSloSyncs(
          {
            registry: sloRegistry,
            catalog,
            auth,
            urlReader,
            sloStore,
            store,
            logger,
            scheduler,
            alertRuleStore,
            maxWindowSeconds: sloSyncConfig.maxWindowSeconds,
            sloHistory: {
              store: sloHistory,
              timeZone: reportConfig.timeZone,
              maxGapSeconds: sloSyncConfig.intervalSeconds,
            },
          },
          { sources: sloSources, config: sloSyncConfig, onSynced },
        );

        // No auth policy is added: every route requires user or service
        // credentials, which is the http router's default.
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            auditor,
            catalog,
            store,
            registry,
            logger,
            config: reliabilityConfig,
            slos: {
              sloStore,
              registry: sloRegistry,
              staleAfterMs: sloSyncConfig.staleAfterMs,
              deployGate: sloSyncConfig.deployGate,
            },
            scorecards: {
              store: scorecardStore,
              rubric: scorecardConfig.rubric,
              kinds: scorecardConfig.kinds,
            },
            reports: {
              store: reportStore,
              config: reportConfig,
              scorecardStore,
              sloHistory,
            },
            reviews: {
              store: reviewStore,
              config: reviewConfig,
              auth,
              // Scorecards (readiness-review-approved) follow review states.
              onStateChange: onSynced,
              notifier,
            },
          }),
        );
      },
    });
  },
});
