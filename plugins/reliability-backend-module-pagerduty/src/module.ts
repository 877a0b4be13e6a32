import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilityOnCallProvidersExtensionPoint } from '@preflight/plugin-reliability-node';
import { readPagerDutyConfig } from './config/readPagerDutyConfig';
import { PagerDutyOnCallProvider } from './provider/PagerDutyOnCallProvider';

/**
 * Adds PagerDuty as an on-call source of the reliability plugin, one source
 * per account under `reliability.pagerduty.accounts`.
 * @public
 */
export const reliabilityModulePagerDuty = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'pagerduty',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: reliabilityOnCallProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        // Validated here so a bad config stops the backend at startup with
        // the offending key, rather than failing every sync later.
        const moduleConfig = readPagerDutyConfig(config);
        if (moduleConfig.accounts.length === 0) {
          logger.warn(
            'No PagerDuty accounts configured under reliability.pagerduty.accounts; entities with PagerDuty annotations will show a configuration problem',
          );
        } else {
          logger.info(
            `PagerDuty accounts: ${moduleConfig.accounts
              .map(account => `${account.id} (${account.baseUrl})`)
              .join(', ')}; default ${moduleConfig.defaultAccount}`,
          );
        }
        providers.addProvider(
          new PagerDutyOnCallProvider({ config: moduleConfig, logger }),
        );
      },
    });
  },
});
