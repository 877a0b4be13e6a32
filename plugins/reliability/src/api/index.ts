export { reliabilityApiRef } from './ReliabilityApi';
export type {
  ReliabilityApi,
  ReliabilityRequestOptions,
} from './ReliabilityApi';
export { ReliabilityClient } from './ReliabilityClient';
export type { ReliabilityClientOptions } from './ReliabilityClient';
