import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilitySloProvidersExtensionPoint } from '@preflight/plugin-reliability-node';
import { SimulatedDemoSloProvider } from '@preflight/demo-fixtures/simulated-slos';

/** Config key that turns the simulated demo SLO source on. */
export const SIMULATED_SLOS_CONFIG_KEY = 'reliability.demo.simulatedSlos';
/** The key's earlier name, still read so existing local configs keep working. */
export const DEPRECATED_RECORDED_SLOS_CONFIG_KEY =
  'reliability.demo.recordedSlos';

/**
 * Demo only: adds the simulated demo SLO source (`simulated:demo`) when
 * `reliability.demo.simulatedSlos` (formerly `recordedSlos`) is true, which `scripts/start-demo.sh`
 * sets (via app-config.simulated-slos.yaml) when no `prometheus` binary is
 * installed. Does nothing otherwise, so it never competes with Prometheus.
 */
export const reliabilityModuleSimulatedSlos = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'simulated-slos',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: reliabilitySloProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        const enabled = config.getOptionalBoolean(SIMULATED_SLOS_CONFIG_KEY);
        const deprecated = config.getOptionalBoolean(
          DEPRECATED_RECORDED_SLOS_CONFIG_KEY,
        );
        if (deprecated !== undefined) {
          logger.warn(
            `${DEPRECATED_RECORDED_SLOS_CONFIG_KEY} is deprecated and read only when ${SIMULATED_SLOS_CONFIG_KEY} is unset; rename it to ${SIMULATED_SLOS_CONFIG_KEY}`,
          );
        }
        if (!(enabled ?? deprecated)) {
          return;
        }
        logger.warn(
          'SLO widgets show simulated demo data (no Prometheus): expected values of the demo scenario, not live metrics',
        );
        providers.addProvider(new SimulatedDemoSloProvider());
      },
    });
  },
});
