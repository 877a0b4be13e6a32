import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { reliabilityPermissions } from '@preflight/plugin-reliability-common';
import {
  OnCallProvider,
  reliabilityOnCallProvidersExtensionPoint,
  reliabilitySloProvidersExtensionPoint,
  SloProvider,
} from '@preflight/plugin-reliability-node';
import { readReliabilityConfig } from './config/readReliabilityConfig';
import { DatabaseReliabilityStore } from './database/DatabaseReliabilityStore';
import { OnCallProviderRegistry } from './providers/OnCallProviderRegistry';
import { createRouter } from './service/createRouter';
import { scheduleSourceSyncs } from './sync/scheduleSourceSyncs';
import { DatabaseSloStore } from './slo/DatabaseSloStore';
import { readSloSyncConfig } from './slo/readSloSyncConfig';
import { scheduleSloSyncs } from './slo/scheduleSloSyncs';
import { SloProviderRegistry } from './slo/SloProviderRegistry';

/**
 * The Preflight reliability backend plugin: syncs on-call sources added by
 * modules, stores their data and serves it at `/api/reliability`.
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
      }) {
        const reliabilityConfig = readReliabilityConfig(config);
        const store = await DatabaseReliabilityStore.create({ database });
        const sources = registry.start();
        const sloSyncConfig = readSloSyncConfig(config);
        const sloStore = await DatabaseSloStore.create({ database });
        const sloSources = sloRegistry.start();

        permissionsRegistry.addPermissions(reliabilityPermissions);

        await scheduleSourceSyncs({
          sources,
          store,
          scheduler,
          logger,
          config: reliabilityConfig,
        });

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
          },
          { sources: sloSources, config: sloSyncConfig },
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
            },
          }),
        );
      },
    });
  },
});
