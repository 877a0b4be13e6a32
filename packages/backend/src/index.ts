/*
 * The demo backend, wired the way a Backstage adopter wires Preflight into
 * their own backend: the reliability plugin plus one module per data source.
 */
import { createBackend } from '@backstage/backend-defaults';
import { authModuleDemoPeople } from './demoSignIn/authModuleDemoPeople';
import { reliabilityModuleSimulatedSlos } from './simulatedSlos/reliabilityModuleSimulatedSlos';
import { reliabilityModuleDemoSloHistory } from './demoSloHistory/reliabilityModuleDemoSloHistory';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in for the demo: the guest provider, so no accounts are needed.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// Demo only: "sign in as" one of the example fleet's people, so a readiness
// review can be opened by its owner and signed off by a reviewer.
backend.add(authModuleDemoPeople);

backend.add(import('@backstage/plugin-catalog-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Notifications (the bell in the sidebar) and signals (its live updates):
// readiness reviews notify reviewers, DRIs and owners through them. Without
// these two lines Preflight works the same and notifies nobody.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Preflight
backend.add(import('@preflight/plugin-reliability-backend'));
backend.add(import('@preflight/plugin-reliability-backend-module-pagerduty'));
backend.add(import('@preflight/plugin-reliability-backend-module-prometheus'));
// Custom scorecard checks (dependencies-declared, source-location-set), an
// example of adding checks from a module; scorecards.yaml puts one in gold.
backend.add(
  import('@preflight/plugin-reliability-backend-module-scorecard-example'),
);
// Demo only: SLO data simulated from the demo scenario, for machines without
// Prometheus. Inert unless `reliability.demo.simulatedSlos` is true
// (app-config.simulated-slos.yaml, which scripts/start-demo.sh adds then).
backend.add(reliabilityModuleSimulatedSlos);
// Demo only: a year of daily SLO history generated from the demo scenario,
// so the reliability report's SLO section has a trend on a fresh demo.
// Inert unless `reliability.demo.sloHistory` is true (app-config.yaml).
backend.add(reliabilityModuleDemoSloHistory);

backend.start();
