/**
 * Preflight reliability backend plugin: syncs on-call sources, stores their
 * data and serves entity reliability summaries. Modules extend it through the
 * extension points of `@preflight/plugin-reliability-node`.
 *
 * @packageDocumentation
 */
export { reliabilityPlugin } from './plugin';
export { reliabilityPlugin as default } from './plugin';
