import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { reliabilityPermissions } from '@preflight/plugin-reliability-common';
import {
  OnCallProvider,
  reliabilityOnCallProvidersExtensionPoint,
} from '@preflight/plugin-reliability-node';
import { readReliabilityConfig } from './config/readReliabilityConfig';
import { DatabaseReliabilityStore } from './database/DatabaseReliabilityStore';
import { OnCallProviderRegistry } from './providers/OnCallProviderRegistry';
import { createRouter } from './service/createRouter';
import { scheduleSourceSyncs } from './sync/scheduleSourceSyncs';

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
      }) {
        const reliabilityConfig = readReliabilityConfig(config);
        const store = await DatabaseReliabilityStore.create({ database });
        const sources = registry.start();

        permissionsRegistry.addPermissions(reliabilityPermissions);

        await scheduleSourceSyncs({
          sources,
          store,
          scheduler,
          logger,
          config: reliabilityConfig,
        });

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
          }),
        );
      },
    });
  },
});
