import {
  coreServices,
  createBackendModule,
  type SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  reliabilityOnCallProvidersExtensionPoint,
  type OnCallProvider,
  type OnCallSourceInfo,
} from '@preflight/plugin-reliability-node';

/**
 * A backend module adding `provider` to the plugin, and a way to run its
 * sync now: the test backend's scheduler runs only triggered tasks.
 */
export function onCallProviderTestModule(
  // One source: the one `syncNow` syncs.
  provider: OnCallProvider & { source: OnCallSourceInfo },
  moduleId: string,
) {
  let scheduler: SchedulerService | undefined;
  const module = createBackendModule({
    pluginId: 'reliability',
    moduleId,
    register(env) {
      env.registerInit({
        deps: {
          providers: reliabilityOnCallProvidersExtensionPoint,
          scheduler: coreServices.scheduler,
        },
        async init(deps) {
          deps.providers.addProvider(provider);
          scheduler = deps.scheduler;
        },
      });
    },
  });
  return {
    module,
    async syncNow() {
      if (!scheduler) {
        throw new Error(`the ${moduleId} module did not start`);
      }
      await scheduler.triggerTask(`reliability-sync-${provider.source.id}`);
    },
  };
}
