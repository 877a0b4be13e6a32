import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { OnCallProvider } from './OnCallProvider';

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
