import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilitySloProvidersExtensionPoint } from '@preflight/plugin-reliability-node';
import { RecordedDemoSloProvider } from './RecordedDemoSloProvider';

/** Config key that turns the recorded demo SLO source on. */
export const RECORDED_SLOS_CONFIG_KEY = 'reliability.demo.recordedSlos';

/**
 * Demo only: adds the recorded demo SLO source (`recorded:demo`) when
 * `reliability.demo.recordedSlos` is true, which `scripts/start-demo.sh`
 * sets (via app-config.recorded-slos.yaml) when no `prometheus` binary is
 * installed. Does nothing otherwise, so it never competes with Prometheus.
 */
export const reliabilityModuleRecordedSlos = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'recorded-slos',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: reliabilitySloProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        if (!config.getOptionalBoolean(RECORDED_SLOS_CONFIG_KEY)) {
          return;
        }
        logger.warn(
          'SLO widgets show recorded demo data (no Prometheus): expected values of the demo scenario, not live metrics',
        );
        providers.addProvider(new RecordedDemoSloProvider());
      },
    });
  },
});
