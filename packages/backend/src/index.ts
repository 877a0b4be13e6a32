/*
 * The demo backend, wired the way a Backstage adopter wires Preflight into
 * their own backend: the reliability plugin plus one module per data source.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in for the demo: the guest provider, so no accounts are needed.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Preflight
backend.add(import('@preflight/plugin-reliability-backend'));
backend.add(import('@preflight/plugin-reliability-backend-module-pagerduty'));
backend.add(import('@preflight/plugin-reliability-backend-module-prometheus'));

backend.start();
