import { createBackendModule } from '@backstage/backend-plugin-api';
import { reliabilityScorecardChecksExtensionPoint } from '@preflight/plugin-reliability-node';
import { dependenciesDeclaredCheck } from './dependenciesDeclaredCheck';
import { sourceLocationSetCheck } from './sourceLocationSetCheck';

/**
 * Adds two custom scorecard checks that read catalog facts only:
 * `dependencies-declared` (services list `spec.dependsOn`) and
 * `source-location-set` (`backstage.io/source-location`). With no
 * `reliability.scorecards.checks` configured both run with their defaults;
 * a configured rubric references them by id like any built-in check.
 * @public
 */
export const reliabilityModuleScorecardExample = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'scorecard-example',
  register(reg) {
    reg.registerInit({
      deps: { checks: reliabilityScorecardChecksExtensionPoint },
      async init({ checks }) {
        checks.addCheck(dependenciesDeclaredCheck);
        checks.addCheck(sourceLocationSetCheck);
      },
    });
  },
});
