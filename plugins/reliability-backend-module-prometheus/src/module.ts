import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readPrometheusConfig } from './config/readPrometheusConfig';
import { reliabilitySloProvidersExtensionPoint } from '@preflight/plugin-reliability-node';
import { PrometheusSloProvider } from './provider/PrometheusSloProvider';

/**
 * Adds Prometheus as an SLO source of the reliability plugin, one source per
 * instance under `reliability.prometheus.instances`. Needs the backend to
 * provide the `reliability.slo-providers` extension point
 * (`reliabilitySloProvidersExtensionPoint` of `@preflight/plugin-reliability-node`).
 * @public
 */
export const reliabilityModulePrometheus = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: reliabilitySloProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        // Validated here so a bad config stops the backend at startup with
        // the offending key, rather than failing every sync later.
        const moduleConfig = readPrometheusConfig(config);
        if (moduleConfig.instances.length === 0) {
          logger.warn(
            'No Prometheus instances configured under reliability.prometheus.instances; SLOs will show a configuration problem',
          );
        } else {
          // Names and URLs only: header values are secrets.
          logger.info(
            `Prometheus instances: ${moduleConfig.instances
              .map(instance => `${instance.name} (${instance.baseUrl})`)
              .join(', ')}; default ${moduleConfig.defaultInstance}`,
          );
        }
        providers.addProvider(
          new PrometheusSloProvider({ config: moduleConfig, logger }),
        );
      },
    });
  },
});
