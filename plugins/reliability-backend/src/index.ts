/**
 * Preflight reliability backend plugin: syncs on-call sources, stores their
 * data and serves entity reliability summaries.
 *
 * @packageDocumentation
 */
export { reliabilityPlugin } from './plugin';
export { reliabilityPlugin as default } from './plugin';
