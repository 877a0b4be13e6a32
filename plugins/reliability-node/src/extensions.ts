import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { OnCallProvider } from './OnCallProvider';
import type { SloProvider } from './SloProvider';

/**
 * Lets backend modules add on-call sources to the reliability plugin.
 * @public
 */
export interface ReliabilityOnCallProvidersExtensionPoint {
  addProvider(provider: OnCallProvider): void;
}

/** @public */
export const reliabilityOnCallProvidersExtensionPoint =
  createExtensionPoint<ReliabilityOnCallProvidersExtensionPoint>({
    id: 'reliability.on-call-providers',
  });

/**
 * Lets backend modules add SLO sources (e.g. Prometheus instances) to the
 * reliability plugin.
 * @public
 */
export interface ReliabilitySloProvidersExtensionPoint {
  addProvider(provider: SloProvider): void;
}

/** @public */
export const reliabilitySloProvidersExtensionPoint =
  createExtensionPoint<ReliabilitySloProvidersExtensionPoint>({
    id: 'reliability.slo-providers',
  });
